package dev.pmkb.cli;

import dev.pmkb.testing.Shared;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pmkb's action, its workflows and the workflow {@code pmkb init} writes: each parses, passes the action only inputs
 * it declares, and the action reads only inputs and step outputs that exist.
 */
class GitHubFilesTest {

    private static final Pattern INPUT = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs");

    @Test
    void theActionReadsOnlyItsOwnInputsAndSteps() throws IOException {
        String text = Files.readString(Shared.repository().resolve("action.yml"));
        Map<String, Object> action = new Yaml().load(text);
        Set<String> inputs = map(action.get("inputs")).keySet();
        assertEquals(Set.of("content", "base-url", "strict", "check", "cache"), inputs);
        List<Map<String, Object>> steps = list(map(action.get("runs")).get("steps"));
        assertEquals("composite", map(action.get("runs")).get("using"));
        Set<String> stepIds = new java.util.HashSet<>();
        for (Map<String, Object> step : steps) {
            if (step.get("id") != null) stepIds.add((String) step.get("id"));
            if (step.get("run") != null) assertEquals("bash", step.get("shell"), "a composite run step names its shell");
        }
        Matcher input = INPUT.matcher(text);
        while (input.find()) assertTrue(inputs.contains(input.group(1)), "undeclared input " + input.group(1));
        Matcher output = STEP_OUTPUT.matcher(text);
        while (output.find()) assertTrue(stepIds.contains(output.group(1)), "no step " + output.group(1));
        assertTrue(steps.stream().anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/upload-pages-artifact@")));
    }

    @Test
    void everyWorkflowParsesAndPassesTheActionOnlyDeclaredInputs() throws IOException {
        Set<String> inputs = map(map(new Yaml().<Object>load(
                Files.readString(Shared.repository().resolve("action.yml")))).get("inputs")).keySet();
        Map<String, String> workflows = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Shared.repository().resolve(".github/workflows"))) {
            for (Path file : files.sorted().toList()) workflows.put(file.toString(), Files.readString(file));
        }
        workflows.put("pmkb init's pages.yml", initWorkflow());
        int usesOfTheAction = 0;
        for (Map.Entry<String, String> workflow : workflows.entrySet()) {
            Map<String, Object> parsed = new Yaml().load(workflow.getValue());
            for (Object job : map(parsed.get("jobs")).values()) {
                for (Map<String, Object> step : list(map(job).getOrDefault("steps", List.of()))) {
                    String uses = String.valueOf(step.get("uses"));
                    if (!uses.equals("./") && !uses.equals(InitCommand.DEFAULT_ACTION)) continue;
                    usesOfTheAction++;
                    for (String given : map(step.getOrDefault("with", Map.of())).keySet()) {
                        assertTrue(inputs.contains(given), workflow.getKey() + ": the action has no input " + given);
                    }
                }
            }
            assertFalse(workflow.getValue().contains(".pmkb"), workflow.getKey() + ": no index to remove by hand");
        }
        assertEquals(2, usesOfTheAction, "pmkb's Pages workflow and init's use the action");
    }

    @Test
    void theActionRestoresAndSavesTheBuildCacheTheBakeUses() throws IOException {
        Map<String, Object> action = new Yaml().load(Files.readString(Shared.repository().resolve("action.yml")));
        List<Map<String, Object>> steps = list(map(action.get("runs")).get("steps"));
        Map<String, Object> cache = steps.stream()
                .filter(step -> String.valueOf(step.get("uses")).equals("actions/cache@v5"))
                .filter(step -> String.valueOf(map(step.get("with")).get("path")).contains("build-cache"))
                .findFirst().orElseThrow(() -> new AssertionError("no actions/cache step for the build cache"));
        Map<String, Object> with = map(cache.get("with"));
        String prefix = "${{ steps.build-cache.outputs.prefix }}";
        assertTrue(String.valueOf(with.get("key")).startsWith(prefix) && String.valueOf(with.get("key")).contains("github.run_id"),
                "a new key each run, so the cache is saved after every bake: " + with.get("key"));
        assertEquals(prefix, with.get("restore-keys"), "restored from the newest run with the same prefix");
        Map<String, Object> bake = steps.stream().filter(step -> "bake".equals(step.get("id"))).findFirst().orElseThrow();
        assertEquals("${{ steps.build-cache.outputs.folder }}", map(bake.get("env")).get("CACHE"));
        assertTrue(String.valueOf(bake.get("run")).contains("--cache-dir \"$CACHE\""), "the bake uses the folder saved");
        assertTrue(steps.indexOf(cache) < steps.indexOf(bake), "restored before the bake");
    }

    @Test
    void deploysAreNeverCancelled() throws IOException {
        for (String workflow : new String[]{".github/workflows/pages.yml"}) {
            Map<String, Object> parsed = new Yaml().load(Files.readString(Shared.repository().resolve(workflow)));
            assertEquals(Boolean.FALSE, map(parsed.get("concurrency")).get("cancel-in-progress"), workflow);
        }
        Map<String, Object> deploy = map(map(map(new Yaml().<Object>load(initWorkflow())).get("jobs")).get("deploy"));
        assertEquals(Boolean.FALSE, map(deploy.get("concurrency")).get("cancel-in-progress"), "pmkb init's pages.yml");
    }

    /** The workflow {@code pmkb init} writes, with the default action. */
    private static String initWorkflow() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/pages.yml")) {
            assertNotNull(in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("%ACTION%", InitCommand.DEFAULT_ACTION);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertTrue(yaml instanceof Map, "a mapping expected, was " + yaml);
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object yaml) {
        assertTrue(yaml instanceof List, "a list expected, was " + yaml);
        return new ArrayList<>((List<Map<String, Object>>) yaml);
    }
}
