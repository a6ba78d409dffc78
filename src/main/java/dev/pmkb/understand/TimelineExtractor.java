package dev.pmkb.understand;

import dev.pmkb.model.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

/** The timeline's entries, their times read with the date and zone of the stated window. */
final class TimelineExtractor implements Extractor<List<TimelineEntry>> {

    private final StatedWindowExtractor stated;

    TimelineExtractor(StatedWindowExtractor stated) {
        this.stated = stated;
    }

    @Override
    public List<TimelineEntry> extract(Reading r) {
        StatedWindowExtractor.Stated s = r.of(stated);
        TimeResolver.Context context = TimeResolver.Context.of(s.window().start(), s.context());
        List<TimelineEntry> timeline = new ArrayList<>();
        List<SourceLine> lines = SectionSplitter.outsideCode(r.lines(SectionKind.TIMELINE));
        if (lines.isEmpty()) {
            // A status page: no timeline section, the body is its time-stamped updates.
            List<SourceLine> body = new ArrayList<>();
            for (Section section : r.sections) body.addAll(section.lines());
            body = SectionSplitter.outsideCode(body);
            if (StatusUpdates.hasUpdates(body, r.scanner)) lines = body;
        }
        lines = StatusUpdates.oldestFirst(lines, r.scanner);
        for (TimelineReader.Entry e : new TimelineReader(r.scanner, r.resolver).read(lines, context)) {
            TimelineEntry t = e.entry();
            timeline.add(new TimelineEntry(t.time(), t.text(), t.kind(), r.doc.fileLine(t.line())));
        }
        return timeline;
    }
}
