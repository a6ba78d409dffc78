package dev.pmkb.site;

import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What headers say about a write-up's origin (author, company, severity, original URL) is shown on its page, each
 * page links its file in the repository, and organisations get pages of their own once there are several.
 */
class SourcesCreditedTest {

    @TempDir
    Path tmp;

    private static final String LIBRARY = """
            -- jbake.properties --
            pmkb.title=Credits
            site.host=https://acme.example/postmortems/
            pmkb.source.base=https://github.com/acme/postmortems/blob/main/content
            -- content/2024/cache outage.md --
            ---
            title: Cache outage
            date: 2024-03-03
            company: Acme Corp
            authors: [Dana Reyes, Lee <b>Park</b>]
            severity: SEV-2
            source_url: https://status.acme.example/incidents/1
            ---
            The cache cluster ran out of memory and every page was slow for an hour.
            -- content/2024/queue.md --
            ---
            title: Queue backlog
            date: 2024-02-01
            organisation: "acme  corp"
            ---
            The queue backed up because a consumer crashed on a bad message.
            -- content/2023/dns.md --
            title=DNS failure
            date=2023-05-01
            organization=Globex
            author=Sam Smith, SRE
            url=javascript:alert(1)
            ~~~~~~
            Our DNS provider failed and no name resolved for twenty minutes.
            """;

    @Test
    void anIncidentPageCreditsItsAuthorsOrganisationAndOriginalAndLinksItsFile() throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY).bake();
        Document page = Jsoup.parse(site.read("incidents/2024-cache-outage.html"));
        assertEquals("By Dana Reyes, Lee <b>Park</b> · Acme Corp · Originally published at status.acme.example",
                page.selectFirst(".byline").text(), "authors, organisation and the original's host, escaped");
        assertEquals("../organisations/acme-corp.html", page.selectFirst(".byline a").attr("href"));
        assertEquals("https://status.acme.example/incidents/1",
                page.selectFirst(".byline a[rel~=external]").attr("href"));
        assertTrue(page.select(".facts dt").eachText().contains("Severity"), page.select(".facts").outerHtml());
        assertTrue(page.selectFirst(".facts").text().contains("SEV-2"));
        assertEquals("https://github.com/acme/postmortems/blob/main/content/2024/cache%20outage.md",
                page.selectFirst(".source a:contains(View source)").attr("href"));
        assertEquals("https://github.com/acme/postmortems/edit/main/content/2024/cache%20outage.md",
                page.selectFirst(".source a:contains(Edit this postmortem)").attr("href"));

        Document jbake = Jsoup.parse(site.read("incidents/2023-dns.html"));
        assertEquals("By Sam Smith, SRE · Globex", jbake.selectFirst(".byline").text(), "one author, comma and all");
        assertTrue(jbake.select("a[href^=javascript]").isEmpty(), "a javascript: URL is never a link");
        assertTrue(site.diagnosticLines().contains("2023/dns.md:5: warning: header url \"javascript:alert(1)\" is not"
                + " an absolute http(s) URL, so the page does not link it"), site.diagnosticLines().toString());
    }

    @Test
    void severalOrganisationsEachGetAPageListedInTheSitemapAndIncidentsJson() throws Exception {
        BakeResult site = SiteFixture.write(tmp, LIBRARY).bake();
        Document index = Jsoup.parse(site.read("organisations/index.html"));
        assertEquals(List.of("Acme Corp 2 incidents", "Globex 1 incident"), index.select(".counts li").eachText(),
                "\"acme  corp\" is Acme Corp");
        Document acme = Jsoup.parse(site.read("organisations/acme-corp.html"));
        assertEquals(List.of("Cache outage", "Queue backlog"), acme.select(".incident-title").eachText());
        assertEquals("../archive.html?organisation=acme-corp", acme.selectFirst(".stats a").attr("href"),
                "the archive's filter takes over from there");
        assertEquals("organisations/globex.html",
                Jsoup.parse(site.read("archive.html")).select("a:contains(Globex)").first().attr("href"));
        site.assertFile("sitemap.xml", """
                <loc>https://acme.example/postmortems/organisations/index.html</loc>
                <loc>https://acme.example/postmortems/organisations/acme-corp.html</loc>
                <loc>https://acme.example/postmortems/organisations/globex.html</loc>
                """);
        String json = site.read("incidents.json").replaceAll("\\s+", " ");
        assertTrue(json.contains("\"organisation\" : \"Acme Corp\", \"authors\" : [ \"Dana Reyes\", \"Lee <b>Park</b>\" ],"
                + " \"severity\" : \"SEV-2\", \"sourceUrl\" : \"https://status.acme.example/incidents/1\""), json);
        assertTrue(json.contains("\"organisation\" : \"Globex\", \"authors\" : [ \"Sam Smith, SRE\" ], \"severity\" : null,"
                + " \"sourceUrl\" : null"), json);
    }

    @Test
    void oneOrganisationIsNoDimensionAndNoSourceBaseMeansNoSourceLinks() throws Exception {
        BakeResult site = SiteFixture.write(tmp, """
                -- content/a.md --
                ---
                title: Disk full
                company: Initech
                ---
                The disk filled up with logs and the database stopped for an hour.
                -- content/b.md --
                ---
                title: Bad deploy
                company: Initech
                url: /posts/bad-deploy/
                ---
                A deploy shipped a broken build and logins failed for ten minutes.
                """).bake();
        site.assertMissing("organisations/index.html").assertMissing("organisations/initech.html");
        Document page = Jsoup.parse(site.read("incidents/a.html"));
        assertEquals("Initech", page.selectFirst(".byline").text());
        assertTrue(page.select(".byline a").isEmpty(), "no page to link to");
        assertNull(page.selectFirst(".source a"), "no source base, no source links");
        assertTrue(site.diagnosticLines().stream().noneMatch(d -> d.contains("posts/bad-deploy")),
                "Hugo's url is the page's own path, not a broken source");
    }

    @Test
    void aSourceBaseThatIsNoWebAddressIsAConfigurationError() {
        SiteFixture fixture = SiteFixture.write(tmp, """
                -- jbake.properties --
                pmkb.source.base=javascript:alert(1)//
                -- content/a.md --
                # A
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fixture::bake);
        assertTrue(e.getMessage().contains("pmkb.source.base must be the absolute http(s) URL"), e.getMessage());
    }
}
