package dev.pmkb.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What identifies the pmkb that runs: the content of its own classes and bundled resources (a development build
 * changes without a version bump), the names of the libraries beside it (their versions) and the Java runtime's
 * version. Contents, not file times: CI builds pmkb afresh on every run and must still find the cache it saved.
 * Computed once per JVM.
 */
public final class CodeFingerprint {

    private static volatile String current;

    private CodeFingerprint() {
    }

    public static String current() {
        String known = current;
        if (known == null) {
            known = compute();
            current = known;
        }
        return known;
    }

    private static String compute() {
        FastHash digest = new FastHash();
        update(digest, "java " + Runtime.version());
        Path code = null;
        try {
            var source = CodeFingerprint.class.getProtectionDomain().getCodeSource();
            if (source != null) code = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            code = null;
        }
        try {
            if (code == null) {
                // nothing to read the code from: no two runs can be assumed alike
                update(digest, "unknown code " + System.nanoTime());
            } else if (Files.isDirectory(code)) {
                folder(digest, code);
            } else {
                jar(digest, code);
            }
        } catch (IOException | RuntimeException e) {
            update(digest, "unreadable code " + System.nanoTime());
        }
        String ownName = code == null ? "" : code.getFileName().toString();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            String name = Path.of(entry).getFileName() == null ? entry : Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && !name.equals(ownName)) update(digest, "library " + name);
        }
        return digest.hex();
    }

    /** The class folder a checkout runs from: every file's path and content. */
    private static void folder(FastHash digest, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
        files.sort(Comparator.comparing(f -> root.relativize(f).toString()));
        for (Path file : files) {
            update(digest, root.relativize(file).toString().replace('\\', '/'));
            digest.add(Files.readAllBytes(file));
        }
    }

    /** pmkb's jar: its entries' names and contents, not the archive's bytes, which hold each entry's time. */
    private static void jar(FastHash digest, Path jarFile) throws IOException {
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            List<JarEntry> entries = new ArrayList<>(jar.stream().filter(e -> !e.isDirectory()).toList());
            entries.sort(Comparator.comparing(JarEntry::getName));
            for (JarEntry entry : entries) {
                if (entry.getName().equals("META-INF/MANIFEST.MF") || entry.getName().endsWith("pom.properties")) {
                    continue; // build times and machine names, not code
                }
                update(digest, entry.getName());
                try (InputStream in = jar.getInputStream(entry)) {
                    digest.add(in.readAllBytes());
                }
            }
        }
    }

    private static void update(FastHash digest, String text) {
        digest.add(text);
    }
}
