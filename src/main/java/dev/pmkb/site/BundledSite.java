package dev.pmkb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The templates and assets pmkb ships, so that {@code pmkb bake --content DIR} works on any folder of
 * postmortems. JBake reads templates from a folder, so when pmkb runs from a jar they are unpacked once
 * into a temporary folder.
 */
final class BundledSite {

    private static final Map<String, Path> UNPACKED = new HashMap<>();

    private BundledSite() {
    }

    static synchronized Path folder(String name) throws IOException {
        Path cached = UNPACKED.get(name);
        if (cached != null) return cached;
        URL url = BundledSite.class.getResource("/pmkb-site/" + name);
        if (url == null) throw new IOException("bundled " + name + " missing from pmkb's classpath");
        try {
            URI uri = url.toURI();
            Path folder;
            if ("file".equals(uri.getScheme())) {
                folder = Path.of(uri);
            } else {
                folder = Files.createTempDirectory("pmkb-" + name);
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.provider().getPath(uri), folder);
                }
            }
            UNPACKED.put(name, folder);
            return folder;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) Files.createDirectories(target);
                    else Files.copy(source, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
