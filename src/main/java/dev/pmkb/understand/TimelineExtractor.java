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
        for (TimelineReader.Entry e : new TimelineReader(r.scanner, r.resolver).read(SectionSplitter.outsideCode(r.lines(SectionKind.TIMELINE)),
                context)) {
            TimelineEntry t = e.entry();
            timeline.add(new TimelineEntry(t.time(), t.text(), t.kind(), r.doc.fileLine(t.line())));
        }
        return timeline;
    }
}
