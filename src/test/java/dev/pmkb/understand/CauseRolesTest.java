package dev.pmkb.understand;

import dev.pmkb.model.Causes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Causes read by the role of their sentence, and the families of wording a reviewer recognises. */
class CauseRolesTest {

    private static final CauseClassifier EXTRACTOR = new CauseClassifier(TaxonomyLoader.defaults());

    private static List<String> rootCause(String text) {
        return EXTRACTOR.classify(List.of(new CauseClassifier.Passage(text, CauseClassifier.Place.ROOT_CAUSE))).slugs();
    }

    private static Causes causes(String markdown) {
        return Docs.understand(markdown).facts().causes();
    }

    @Test
    void sentencesHaveRoles() {
        assertEquals(SentenceRoles.Role.CAUSE, SentenceRoles.roleOf("The outage was caused by a full disk."));
        assertEquals(SentenceRoles.Role.RULED_OUT, SentenceRoles.roleOf("We initially suspected the DNS records."));
        assertEquals(SentenceRoles.Role.FIX, SentenceRoles.roleOf("The fix was deployed at 10:40."));
        assertEquals(SentenceRoles.Role.INVESTIGATION, SentenceRoles.roleOf("The team checked the database logs."));
        assertEquals(SentenceRoles.Role.NEUTRAL, SentenceRoles.roleOf("The disk was full."));
    }

    @Test
    void aSentenceTurnsAtBut() {
        List<SentenceRoles.Clause> c = SentenceRoles.clauses("We suspected DNS, but it turned out the disk was full.");
        assertEquals(SentenceRoles.Role.RULED_OUT, c.getFirst().role());
        assertEquals(SentenceRoles.Role.CAUSE, c.getLast().role());
    }

    @Test
    void aLabelledHypothesisStaysRuledOutButANegationTurnsAtTheColon() {
        assertEquals(List.of(SentenceRoles.Role.RULED_OUT),
                SentenceRoles.clauses("Initial hypothesis: a DDoS attack due to high traffic.").stream()
                        .map(SentenceRoles.Clause::role).toList());
        assertEquals(SentenceRoles.Role.NEUTRAL,
                SentenceRoles.clauses("It was not a DNS problem: a firewall rule blocked 443.").getLast().role());
    }

    @Test
    void aCauseMentionedOnlyInPassingBeatsUnknown() {
        Causes c = causes("""
                # Sales site down

                ## Timeline

                - 14:00 Users complained.
                - 14:20 The backup job was using most of the CPU on the web server.
                """);
        assertEquals(List.of("capacity"), c.slugs());
    }

    @Test
    void ruledOutHypothesesAreNotCauses() {
        List<String> t = rootCause("""
                We first suspected a DDoS attack and a DNS failure.
                Misleading path: chased a memory leak in the workers.
                The real cause was a full disk on the database server.""");
        assertEquals("capacity", t.getFirst());
        assertFalse(t.contains("security") || t.contains("dns") || t.contains("resource-leak"), t.toString());
    }

    @Test
    void aTagMentionedOnceBesideATwiceStatedCauseIsDropped() {
        List<String> t = rootCause("""
                The root cause was a full disk on the log server.
                The disk ran out of space because old logs were never rotated.
                The DNS record of the log server was also old.""");
        assertEquals(List.of("capacity"), t);
    }

    @Test
    void wordsOfTheFixAreNotCauses() {
        List<String> t = rootCause("""
                The queue workers ran out of memory under the nightly batch.
                The fix was deployed at 11:00 and two clones were deployed behind the balancer.
                Permissions on the upload folder were limited manually.""");
        assertEquals(List.of("capacity"), t);
    }

    @Test
    void aRollbackInTheResolutionTellsOfABadRelease() {
        Causes c = causes("""
                # Search down

                ## Root cause

                The search service ran out of memory.

                ## Timeline

                - 10:10 Found that a recent deployment introduced the memory growth.

                ## Resolution

                1. Rolled back the faulty deployment.
                """);
        assertTrue(c.slugs().contains("bad-deploy"), c.slugs().toString());
        assertEquals(SentenceRoles.Role.FIX, SentenceRoles.roleOf("Rolled back the faulty deployment."));
    }

    @Test
    void aRollbackStillTellsOfABadRelease() {
        assertTrue(rootCause("Errors started with version 4.2; the update was reverted at noon.").contains("bad-deploy"));
    }

    @Test
    void configurationChangesNotCalledMisconfiguration() {
        assertEquals("config-change", rootCause("There was an error in the HAProxy configuration.").getFirst());
        assertEquals("config-change", rootCause("A typo in the nginx config file broke the proxy.").getFirst());
        assertEquals("config-change", rootCause("Terraform changes applied to the VPC removed a route.").getFirst());
        assertEquals("config-change", rootCause("Cache settings changed during an update of the CDN.").getFirst());
        assertFalse(rootCause("A typo in the nginx config file broke the proxy.").contains("software-bug"));
    }

