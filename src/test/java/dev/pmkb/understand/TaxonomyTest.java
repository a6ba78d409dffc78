package dev.pmkb.understand;

import dev.pmkb.model.Taxonomy;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaxonomyTest {

    @TempDir
    Path site;

    @Test
    void defaultTaxonomyHasTheAgreedTags() {
        Taxonomy t = Understander.defaults().taxonomy();
        assertEquals(List.of("config-change", "bad-deploy", "software-bug", "capacity", "connection-pool-exhaustion",
                "resource-leak", "inefficient-query", "dependency", "network", "dns", "certificate-expiry", "time",
                "hardware", "human-error", "security", "cascading-failure", "monitoring-gap", "unknown"),
                t.causes().stream().map(c -> c.slug()).toList());
        t.causes().forEach(c -> assertFalse(c.definition().isBlank(), c.slug()));
        assertTrue(t.impactCategory("full-outage").isPresent());
        assertEquals("PostgreSQL", t.component("postgresql").orElseThrow().name());
    }

    @Test
    void siteFileExtendsAndOverridesTheDefault() throws IOException {
        Files.writeString(site.resolve("taxonomy.yml"), """
                causes:
                  - slug: feature-flag
                    name: Feature flag
                    definition: A flag was flipped.
                    specificity: 3
                    phrases: [feature flag*, toggle]
                  - slug: dns
                    extra_phrases: [bind9]
                  - slug: time
                    disabled: true
                """);
        Understander u = Understander.forSite(site, new Properties());
        assertTrue(u.taxonomy().cause("feature-flag").isPresent());
        assertFalse(u.taxonomy().cause("time").isPresent());
        assertTrue(u.taxonomy().cause("dns").orElseThrow().phrases().contains("bind9"));
        var p = u.understand(SourceReader.parse("x.md", """
                ## Root Cause
                Someone flipped the checkout feature flags on for everyone; bind9 also crashed.
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("feature-flag", "dns"), p.facts().causes().slugs().subList(0, 2));
    }

    @Test
    void synonymsAreDefaultsPlusTheSitesOwn() throws IOException {
        assertTrue(Understander.defaults().taxonomy().synonyms().contains(List.of("postgres", "postgresql")));
        Files.writeString(site.resolve("taxonomy.yml"), """
                synonyms:
                  - [Outage, downtime, " Outage "]
                """);
        List<List<String>> synonyms = Understander.forSite(site, new Properties()).taxonomy().synonyms();
        assertTrue(synonyms.contains(List.of("k8s", "kubernetes")), "the defaults stay: " + synonyms);
        assertEquals(List.of("outage", "downtime"), synonyms.getLast(), "lower-cased, stripped, each phrase once");
        Files.writeString(site.resolve("taxonomy.yml"), "synonyms:\n  - [alone]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Understander.forSite(site, new Properties()));
        assertTrue(e.getMessage().endsWith("taxonomy.yml:2: a synonym needs two or more phrases"), e.getMessage());
    }

    @Test
    void brokenSiteFileIsAConfigurationError() throws IOException {
        Files.writeString(site.resolve("taxonomy.yml"), "causes:\n  - name: no slug\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Understander.forSite(site, new Properties()));
        assertTrue(e.getMessage().endsWith("taxonomy.yml:2: an entry of causes has no slug"), e.getMessage());
    }

    @Test
    void missingSiteRootMeansDefaults() {
        assertEquals(Understander.defaults().taxonomy(), Understander.forSite(null, null).taxonomy());
    }
}
