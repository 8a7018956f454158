package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.onvif.SnapshotCheck;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;
import org.xueliang.tracker.agent.vqd.JpegDcLuma;
import org.xueliang.tracker.agent.vqd.JpegWriting;
import org.xueliang.tracker.agent.vqd.VqdImages;

/** The simulator's snapshots read by their DC coefficients: the luminance of their decoded pixels, the same verdicts. */
class SimSnapshotLumaTest {

    @Test
    void every_simulated_snapshot_reads_as_its_decoded_pixels() throws IOException {
        List<byte[]> pictures = new ArrayList<>();
        pictures.add(Jpegs.BLACK);
        for (int i = 0; i < Jpegs.POOL; i++) {
            pictures.add(Jpegs.noisy(i));
            pictures.add(VqdPictures.clean(i));
        }
        for (Fault f : VqdPictures.FAULTS) {
            for (int i = 0; i < VqdPictures.FAULT_VARIANTS; i++) {
                pictures.add(VqdPictures.of(f, i));
            }
        }
        double worst = 0;
        for (byte[] jpeg : pictures) {
            double dc = JpegDcLuma.meanLuma(jpeg, VqdImages.MAX_PIXELS).orElseThrow();
            double decoded = JpegWriting.decodedMean(jpeg);
            assertThat(dc).isCloseTo(decoded, offset(1.5));
            assertThat(dc < 16).isEqualTo(SnapshotCheck.decodedMeanLuma(jpeg) < 16);
            worst = Math.max(worst, Math.abs(dc - decoded));
        }
        System.out.printf(Locale.ROOT, "simulator's %d snapshots: DC vs decoded luma max |difference| %.3f%n",
                pictures.size(), worst);
        assertThat(JpegDcLuma.meanLuma(Jpegs.BLACK, VqdImages.MAX_PIXELS).orElseThrow()).isLessThan(1);
    }
}
