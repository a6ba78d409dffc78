package dev.pmkb.site;

import dev.pmkb.testing.LabelScore;
import dev.pmkb.testing.LabelScore.Field;
import dev.pmkb.testing.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Guards how well pmkb reads real postmortems: the corpus bake is scored against the hand-made labels of
 * {@code ../shared/labels/dev.jsonl} exactly as {@code score.py} scores it, and no figure may fall below its floor.
 * Skipped when {@code ../shared} is not there.
 */
class ReadingScoreTest {

    /*
     * The floors, as score.py prints the figures (percent to the unit, cause figures to two decimals). They are
     * the figures reached so far: raise them to the new figures whenever reading improves, never lower them to
     * let a change through.
     */
    static final double START_PERCENT = 98;
    static final double END_PERCENT = 99;
    static final double DURATION_PERCENT = 98;
    static final double IMPACT_PERCENT = 95;
    static final double PRIMARY_PERCENT = 97;
    static final double CAUSE_PRECISION = 0.93;
    static final double CAUSE_RECALL = 0.90;
    static final double CAUSE_F1 = 0.91;

    @Test
    void theCorpusIsReadAtLeastAsWellAsBefore() {
        Path labels = Shared.sharedFolder("labels").resolve("dev.jsonl");
        LabelScore score = LabelScore.of(Shared.corpusSite().output().resolve("incidents.json"), labels);
        List<String> below = new ArrayList<>();
        floor(below, "start %", LabelScore.rounded(score.percent(Field.START), 0), START_PERCENT);
        floor(below, "end %", LabelScore.rounded(score.percent(Field.END), 0), END_PERCENT);
        floor(below, "duration %", LabelScore.rounded(score.percent(Field.DURATION), 0), DURATION_PERCENT);
        floor(below, "impact %", LabelScore.rounded(score.percent(Field.IMPACT), 0), IMPACT_PERCENT);
        floor(below, "primary %", LabelScore.rounded(score.percent(Field.PRIMARY), 0), PRIMARY_PERCENT);
        floor(below, "cause precision", LabelScore.rounded(score.precision(), 2), CAUSE_PRECISION);
        floor(below, "cause recall", LabelScore.rounded(score.recall(), 2), CAUSE_RECALL);
        floor(below, "cause F1", LabelScore.rounded(score.f1(), 2), CAUSE_F1);
        System.out.println("reading score: " + score.summary());
        assertEquals(List.of(), below, () -> "reading got worse on the labelled corpus: " + String.join("; ", below)
                + "\n" + score.summary() + "\nwrong facts (what pmkb read, what the label says):\n" + score.report());
    }

    private static void floor(List<String> below, String figure, double value, double floor) {
        if (value < floor) below.add(figure + " " + value + " below its floor " + floor);
    }
}
