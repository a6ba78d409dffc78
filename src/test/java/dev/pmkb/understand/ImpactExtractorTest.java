package dev.pmkb.understand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ImpactExtractorTest {

    private static Double share(String md) {
        return Docs.understand(md).facts().impact().usersPercent();
    }

    @Test
    void wordsOfAnyKindMayNameWhichUsers() {
        assertEquals(40.0, share("## Summary\nAbout 40% of vending point cashiers could not sell tokens.\n"));
        assertEquals(100.0, share("## Summary\nThe firewall was down: 100% of incoming web traffic went unfiltered.\n"));
        assertEquals(15.0, share("## Summary\nLogin failed for 15% of our paying mobile users.\n"));
    }

    @Test
    void aShareOfRequestsCounts() {
        assertEquals(12.0, share("## Impact\nAbout 12% of checkout requests failed with a 502.\n"));
    }

    @Test
    void aLevelIsNotAShare() {
        assertNull(share("## Impact\nA 30% decrease in user engagement during the downtime.\n"));
    }

    @Test
    void theComplementaryOtherShareIsNotTaken() {
        assertNull(share("## Impact\nAfter the fix, staff used the system again by 1 pm while the other 30% waited.\n"));
    }

    @Test
    void aShareInTheOpeningParagraphWithoutASummaryHeading() {
        assertEquals(78.0, share("""
                # An outage I had

                From 6PM to 7PM GMT, requests to our servers were refused. About 78% of our subscribers could not
                reach our content.

                ## Cause:
                The load balancer was tuned and its firewall rules changed.
                """));
    }

    @Test
    void anAffectedUsersFieldInALaterSection() {
        assertEquals(35.0, share("""
                # Payment outage

                ## Timeline
                - 10:00 UTC: payments fail

                ## Details
                - Affected users: 35%
                - Region: eu-west-1
                """));
    }

    @Test
    void allUsersIsAHundredButAllUsersOfOneRegionIsNot() {
        assertEquals(100.0, share("## Impact\nThe site was unreachable for all users.\n"));
        assertNull(share("## Impact\nPayments failed for all customers in the Lagos region.\n"));
    }
}
