package dev.pmkb.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.pmkb.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewInAnyScriptTest {

    @Test
    void newNamesTheFileInTheTitlesOwnScriptAndItsPageMatches(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        CliTest.Run created = run("new", "事故", "--content", content.toString(), "--date", "2024-05-06");
        assertEquals(0, created.exit(), created.err());
        assertTrue(Files.exists(content.resolve("2024/事故.md")), created.out());
        Path draft = content.resolve("2024/事故.md");
        Files.writeString(draft, Files.readString(draft).replaceAll("(?m)^status: draft.*$", "status: published"));

        CliTest.Run bake = run("bake", "--site", tmp.toString());
        assertEquals(0, bake.exit(), bake.err());
        assertTrue(Files.exists(tmp.resolve("output/incidents/2024-事故.html")), bake.out());
    }
}
