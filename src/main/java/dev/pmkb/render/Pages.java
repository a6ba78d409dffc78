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
                    boolean titleComposed, String authorTitle, boolean draft) implements Pages {
    }

    record Home(int incidentCount, String firstDate, String lastDate, int causeCount, String medianDuration,
                int openTasks, List<IncidentCard> newest, List<Count> topCauses) implements Pages {
    }

    record CauseIndex(List<Count> causes) implements Pages {
    }

    record Cause(String slug, String name, String definition, List<IncidentCard> incidents,
                 String medianDuration, List<Count> coOccurring) implements Pages {
    }

    record Archive(List<YearGroup> years) implements Pages {
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

    /** Charts of the whole library; each chart's numbers are also given as a table. */
    record Insights(int incidentCount, String medianDuration, int withDuration, String medianDetection,
                    int withDetection, String causesChart, List<Count> causes, String monthsChart,
                    List<Count> months, String durationsChart, List<Count> durations, String detectionChart,
                    List<Count> detections) implements Pages {
    }

    /** Every corrective and preventative task, grouped by what it improves. */
    record ActionItems(int total, int open, List<Views.ActionTheme> themes) implements Pages {
    }
}
