package dev.pmkb.understand;

import dev.pmkb.model.ActionItem;

import java.util.ArrayList;
import java.util.List;

/** What will change: the action items of every action list, and the lessons learned. */
final class ActionsExtractor implements Extractor<ActionsExtractor.FollowUp> {

    record FollowUp(List<ActionItem> actions, List<String> lessons) {
    }

    @Override
    public FollowUp extract(Reading r) {
        List<List<SourceLine>> actionLines = new ArrayList<>();
        for (Section s : r.sections) {
            if (s.kind().isActionList()) actionLines.add(s.lines());
        }
        return new FollowUp(ListItems.actionItems(actionLines), ListItems.lessons(r.lines(SectionKind.LESSONS)));
    }
}
