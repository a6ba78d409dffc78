package dev.pmkb.understand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The title an author gave, found the way a reader spots it at the top of the page. */
class TitleFinderTest {

    private static String find(String markdown) {
        return TitleFinder.find(SectionSplitter.lines(markdown));
    }

    @Test
    void aDescriptiveHeadingUnderAGenericOneWins() {
        assertEquals("Queue workers stalled", find("# Postmortem\n\n## Queue workers stalled\n\n## Summary\ntext\n"));
        assertEquals("Queue workers stalled", find("# 0x19. Postmortem\n\n![a cat](cat.png)\n\n- 1. My first postmortem:\n\n"
                + "# Queue workers stalled\n\n## Summary\ntext\n"));
        assertEquals("Postmortem: Queue workers stalled.", find("0x19. Postmortem\nPostmortem: Queue workers stalled.\n"
                + "Issue Summary:\ntext\n"));
    }

    @Test
    void aHeadingBelowProseNamesASectionNotTheIncident() {
        assertEquals("Post-Mortem Report", find("# Post-Mortem Report\n\nOur queue stalled on Monday, and we explain why here."
                + "\n\n## Debugging steps\n"));
    }

    @Test
    void titleLinesAndSetextHeadingsAreTitles() {
        assertEquals("Queue workers stalled", find("# Title of the incident\nTitle: Queue workers stalled\nName: A. Author\n"));
        assertEquals("Queue workers stalled", find("**Title:** Queue workers stalled\n\n## Summary\n"));
        assertEquals("Queue workers stalled", find("Queue workers stalled\n=====================\n\nSome text.\n"));
    }

    @Test
    void aShortFirstLineAboveAWordCountIsTheTitle() {
        assertEquals("Postmortem: The Great Queue Stall", find("Postmortem: The Great Queue Stall\n**Word Count:** 480 words\n"
                + "Issue Summary\ntext\n"));
    }

    @Test
    void linesThatStandAtTheTopButAreNoTitles() {
        for (String line : new String[] {"Word Count: 550 words", "Author", "Learning Objectives",
                "9:55 AM: Issue detected as alerts flagged slow queries", "June 9, 2024, 12:15 PM (UTC): alerts fired",
                "https://medium.com/@someone/postmortem-queue-stall-1234", "Duration: 2024-01-02 10:00 - 11:00 UTC",
                "This postmortem describes what happened to our queue workers", "?"}) {
            assertFalse(TitleFinder.isTitle(line), line);
        }
        assertFalse(TitleFinder.isTitle("The queue workers stalled for two hours on Monday because the broker ran out of"
                + " disk space, and nobody noticed until customers complained."));
        assertNull(find("![queue diagram](queue.png)\n\n## Summary\ntext\n"));
    }

    @Test
    void genericTitlesNameOnlyTheGenre() {
        for (String t : new String[] {"Postmortem", "0x19. Postmortem", "Post-Mortem Report", "Incident Report",
                "0x19-postmortem", "Postmortem Project", "Web Stack Outage Postmortem", "📝 Post-Mortem Report"}) {
            assertTrue(TitleFinder.isGeneric(t), t);
        }
        for (String t : new String[] {"Queue workers stalled", "Postmortem: Web Stack Outage on December 18, 2023",
                "ADFS Outage", "Website Outage"}) {
            assertFalse(TitleFinder.isGeneric(t), t);
        }
    }
}
