package dev.pmkb.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each organisation's page name: one per organisation however it is spelled, and never the index's. */
class OrganisationSlugTest {

    @Test
    void spellingsOfOneOrganisationShareAPageAndNoneTakesTheIndex() {
        assertEquals("acme-corp", SitePlanner.organisationSlug("Acme Corp."));
        assertEquals("acme-corp", SitePlanner.organisationSlug("  ACME   corp "));
        assertEquals("株式会社テスト", SitePlanner.organisationSlug("株式会社テスト"), "letters of any script stay");
        assertNotEquals("index", SitePlanner.organisationSlug("Index"), "organisations/index.html lists them all");
        String symbols = SitePlanner.organisationSlug("&&&");
        assertTrue(symbols.startsWith("organisation-") && symbols.length() > "organisation-".length(), symbols);
        assertTrue(SitePlanner.organisationSlug("x".repeat(500)).length() <= 60);
    }
}
