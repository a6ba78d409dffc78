package dev.pmkb.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LabelScoreTest {

    @Test
    void timesAreComparedToTheMinuteInstantsWithInstantsAndLocalTimesWithLocalTimes() {
        assertEquals(LabelScore.normalized("2023-05-11T08:00Z"), LabelScore.normalized("2023-05-11T09:00+01:00"));
        assertEquals(LabelScore.normalized("2023-05-11T09:00:59Z"), LabelScore.normalized("2023-05-11T09:00Z"));
        assertNotEquals(LabelScore.normalized("2023-05-11T09:00"), LabelScore.normalized("2023-05-11T09:00Z"));
        assertEquals(LabelScore.normalized("2023-05-11T00:00"), LabelScore.normalized("2023-05-11"));
        assertEquals("bad May 11", LabelScore.normalized(" May 11 "));
        assertEquals(null, LabelScore.normalized(""));
    }

    @Test
    void scoresEachFieldAndTheCausesAsTheScriptDoes(@TempDir Path tmp) throws IOException {
        Path incidents = Files.writeString(tmp.resolve("incidents.json"), """
                {"schema": "pmkb/incidents@1", "incidents": [
                  {"source": "2024/001.md", "start": "2024-03-03T14:05Z", "end": "2024-03-03T15:50Z",
                   "durationMinutes": 106, "impactPercent": 30.4, "causes": ["bad-deploy", "capacity"]},
                  {"source": "002.md", "start": "2024-03-03T14:05", "end": null,
                   "durationMinutes": null, "impactPercent": 30.0, "causes": ["network"]}
                ]}""");
        Path labels = Files.writeString(tmp.resolve("labels.jsonl"), """
                {"file": "alx/001.md", "start": "2024-03-03T15:05+01:00", "end": "2024-03-03T15:50Z", "duration_minutes": 105, "impact_percent": 30, "causes_must": ["bad-deploy"], "causes_ok": ["capacity"]}
                {"file": "alx/002.md", "start": "2024-03-03T14:05Z", "end": null, "duration_minutes": 10, "impact_percent": 29.5, "causes_must": ["dns"], "causes_ok": []}

                {"file": "alx/003.md", "start": null, "end": null, "duration_minutes": null, "impact_percent": null, "causes_must": ["time"]}
                """);
        LabelScore score = LabelScore.of(incidents, labels);
        assertEquals(3, score.labeled());
        assertEquals(2, score.matched());
        assertEquals(List.of("alx/003.md"), score.missing());
        assertEquals(100.0 / 3, score.percent(LabelScore.Field.START)); // the local start is no instant
        assertEquals(200.0 / 3, score.percent(LabelScore.Field.END));
        assertEquals(100.0 / 3, score.percent(LabelScore.Field.DURATION)); // 106 for 105 is within a minute
        assertEquals(100.0 / 3, score.percent(LabelScore.Field.IMPACT)); // 30.0 for 29.5 is not within half a point
        assertEquals(100.0 / 3, score.percent(LabelScore.Field.PRIMARY));
        assertEquals(1, score.truePositives());
        assertEquals(1, score.falseNegatives()); // dns; the missing file's cause does not count
        assertEquals(1, score.falsePositives()); // network
        assertEquals(0.5, score.precision());
        assertEquals(0.5, score.f1());
        assertEquals(List.of("alx/002.md: start 2024-03-03T14:05 (want 2024-03-03T14:05Z), end None (want None), "
                + "dur None (want 10), impact 30.0 (want 29.5), causes ['network'] (must ['dns'])"), score.wrongLines());
        assertEquals("labeled 3, matched 2; start 33%, end 67%, duration 33%, impact 33%, primary 33%, "
                + "causes P 0.50 R 0.50 F1 0.50", score.summary());
    }

    /** The port must print what the script prints on a real bake, line for line. */
    @Test
    void reportsWhatScorePyReportsOnTheCorpus() throws Exception {
        Path script = Shared.sharedFolder("labels").resolve("score.py");
        Path incidents = Shared.corpusSite().output().resolve("incidents.json");
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString(), incidents.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not on PATH");
            return;
        }
        String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0, "score.py did not run");
        assertEquals(printed, LabelScore.of(incidents, script.resolveSibling("dev.jsonl")).report());
    }
}