    @Test
    void aConfigurationRolloutIsAConfigurationChangeNotABadRelease() {
        List<String> t = rootCause("A configuration change was rolled out to every edge node at once.");
        assertEquals("config-change", t.getFirst());
        assertFalse(t.contains("bad-deploy"), t.toString());
    }

    @Test
    void anAccidentalActionInTheSummaryIsStatedAsTheCause() {
        assertEquals(SentenceRoles.Role.CAUSE, SentenceRoles.roleOf("An accidental run of the cleanup job removed the nodes."));
    }

    @Test
    void badReleasesNotCalledDeploys() {
        assertEquals("bad-deploy", rootCause("An update was released without testing on staging.").getFirst());
    }

    @Test
    void monitoringGapsWrittenAsMissingAlerts() {
        assertTrue(rootCause("There was no alert for disk usage, so the disk filled up unnoticed.").contains("monitoring-gap"));
        assertTrue(rootCause("The replica fell behind and no notification was triggered.").contains("monitoring-gap"));
    }

    @Test
    void certificateOnlyWhenItExpired() {
        assertEquals("certificate-expiry", rootCause("The TLS certificate had expired on Sunday.").getFirst());
        assertFalse(rootCause("Nginx could not find the SSL certificate path after the move.").contains("certificate-expiry"));
    }

    @Test
    void capacityAsAHitLimit() {
        assertEquals("capacity", rootCause("The build agents hit a limit on concurrent jobs.").getFirst());
    }

    @Test
    void aVendorsFailureIsADependencyWithoutTheWordUpstream() {
        assertTrue(rootCause("The outage was caused by a power failure at our hosting provider.").contains("dependency"));
        assertTrue(rootCause("The registrar had a bad release on their end.").contains("dependency"));
    }

    @Test
    void nginxUpstreamIsNoThirdParty() {
        assertFalse(rootCause("The nginx upstream block pointed at port 8081 instead of 8080.").contains("dependency"));
    }

    @Test
    void connectionPortAndRoutingAreNotNetworkByThemselves() {
        List<String> t = rootCause("HAProxy refused to start, so traffic routing stopped and the site was unreachable.");
        assertFalse(t.contains("network"), t.toString());
    }

    @Test
    void lapsedDomainsPhysicalDamageAndPowerSwitchedOff() {
        assertEquals("dns", rootCause("The domain registration had lapsed, so the name stopped resolving.").getFirst());
        assertEquals("hardware", rootCause("Physical damage to the rack's network cable took the server offline.").getFirst());
        assertTrue(rootCause("A cleaner switched off the power to the server room.").contains("human-error"));
    }

    @Test
    void aCauseStatedOnlyInTheSummaryIsRead() {
        Causes c = causes("""
                # Checkout went dark

                ## Summary

                Checkout failed for an hour because the payments database ran out of disk space.

                ## What we learned

                Watch the disks.
                """);
        assertEquals("capacity", c.primary());
    }

    @Test
    void aCauseUnderAnUnusualHeadingIsReadWhenStated() {
        Causes c = causes("""
                # Login trouble

                ## The story

                Logins failed all morning. It was traced to an expired certificate on the auth proxy.
                """);
        assertEquals("certificate-expiry", c.primary());
    }

    @Test
    void aCauseNamedOnlyInTheTimelineBeatsUnknown() {
        Causes c = causes("""
                # Web outage

                ## Timeline

                - 10:00 Alerts fired.
                - 10:30 Corrected the load balancer misconfiguration.
                """);
        assertEquals("config-change", c.primary());
    }

    @Test
    void unknownOnlyWhenNoCauseIsNamed() {
        assertEquals(List.of("unknown"), causes("""
                # Slow pages

                ## Root cause

                We are still looking into it.
                """).slugs());
    }

    @Test
    void everyTagCarriesTheSentenceItCameFrom() {
        Causes c = causes("""
                # Orders lost

                ## Root cause

                The order queue was never drained. The root cause was a memory leak in the consumer.
                """);
        assertEquals("resource-leak", c.primary());
        assertNotNull(c.evidenceFor("resource-leak"));
        assertTrue(c.evidenceFor("resource-leak").contains("memory leak in the consumer"), c.evidenceFor("resource-leak"));
    }

    @Test
    void exceptPhrasesOfASiteTaxonomyApply() {
        Vocabulary v = TaxonomyLoader.withSite("""
                causes:
                  - slug: hardware
                    except: [disk failure alarm]
                """, "taxonomy.yml");
        CauseClassifier classifier = new CauseClassifier(v);
        Causes c = classifier.classify(List.of(new CauseClassifier.Passage(
                "The disk failure alarm was a false one; the cause was a DNS record pointing to the old host.",
                CauseClassifier.Place.ROOT_CAUSE)));
        assertFalse(c.slugs().contains("hardware"), c.slugs().toString());
    }
}
