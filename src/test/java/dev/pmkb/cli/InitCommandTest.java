package dev.pmkb.cli;

import dev.pmkb.site.Bake;
import dev.pmkb.site.BakeReport;
import dev.pmkb.site.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitCommandTest {

    @Test
    void writesALibraryThatBakesWithoutPublishingTheDraftExample(@TempDir Path tmp) throws Exception {
        Path library = tmp.resolve("our-postmortems");
        CliTest.Run init = CliTest.run("init", library.toString(), "--title", "Payments incidents");
        assertEquals(0, init.exit(), init.err());
        for (InitCommand.Template template : InitCommand.TEMPLATES) {
            assertTrue(Files.isRegularFile(library.resolve(template.target())), template.target() + " written");
        }

        Path output = tmp.resolve("site");
        BakeReport report = Bake.run(SiteConfig.load(library, new SiteConfig.Overrides(null, output, null, false)));
        assertEquals(0, report.incidents(), "the example is a draft: nothing is published");
        assertEquals(1, report.drafts(), "the example is read, as a draft");
        assertEquals(0, report.errors(), report.diagnostics().toString());
        String home = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("Payments incidents"), "the title given to init heads the site");
        try (Stream<Path> files = Files.walk(output)) {
            assertFalse(files.filter(Files::isRegularFile).anyMatch(file -> read(file).contains("checkout API returning 503s")),
                    "no page of the site shows the draft example");
        }
    }

    @Test
    void refusesToOverwriteUnlessForced(@TempDir Path tmp) throws Exception {
        Path readme = tmp.resolve("README.md");
        Files.writeString(readme, "our own readme\n");

        CliTest.Run refused = CliTest.run("init", tmp.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains(readme + ": error: exists already"), refused.err());
        assertEquals("our own readme\n", Files.readString(readme), "left alone");
        assertFalse(Files.exists(tmp.resolve("content")), "nothing written when one file is in the way");

        CliTest.Run forced = CliTest.run("init", tmp.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(readme).startsWith("# Postmortem library"), "--force overwrites");
    }

    @Test
    void settingsKeepTheTitleAsWrittenAndTheWorkflowUsesTheNamedAction(@TempDir Path tmp) throws Exception {
        CliTest.Run init = CliTest.run("init", tmp.toString(), "--title", "Ops \\ Infra\nincidents",
                "--action", "acme/pmkb@v1");
        assertEquals(0, init.exit(), init.err());
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(tmp.resolve("jbake.properties"), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        assertEquals("Ops \\ Infra incidents", settings.getProperty("pmkb.title"));

        Map<String, Object> workflow = new Yaml().load(Files.readString(tmp.resolve(".github/workflows/pages.yml")));
        List<Map<String, Object>> steps = steps(workflow, "build");
        assertTrue(steps.stream().anyMatch(step -> "acme/pmkb@v1".equals(step.get("uses"))), steps.toString());
        assertEquals("github.event_name != 'pull_request'", job(workflow, "deploy").get("if"),
                "pull requests are checked and baked, never deployed");
    }

    @Test
    void isACommandOfPmkbWithItsExitCodes() {
        assertTrue(CliTest.run("--help").out().contains("init"));
        CliTest.Run help = CliTest.run("init", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes") && help.out().contains("--force"), help.out());
    }

    @Test
    void rejectsAnActionThatIsNotOwnerRepoAtRef(@TempDir Path tmp) {
        assertEquals(2, CliTest.run("init", tmp.toString(), "--action", "pmkb").exit());
        assertFalse(Files.exists(tmp.resolve("README.md")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        return (List<Map<String, Object>>) job(workflow, job).get("steps");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
