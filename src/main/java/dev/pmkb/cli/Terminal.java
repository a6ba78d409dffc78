package dev.pmkb.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** How the commands put paths, reasons and text from postmortems in front of a person at a terminal. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Text from content made harmless for a terminal: control characters (an escape sequence in a title could
     * recolour or rewrite the terminal, a CR hide the start of a line) are shown as {@code \u001b}-style escapes.
     */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control && out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (control) out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            else if (out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }

    /** Why an I/O operation failed, in words: the JDK's exceptions often carry only the path. */
    static String reason(IOException e) {
        String why;
        if (e instanceof AccessDeniedException) why = "permission denied";
        else if (e instanceof NoSuchFileException) why = "no such file or folder";
        else if (e instanceof NotDirectoryException) why = "not a folder";
        else if (e instanceof FileAlreadyExistsException) why = "exists already";
        else why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return why;
    }

    /**
     * A failure's message with the reason in words when its cause is a file-system error whose message is only a
     * path ({@code /site/output}: from an {@code AccessDeniedException}, "permission denied" is the news).
     */
    static String withReason(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.file.FileSystemException io && io.getReason() == null) {
                String why = reason(io);
                return message.contains(why) ? message : message + ": " + why;
            }
        }
        return message;
    }

    /**
     * A folder as the user typed it, ending in {@code /}, when it was typed (itself, or the site folder it is in);
     * else the configured folder, relative to the current one when inside it.
     */
    static String folder(Path typed, Path configured, Path typedSite, Path siteRoot) {
        if (typed == null && !typedSite.toString().isEmpty() && configured.startsWith(siteRoot)) {
            return folder(typedSite.resolve(siteRoot.relativize(configured)), configured);
        }
        return folder(typed, configured);
    }

    static String folder(Path typed, Path configured) {
        if (typed != null) {
            String s = typed.toString().replace('\\', '/');
            return s.isEmpty() ? "./" : s.endsWith("/") ? s : s + "/";
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = configured.startsWith(cwd) ? cwd.relativize(configured) : configured;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "./" : s + "/";
    }
}
