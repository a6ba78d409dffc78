package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a site project may change: one template at a time, and whether postmortems show remote images. */
class ProjectOverridesTest {

    private static final String POSTMORTEM = """
            -- content/2024/a.md --
            # Checkout pool exhausted

            On March 3, 2024 the database connection pool was exhausted.

            ![latency graph](https://tracker.example/graph.png)
            """;

    @Test
    void aProjectWithOneTemplateGetsTheBundledOnesForEveryOtherPage(@TempDir Path tmp) throws Exception {
        BakeResult result = SiteFixture.write(tmp, POSTMORTEM + """
                -- templates/index.ftlh --
                <#import "layout.ftlh" as layout>
                <@layout.page title="Home"><p>Our own home page</p></@layout.page>
                """).bake();
        assertTrue(result.read("index.html").contains("<p>Our own home page</p>"), "the project's template is used");
        assertTrue(result.read("index.html").contains("<link rel=\"stylesheet\""), "inside the bundled layout");
        for (String page : new String[]{"actions.html", "archive.html", "incidents/2024-a.html", "feed.xml"}) {
            result.assertExists(page);
        }
        assertTrue(result.read("incidents/2024-a.html").contains("Checkout pool exhausted"));
    }

    @Test
    void remoteImagesAreOffUnlessTheProjectAllowsThem(@TempDir Path tmp) throws Exception {
        BakeResult local = SiteFixture.write(tmp.resolve("local"), POSTMORTEM).bake();
        String page = local.read("incidents/2024-a.html").replace("&#39;", "'");
        assertTrue(page.contains("img-src 'self' data:;"), "the CSP allows only the site's own images: " + page);
        assertFalse(page.contains("<img src=\"https://tracker.example"), page);
        assertTrue(page.contains("href=\"https://tracker.example/graph.png\""), "the image is a link instead");

        BakeResult remote = SiteFixture.write(tmp.resolve("remote"), POSTMORTEM + """
                -- jbake.properties --
                pmkb.images.remote=true
                """).bake();
        String allowed = remote.read("incidents/2024-a.html").replace("&#39;", "'");
        assertTrue(allowed.contains("img-src 'self' https: data:;"), allowed);
        assertTrue(allowed.contains("<img src=\"https://tracker.example/graph.png\""), allowed);
    }

    @Test
    void aProjectsTitleBrandsOnlyItsOwnContent(@TempDir Path tmp) throws Exception {
        SiteFixture project = SiteFixture.write(tmp.resolve("project"), POSTMORTEM + """
                -- jbake.properties --
                pmkb.title=Example postmortem library
                pmkb.description=Written for pmkb as an example.
                """);
        SiteFixture.write(tmp.resolve("elsewhere"), POSTMORTEM);
        String own = project.bake().read("index.html");
        assertTrue(own.contains("Example postmortem library") && own.contains("Written for pmkb as an example."), own);
        String sameFolder = project.bake(new SiteConfig.Overrides(project.root().resolve("content/../content"),
                tmp.resolve("same"), null, false)).read("index.html");
        assertTrue(sameFolder.contains("Example postmortem library"), "--content naming its own folder: " + sameFolder);
        String other = project.bake(new SiteConfig.Overrides(tmp.resolve("elsewhere/content"), tmp.resolve("other"),
                null, false)).read("index.html");
        assertFalse(other.contains("Example postmortem library") || other.contains("as an example"), other);
        assertTrue(other.contains(SiteConfig.DEFAULT_TITLE), other);
    }
}
