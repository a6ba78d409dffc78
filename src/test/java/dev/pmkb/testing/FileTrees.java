package dev.pmkb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What tests ask of a folder tree: its files' bytes, which files are the same file, its postmortems; and its removal. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Every file of {@code tree} by relative path, with its bytes (as a string, for readable differences). */
    public static Map<String, String> files(Path tree) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(tree.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** Every file of {@code tree} by relative path, with its inode and modification time: equal when untouched. */
    public static Map<String, Object> stamps(Path tree) throws IOException {
        Map<String, Object> stamps = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                stamps.put(tree.relativize(f).toString(), a.fileKey() + " " + a.lastModifiedTime());
            }
        }
        return stamps;
    }

    /** The file's inode (its key): two paths with the same one are one file, linked. */
    public static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** The Markdown files under {@code folder}, in path order. */
    public static List<Path> markdown(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** Deletes {@code folder} and everything in it. */
    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
