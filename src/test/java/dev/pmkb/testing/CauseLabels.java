package dev.pmkb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cause labels of one postmortem in {@code ../shared/labels/dev.jsonl}: the causes a reviewer requires
 * ({@code must}), accepts ({@code ok}) and names as the main one ({@code primary}, or null).
 */
public record CauseLabels(String file, Set<String> must, Set<String> ok, String primary) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<CauseLabels> read(Path jsonl) throws IOException {
        List<CauseLabels> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) continue;
            JsonNode label = JSON.readTree(line);
            out.add(new CauseLabels(label.get("file").asText(), strings(label.get("causes_must")),
                    strings(label.get("causes_ok")), label.hasNonNull("primary") ? label.get("primary").asText() : null));
        }
        return out;
    }

    /** The file's name without its folders ({@code 003.md}). */
    public String name() {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) array.forEach(value -> out.add(value.asText()));
        return out;
    }
}
