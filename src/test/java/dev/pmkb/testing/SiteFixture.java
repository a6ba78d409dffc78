package dev.pmkb.testing;

import dev.pmkb.site.Bake;
import dev.pmkb.site.BakeFailure;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.SiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole site written inline in a test, Hugo style:
 * <pre>
 * -- content/2024/a.md --
 * # A title
 * -- jbake.properties --
 * pmkb.title=Test
 * </pre>
 * Files not given come from the repository's own templates and assets.
 */
public final class SiteFixture {

    private final Path root;

    private SiteFixture(Path root) {
        this.root = root;
    }

    public static SiteFixture write(Path root, String files) {
        parse(files).forEach((name, text) -> writeFile(root.resolve(name), text.getBytes(StandardCharsets.UTF_8)));
        return new SiteFixture(root);
    }

    public Path root() {
        return root;
    }

    public SiteFixture withBytes(String name, byte[] bytes) {
        writeFile(root.resolve(name), bytes);
        return this;
    }

    public BakeResult bake() throws BakeFailure {
        return bake(SiteConfig.Overrides.NONE);
    }

    public BakeResult bake(SiteConfig.Overrides overrides) throws BakeFailure {
        try {
            SiteConfig config = SiteConfig.load(root, overrides);
            BakeReport report = Bake.run(config);
            return new BakeResult(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String files) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : files.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (name != null) out.put(name, text.toString());
                name = line.substring(3, line.length() - 3).strip();
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) out.put(name, text.toString());
        return out;
    }

    private static void writeFile(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
