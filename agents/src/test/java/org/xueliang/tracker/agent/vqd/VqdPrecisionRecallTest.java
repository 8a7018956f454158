package org.xueliang.tracker.agent.vqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The analyzer against generated labelled sets. The thresholds were tuned on the tuning set (scene kinds 0–3, seeds
 * 1–2); the assertions are on the held-out set (the same kinds with other seeds, and the kinds 4–5 the tuning never
 * saw, at another size). The tables go to stdout and to target/vqd-precision-recall.md (docs/VQD.md quotes them).
 */
class VqdPrecisionRecallTest {

    private final VqdAnalyzer analyzer = new VqdAnalyzer();

    @Test
    void held_out_pictures_are_classified_with_precision_and_recall_of_at_least_0_9_per_class() throws IOException {
        List<LabelledSet.Sample> tuning = LabelledSet.generate(new int[]{0, 1, 2, 3}, 1, 2, 960, 540);
        List<LabelledSet.Sample> heldOut = new java.util.ArrayList<>(LabelledSet.generate(new int[]{0, 1, 2, 3}, 7001, 1, 960, 540));
        heldOut.addAll(LabelledSet.generate(new int[]{4, 5}, 9001, 2, 1280, 720));
        Scorecard tuned = Scorecard.of(analyzer, tuning);
        Scorecard held = Scorecard.of(analyzer, heldOut);
        String report = "Tuning set (" + tuning.size() + " pictures, 960×540)\n\n" + tuned.table("class")
                + "\nHeld-out set (" + heldOut.size() + " pictures: other seeds at 960×540, unseen scene kinds at 1280×720)\n\n"
                + held.table("class");
        System.out.println(report);
        System.out.println("tuning mistakes:\n" + tuned.mistakes() + "held-out mistakes:\n" + held.mistakes());
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("vqd-precision-recall.md"), report);
        }
        SoftAssertions soft = new SoftAssertions();
        for (VqdClass c : VqdClass.values()) {
            soft.assertThat(held.positives(c)).as("pictures with %s", c).isGreaterThan(5);
            soft.assertThat(held.precision(c)).as("precision of %s", c).isGreaterThanOrEqualTo(0.9);
            soft.assertThat(held.recall(c)).as("recall of %s", c).isGreaterThanOrEqualTo(0.9);
        }
        soft.assertAll();
        assertThat(heldOut).hasSizeGreaterThan(150);
    }
}
