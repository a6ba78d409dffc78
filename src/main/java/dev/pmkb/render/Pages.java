package dev.pmkb.render;

import dev.pmkb.render.Views.Chip;
import dev.pmkb.render.Views.Count;
import dev.pmkb.render.Views.FeedEntry;
import dev.pmkb.render.Views.IncidentCard;
import dev.pmkb.render.Views.Link;
import dev.pmkb.render.Views.RelatedLink;
import dev.pmkb.render.Views.Task;
import dev.pmkb.render.Views.TimeView;
import dev.pmkb.render.Views.TimelineRow;
import dev.pmkb.render.Views.YearGroup;

import java.util.List;

/** What each kind of page shows. A template receives one of these as {@code page}. */
public sealed interface Pages {

    record Incident(String title, String source, String date, String isoDate, String summary,
                    TimeView start, TimeView end, String duration, String durationNote,
                    String impact, String usersAffected, List<Chip> impactCategories, List<Chip> components,
                    String detection, TimeView detectedAt, List<Chip> causes, boolean causesInferred, List<String> keywords,
                    List<TimelineRow> timeline, List<String> rootCause, List<String> resolution,
                    List<Task> tasks, int tasksOpen, int tasksDone,
                    String bodyHtml, List<RelatedLink> related, Link previous, Link next,
                    boolean titleComposed, String authorTitle, boolean draft,
                    Views.SourceCredits credits) implements Pages {

        /** This page with {@code html} as its body. */
        public Incident withBodyHtml(String html) {
            return new Incident(title, source, date, isoDate, summary, start, end, duration, durationNote, impact,
                    usersAffected, impactCategories, components, detection, detectedAt, causes, causesInferred, keywords,
                    timeline, rootCause, resolution, tasks, tasksOpen, tasksDone, html, related, previous, next,
                    titleComposed, authorTitle, draft, credits);
        }
    }

    record Home(int incidentCount, String firstDate, String lastDate, int causeCount, String medianDuration,
                int openTasks, List<IncidentCard> newest, List<Count> topCauses) implements Pages {
    }

    record CauseIndex(List<Count> causes) implements Pages {
    }

    record Cause(String slug, String name, String definition, List<IncidentCard> incidents,
                 String medianDuration, List<Count> coOccurring) implements Pages {
    }

    /**
     * Every incident as a table grouped by year, newest first, and the filters the archive's script offers.
     *
     * @param organisations whether the table has an organisation column (the library names several)
     */
    record Archive(int total, List<YearGroup> years, List<Views.Filter> filters, boolean organisations) implements Pages {
    }

    /** The organisations incidents happened to, most incidents first; only when there are several. */
    record OrganisationIndex(List<Count> organisations) implements Pages {
    }

    /** The incidents of one organisation, newest first, and the causes that came up most there. */
    record Organisation(String slug, String name, List<IncidentCard> incidents, String medianDuration,
                        List<Count> causes) implements Pages {
    }

    record Feed(String selfUrl, String siteUrl, String updated, List<FeedEntry> entries) implements Pages {
    }

    record Sitemap(List<String> urls) implements Pages {
    }

    record NotFound() implements Pages {
    }

    /** The search page: the client does the work, the page only holds the form and the no-JavaScript links. */
    /**
     * The search page. {@code manifest}: the search index manifest as JSON that is safe inside a
     * {@code <script type="application/json">} element (no {@code <}, so no {@code </script>}), or null.
     * {@code modules}: the search client's modules under {@code js/search/}, which the page preloads (listed from
     * the assets, so a new module is preloaded without editing the template).
     */
    record Search(String manifest, List<String> modules) implements Pages {
        public Search {
            modules = List.copyOf(modules);
        }

        static String inline(String json) {
            return json == null ? null : json.replace("<", "\\u003c");
        }
    }

    /**
     * Charts of the whole library; each chart's numbers are also given as a table. {@code withDetection} counts the
     * incidents whose timeline starts before their detection; {@code detectedAtStart} those that start at it.
     */
    record Insights(int incidentCount, String medianDuration, int withDuration, String medianDetection,
                    int withDetection, int detectedAtStart, List<Views.Chart> charts) implements Pages {
    }

    /**
     * Every corrective and preventative task, grouped by what it improves and then by incident. {@code tracked}
     * tasks have a status ({@code open} or {@code done}); {@code untracked} ones are plain bullets.
     */
    record ActionItems(int total, int tracked, int open, int done, int untracked, List<Views.ActionTheme> themes)
            implements Pages {
    }
}
