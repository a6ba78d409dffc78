package dev.pmkb.understand;

import dev.pmkb.model.Detection;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.TimelineEntry;

import java.util.List;

/** How and when the incident was found: the detection section and the timeline's detection entries. */
final class DetectionExtractor implements Extractor<Detection> {

    private final TimelineExtractor timeline;
    private final SummaryExtractor summary;

    DetectionExtractor(TimelineExtractor timeline, SummaryExtractor summary) {
        this.timeline = timeline;
        this.summary = summary;
    }

    @Override
    public Detection extract(Reading r) {
        List<TimelineEntry> entries = r.of(timeline);
        StringBuilder text = new StringBuilder();
        IncidentTime time = null;
        for (TimelineEntry e : entries) {
            if (e.kind() == TimelineEntry.Kind.DETECTION) {
                if (time == null && e.time() != null) time = e.time();
                text.append(e.text()).append('\n');
            }
        }
        String detectionSection = r.joined(SectionKind.DETECTION);
        if (detectionSection != null) text.insert(0, detectionSection + "\n");
        String how = DetectionWords.how(text.toString());
        if (how == null && entries.isEmpty()) how = DetectionWords.how(r.of(summary));
        if (time == null && how == null) return Detection.NONE;
        return new Detection(time, how);
    }
}
