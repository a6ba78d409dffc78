package dev.pmkb.model;

import java.time.Duration;
import java.util.List;

/**
 * What an experienced incident reviewer writes down after reading a postmortem. Any part may be missing:
 * a missing part is null (or an empty list), never invented.
 */
public record Facts(
        String summary,
        IncidentTime start,
        IncidentTime end,
        Duration duration,
        DurationOrigin durationOrigin,
        Impact impact,
        List<String> impactCategories,
        List<String> components,
        Detection detection,
        List<TimelineEntry> timeline,
        String rootCause,
        String resolution,
        List<ActionItem> actionItems,
        List<String> lessons,
        Causes causes) {

    public enum DurationOrigin {
        /** end − start, both resolved. */
        COMPUTED,
        /** stated in words ("about 2 hours"). */
        STATED
    }

    public Facts {
        impactCategories = List.copyOf(impactCategories);
        components = List.copyOf(components);
        timeline = List.copyOf(timeline);
        actionItems = List.copyOf(actionItems);
        lessons = List.copyOf(lessons);
    }
}
