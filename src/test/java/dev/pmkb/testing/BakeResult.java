package dev.pmkb.testing;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.site.BakeReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A baked site and assertions on what a reader would find in it. */
public record BakeResult(BakeReport report) {

    public Path output() {
        return report.output();
    }

    public String read(String path) {
        Path file = output().resolve(path);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + path + " in the baked site", e);
        }
    }

    /**
     * Every line of {@code expected} must occur in the file ({@code "! text"}: must not occur; blank lines and
     * lines starting with {@code #} are ignored).
     */
    public BakeResult assertFile(String path, String expected) {
        String text = read(path);
        for (String raw : expected.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("! ")) {
                String absent = line.substring(2);
                assertFalse(text.contains(absent), path + " must not contain: " + absent);
            } else if (!text.contains(line)) {
                fail(path + " does not contain: " + line + "\n--- " + path + " ---\n" + abbreviate(text));
            }
        }
        return this;
    }

    public BakeResult assertExists(String path) {
        assertTrue(Files.exists(output().resolve(path)), path + " missing from the baked site");
        return this;
    }

    public BakeResult assertMissing(String path) {
        assertFalse(Files.exists(output().resolve(path)), path + " should not be in the baked site");
        return this;
    }

    public List<String> diagnosticLines() {
        return report.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private static String abbreviate(String s) {
        return s.length() < 4000 ? s : s.substring(0, 4000) + "\n...";
    }
}
