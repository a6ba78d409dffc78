package dev.pmkb.model;

/**
 * A problem found in one postmortem, reported as {@code file:line: severity: message} like a compiler.
 *
 * @param source path of the file relative to the content folder, with {@code /} separators
 * @param line   1-based line in that file, or 0 when the problem is about the whole file
 */
public record Diagnostic(String source, int line, Severity severity, String message) {

    public enum Severity {
        WARNING, ERROR;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Diagnostic error(String source, int line, String message) {
        return new Diagnostic(source, line, Severity.ERROR, message);
    }

    public static Diagnostic warning(String source, int line, String message) {
        return new Diagnostic(source, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (line > 0 ? source + ":" + line : source) + ": " + severity.label() + ": " + message;
    }
}
