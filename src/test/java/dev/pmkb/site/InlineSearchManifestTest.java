package dev.pmkb.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page carries the index manifest inline; what authors wrote cannot break out of it. */
class InlineSearchManifestTest {

    private static final Pattern INLINE = Pattern.compile(
            "<script type=\"application/json\" id=\"search-manifest\">(.*?)</script>", Pattern.DOTALL);

    @Test
    void theSearchPageCarriesTheManifestAndNoMarkupFromPostmortemsEscapesIt(@TempDir Path tmp) throws Exception {
        String hostile = "</script><script>alert(1)</script><!--";
        BakeResult site = SiteFixture.write(tmp, """
                -- content/a.md --
                ---
                title: "Pool exhausted </script><img src=x onerror=alert(1)>"
                date: 2024-03-01
                components: ["HOSTILE", "MySQL"]
                ---
                The database connection pool ran dry.
                -- content/b.md --
                # DNS outage

                Resolvers timed out.
                """.replace("HOSTILE", hostile.replace("\"", "\\\""))).bake();
        String html = site.read("search.html");
        Matcher inline = INLINE.matcher(html);
        assertTrue(inline.find(), "search.html has the manifest inline");
        String json = inline.group(1);
        assertFalse(json.contains("<"), "no markup can end the data block: " + json);
        assertFalse(inline.find(), "one inline manifest");
        assertFalse(html.contains("<script>alert"), "the component name did not become a script");

        ObjectMapper mapper = new ObjectMapper();
        JsonNode manifest = mapper.readTree(json);
        assertEquals(mapper.readTree(site.read("search/manifest.json")), manifest, "the same manifest as the file");
        List<String> components = new ArrayList<>();
        for (JsonNode facet : manifest.get("facets")) {
            if (facet.get("name").asText().equals("component")) facet.get("values").forEach(v -> components.add(v.asText()));
        }
        assertTrue(components.contains(hostile), components.toString());
        assertEquals(2, manifest.get("docCount").asInt());
    }
}
