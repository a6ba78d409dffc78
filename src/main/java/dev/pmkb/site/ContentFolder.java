package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.read.SourceReader;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the content folder holds, found by one walk that follows no links, so that nothing outside the folder is
 * ever read or published and no loop of links can hold the bake.
 * <ul>
 * <li>Postmortems: {@code .md} and {@code .markdown} files (any case). A link is read only when its real path is
 * a file inside the content folder, and only when that file is not baked under its own name already.</li>
 * <li>Attachments: images (not SVG, which can run scripts), PDF, CSV, TSV and JSON files, which a browser shows
 * without running anything. The bake publishes those a published postmortem links to.</li>
 * <li>Skipped, each with a warning naming the file: other file types, hidden {@code .md} files, links to folders,
 * broken links, FIFOs and devices; with an error: links whose real path leaves the content folder. Hidden folders
 * ({@code .git}) are not walked at all.</li>
 * </ul>
 */
public final class ContentFolder {

    /** Types a browser shows without running anything, whatever the server says they are. */
    static final Set<String> PASSIVE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "csv", "tsv",
            "json");
    /** Write-ups pmkb does not read; the author should know they are neither baked nor published. */
    private static final Set<String> WRITE_UPS = Set.of("txt", "html", "htm", "adoc", "rst");

    /**
     * @param postmortems files to read, in path order
     * @param attachments files a postmortem may link to and the bake may publish, by their path relative to the
     *                    content folder ({@code /} separators)
     * @param problems    what was skipped and why
     */
    public record Listing(List<Path> postmortems, Map<String, Path> attachments, List<Diagnostic> problems) {
    }

    private ContentFolder() {
    }

    public static Listing scan(Path content) throws IOException {
        Path root = content.toRealPath();
        Scan scan = new Scan(content, root);
        // The walk starts at the real folder, so that a content folder that is itself a link is walked; every path
        // is then named as under the content folder given.
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, scan);
        return scan.listing();
    }

    /** Whether a file's name says it is shown, never run, by a browser. */
    static boolean isPassive(String name) {
        return PASSIVE_TYPES.contains(extension(name));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    static final class Scan extends SimpleFileVisitor<Path> {
        private final Path content;
        private final Path realContent;
        private final Map<Path, Path> postmortems = new TreeMap<>();
        private final List<Path> linkedPostmortems = new ArrayList<>();
        private final Map<String, Path> attachments = new TreeMap<>();
        private final List<Diagnostic> problems = new ArrayList<>();

        Scan(Path content, Path realContent) {
            this.content = content;
            this.realContent = realContent;
        }

        private String name(Path file) {
            return SourceReader.sourceName(content, file);
        }

        private Path underContent(Path walked) {
            return content.resolve(realContent.relativize(walked).toString());
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(realContent) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path walked, BasicFileAttributes attrs) {
            Path file = underContent(walked);
            String fileName = file.getFileName().toString();
            boolean postmortem = SourceReader.hasPostmortemExtension(file);
            if (fileName.startsWith(".")) {
                if (postmortem) {
                    problems.add(Diagnostic.warning(name(file), 0,
                            "not baked: a hidden file (its name starts with '.'); rename it to publish it"));
                }
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                link(file, postmortem);
            } else if (attrs.isRegularFile()) {
                if (postmortem) postmortems.put(file, realOf(file));
                else attachment(file, file);
            } else {
                problems.add(Diagnostic.warning(name(file), 0,
                        "not read: not a regular file (a FIFO, socket or device)"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path walked, IOException e) throws IOException {
            if (walked.equals(realContent)) throw e;
            if (!walked.getFileName().toString().startsWith(".")) problems.add(cannotRead(walked, e));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && dir.equals(realContent)) throw e;
            if (e != null) problems.add(cannotRead(dir, e));
            return FileVisitResult.CONTINUE;
        }

        private Diagnostic cannotRead(Path walked, IOException e) {
            boolean folder = Files.isDirectory(walked, LinkOption.NOFOLLOW_LINKS);
            return Diagnostic.error(name(underContent(walked)), 0, (folder ? "cannot read folder: " : "cannot read file: ")
                    + SourceReader.reason(e) + (folder ? "; the postmortems in it were not baked" : ""));
        }

        private void link(Path file, boolean postmortem) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException e) {
                problems.add(Diagnostic.warning(name(file), 0, "not read: a broken link (its target does not exist)"));
                return;
            } catch (IOException e) {
                problems.add(Diagnostic.warning(name(file), 0, "not read: a link that cannot be followed: " + SourceReader.reason(e)));
                return;
            }
            if (!target.startsWith(realContent)) {
                problems.add(Diagnostic.error(name(file), 0,
                        "links outside the content folder; not baked and not published"));
            } else if (Files.isDirectory(target)) {
                problems.add(Diagnostic.warning(name(file), 0, "not read: a link to a folder (pmkb follows no folder links)"));
            } else if (!Files.isRegularFile(target)) {
                problems.add(Diagnostic.warning(name(file), 0, "not read: links to something that is not a regular file"));
            } else if (postmortem) {
                linkedPostmortems.add(file);
            } else {
                attachment(file, target);
            }
        }

        private void attachment(Path file, Path source) {
            String name = file.getFileName().toString();
            String extension = extension(name);
            if (WRITE_UPS.contains(extension)) {
                problems.add(Diagnostic.warning(name(file), 0,
                        "not baked: pmkb reads postmortems from .md and .markdown files (nor is it published)"));
            } else if (PASSIVE_TYPES.contains(extension)) {
                attachments.put(name(file), source);
            } else {
                problems.add(Diagnostic.warning(name(file), 0, "not published: pmkb publishes only images (not SVG), "
                        + "PDF, CSV, TSV and JSON files, which cannot run scripts in a reader's browser"));
            }
        }

        private Path realOf(Path file) {
            try {
                return file.toRealPath();
            } catch (IOException e) {
                return file.toAbsolutePath().normalize();
            }
        }

        Listing listing() {
            Set<Path> baked = new HashSet<>(postmortems.values());
            linkedPostmortems.sort(null);
            for (Path link : linkedPostmortems) {
                Path target = realOf(link);
                if (baked.add(target)) {
                    postmortems.put(link, target);
                } else {
                    problems.add(Diagnostic.warning(name(link), 0, "not baked twice: a link to "
                            + realContent.relativize(target).toString().replace('\\', '/') + ", which is baked already"));
                }
            }
            return new Listing(List.copyOf(postmortems.keySet()), attachments, problems);
        }
    }
}
