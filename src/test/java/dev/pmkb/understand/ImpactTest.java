package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.Impact;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpactTest {

    private static Impact impact(String md) {
        return Docs.understand(md).facts().impact();
    }

    @Test
    void shareOfUsersAsANumber() {
        assertEquals(65.0, impact("## Impact\nRoughly 65% of users could not upload photos.\n").usersPercent());
        assertEquals(12.5, impact("## Impact\nAffected customers: 12.5 percent.\n").usersPercent());
    }

    @Test
    void allUsersOnlyWhenLiterallySaidAndNumbersWin() {
        assertEquals(100.0, impact("## Impact\nThe outage affected all of our users.\n").usersPercent());
        assertNull(impact("## Impact\nAlmost all users saw slow pages.\n").usersPercent());
        assertEquals(40.0, impact("## Impact\nThe API failed for all users in Europe, about 40% of users overall.\n").usersPercent());
        assertNull(impact("## Impact\nPages were slow.\n").usersPercent());
    }

    @Test
    void servicesAndStatement() {
        Impact i = impact("## Impact\nThe payment service and the order API returned errors for 20% of customers.\n");
        assertTrue(i.services().contains("payment service"), i.services().toString());
        assertTrue(i.text().startsWith("The payment service"), i.text());
    }

    @Test
    void categoriesAndComponents() {
        Facts f = Docs.understand("""
                ## Summary
                The site was completely unavailable for 20 minutes: nginx returned 502 errors because Redis was down.
                """).facts();
        assertTrue(f.impactCategories().contains("full-outage"), f.impactCategories().toString());
        assertTrue(f.impactCategories().contains("increased-errors"), f.impactCategories().toString());
        assertTrue(f.components().containsAll(java.util.List.of("nginx", "Redis")), f.components().toString());
    }

    @Test
    void apacheIsTheWebServerOnlyWhereNoOtherApacheProjectOrJavaPackageIsMeant() {
        assertEquals(java.util.List.of("Kafka"), Docs.understand("""
                ## Timeline
                - 13:25 producers fail with `org.apache.kafka.common.errors.TimeoutException`; Apache Kafka was full.
                """).facts().components());
        assertEquals(java.util.List.of("Apache HTTP Server"), Docs.understand("""
                ## Root Cause
                Apache could not start: port 80 was taken. We restarted apache2 after the fix.
                """).facts().components());
    }
}
