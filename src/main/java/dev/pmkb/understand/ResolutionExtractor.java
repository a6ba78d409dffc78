package dev.pmkb.understand;

import dev.pmkb.model.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

/** How it was fixed: the resolution sections, else the timeline's resolution entries. */
final class ResolutionExtractor implements Extractor<String> {

    private final TimelineExtractor timeline;

    ResolutionExtractor(TimelineExtractor timeline) {
        this.timeline = timeline;
    }

    @Override
    public String extract(Reading r) {
        List<String> parts = new ArrayList<>();
        for (Section s : r.sections) {
            if (s.isEmpty()) continue;
            if (s.kind() == SectionKind.RESOLUTION) parts.add(r.textOf(s));
            else if (s.kind() == SectionKind.ROOT_CAUSE_AND_RESOLUTION) {
                String fix = r.causeAndFix(s)[1];
                if (!fix.isBlank()) parts.add(fix);
            }
        }
        if (!parts.isEmpty()) return PlainText.clip(String.join("\n\n", parts), 20_000);
        // The ALX template asks for "how it was resolved" in the timeline: use the author's own entries.
        List<String> resolved = r.of(timeline).stream().filter(t -> t.kind() == TimelineEntry.Kind.RESOLUTION)
                .map(TimelineEntry::text).toList();
        return resolved.isEmpty() ? null : PlainText.clip(String.join("\n", resolved), 2000);
    }
}
