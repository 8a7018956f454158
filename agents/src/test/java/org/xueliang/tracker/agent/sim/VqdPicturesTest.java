package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;
import org.xueliang.tracker.agent.vqd.VqdAnalyzer;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.agent.vqd.VqdFinding;
import org.xueliang.tracker.agent.vqd.VqdImages;

/** The simulator's picture faults are what the analyzer finds, and its clean scene passes. */
class VqdPicturesTest {

    private final VqdAnalyzer analyzer = new VqdAnalyzer();

    @Test
    void each_picture_fault_shows_its_class_and_the_scene_itself_is_clean() throws IOException {
        assertThat(analyzer.analyze(VqdPictures.scene()).faults()).isEmpty();
        for (int i = 0; i < 16; i++) {
            assertThat(analyzer.analyze(VqdImages.decode(VqdPictures.clean(i), VqdImages.MAX_PIXELS)).faults()).isEmpty();
        }
        expect(Fault.BLURRED_VIDEO, VqdClass.BLUR);
        expect(Fault.COLOR_CAST_VIDEO, VqdClass.COLOR_CAST);
        expect(Fault.OCCLUDED_VIDEO, VqdClass.OCCLUSION);
        expect(Fault.DARK_VIDEO, VqdClass.TOO_DARK);
    }

    @Test
    void the_simulator_fault_words_set_the_picture_faults() {
        CameraFaults f = new CameraFaults();
        SimulatorMain.applyFault(f, "blurred");
        SimulatorMain.applyFault(f, "CAST");
        SimulatorMain.applyFault(f, "occluded");
        SimulatorMain.applyFault(f, "dark");
        SimulatorMain.applyFault(f, "still");
        SimulatorMain.applyFault(f, "turned");
        assertThat(VqdPictures.FAULTS).allMatch(f::has);
    }

    @Test
    void the_still_picture_is_frozen_against_itself_and_the_clean_scene_is_not() throws IOException {
        for (int i = 1; i < VqdPictures.FAULT_VARIANTS; i++) {
            assertThat(VqdPictures.of(Fault.STILL_VIDEO, i)).as("different bytes").isNotEqualTo(VqdPictures.of(Fault.STILL_VIDEO, 0));
            var report = analyzer.analyze(picture(VqdPictures.of(Fault.STILL_VIDEO, i)),
                    picture(VqdPictures.of(Fault.STILL_VIDEO, i - 1)), null);
            assertThat(report.faults()).as("%s", report.findings()).extracting(VqdFinding::type).containsExactly(VqdClass.FREEZE);
        }
        var live = analyzer.analyze(picture(VqdPictures.clean(5)), picture(VqdPictures.clean(4)), null);
        assertThat(live.faults()).as("%s", live.findings()).isEmpty();
    }

    @Test
    void the_turned_camera_changed_its_scene_against_the_clean_reference_and_is_otherwise_clean() throws IOException {
        for (int i = 0; i < VqdPictures.FAULT_VARIANTS; i++) {
            var turned = picture(VqdPictures.of(Fault.TURNED_VIDEO, i));
            assertThat(analyzer.analyze(turned).faults()).as("alone it is a clean street").isEmpty();
            var report = analyzer.analyze(turned, null, VqdPictures.scene());
            assertThat(report.faults()).as("%s", report.findings()).extracting(VqdFinding::type)
                    .containsExactly(VqdClass.SCENE_CHANGE);
        }
        var same = analyzer.analyze(picture(VqdPictures.clean(3)), null, VqdPictures.scene());
        assertThat(same.faults()).as("%s", same.findings()).isEmpty();
    }

    private static java.awt.image.BufferedImage picture(byte[] jpeg) throws IOException {
        return VqdImages.decode(jpeg, VqdImages.MAX_PIXELS);
    }

    private void expect(Fault fault, VqdClass c) throws IOException {
        for (int i = 0; i < VqdPictures.FAULT_VARIANTS; i++) {
            var report = analyzer.analyze(VqdImages.decode(VqdPictures.of(fault, i), VqdImages.MAX_PIXELS));
            assertThat(report.faults()).as("%s: %s", fault, report.findings()).extracting(VqdFinding::type).contains(c);
        }
    }
}
