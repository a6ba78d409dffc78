package dev.pmkb.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pmkb.testing.Shared;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts pmkb reads out of the example library, compared with the ones written down in
 * {@code src/test/resources/dev/pmkb/golden/example-facts.json}: any change to how postmortems are read shows
 * here as a per-incident, per-field difference, to be accepted (regenerate the file) or fixed.
 *
 * <p>Regenerate after a change that is meant: {@code mvn -B test -Dtest=ExampleFactsGoldenTest
 * -Dpmkb.golden.update=true}, then review the file's diff before committing it.
 */
class ExampleFactsGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/dev/pmkb/golden/example-facts.json");
    static final List<String> FIELDS = List.of("source", "title", "start", "end", "durationMinutes", "impactPercent",
            "causes", "components");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theExampleLibraryIsReadAsTheGoldenFileSays() throws IOException {
        ArrayNode now = facts(JSON.readTree(Shared.exampleSite().output().resolve("incidents.json").toFile()));
        Path golden = Shared.repository().resolve(GOLDEN);
        if (Boolean.getBoolean("pmkb.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, JSON.writeValueAsString(now) + "\n");
            System.out.println("wrote " + golden + " (" + now.size() + " incidents)");
            return;
        }
        assertTrue(Files.exists(golden), "no " + GOLDEN + ": write it with -Dpmkb.golden.update=true");
        List<String> differences = differences((ArrayNode) JSON.readTree(golden.toFile()), now);
        assertEquals(List.of(), differences, () -> "the example library's facts differ from " + GOLDEN + ":\n  "
                + String.join("\n  ", differences) + "\nIf the change is meant, regenerate the file with "
                + "-Dpmkb.golden.update=true and review its diff.");
    }

    @Test
    void aChangedFactIsShownByIncidentAndField() throws IOException {
        ArrayNode golden = (ArrayNode) JSON.readTree("""
                [{"source": "a.md", "title": "A", "causes": ["dns"]}, {"source": "b.md", "title": "B"}]""");
        ArrayNode now = (ArrayNode) JSON.readTree("""
                [{"source": "a.md", "title": "A", "causes": ["dns", "network"]}, {"source": "c.md", "title": "C"}]""");
        assertEquals(List.of("a.md: causes: was [\"dns\"], now [\"dns\",\"network\"]", "b.md: gone",
                "c.md: new, {\"source\":\"c.md\",\"title\":\"C\"}"), differences(golden, now));
    }

    /** The fields of {@link #FIELDS} of each incident, ordered by source. */
    static ArrayNode facts(JsonNode incidentsJson) {
        List<JsonNode> incidents = new ArrayList<>();
        incidentsJson.get("incidents").forEach(incidents::add);
        incidents.sort(Comparator.comparing(i -> i.get("source").asText()));
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode incident : incidents) {
            ObjectNode facts = out.addObject();
            for (String field : FIELDS) facts.set(field, incident.get(field));
        }
        return out;
    }

    static List<String> differences(ArrayNode golden, ArrayNode now) {
        Map<String, JsonNode> was = bySource(golden);
        Map<String, JsonNode> is = bySource(now);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : was.entrySet()) {
            JsonNode current = is.get(e.getKey());
            if (current == null) {
                out.add(e.getKey() + ": gone");
                continue;
            }
            for (String field : FIELDS) {
                JsonNode before = e.getValue().path(field);
                JsonNode after = current.path(field);
                if (!before.equals(after)) out.add(e.getKey() + ": " + field + ": was " + before + ", now " + after);
            }
        }
        for (Map.Entry<String, JsonNode> e : is.entrySet()) {
            if (!was.containsKey(e.getKey())) out.add(e.getKey() + ": new, " + e.getValue());
        }
        return out;
    }

    private static Map<String, JsonNode> bySource(ArrayNode incidents) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode incident : incidents) out.put(incident.get("source").asText(), incident);
        return out;
    }
}
