package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.vqd.JpegDcLuma;
import org.xueliang.tracker.agent.vqd.JpegWriting;
import org.xueliang.tracker.agent.vqd.JpegWriting.Options;

class SnapshotCheckTest {

    private final SnapshotCheck check = new SnapshotCheck(16.0, 2);
    private static final List<Options> CODINGS = JpegWriting.CODINGS;

    @Test
    void a_bright_picture_is_ok_and_the_same_bytes_again_are_frozen() throws IOException {
        byte[] a = jpeg(new Color(120, 140, 90));
        assertThat(check.check(1, a).reason()).isEqualTo(Reason.OK);
        assertThat(check.check(1, a).reason()).isEqualTo(Reason.FROZEN_VIDEO);
        assertThat(check.check(1, jpeg(new Color(121, 140, 90))).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void a_black_picture_is_black_video() throws IOException {
        assertThat(check.check(2, jpeg(new Color(3, 3, 3))).reason()).isEqualTo(Reason.BLACK_VIDEO);
    }

    @Test
    void garbage_is_no_video() {
        assertThat(check.check(3, "<html>not an image</html>".getBytes()).reason()).isEqualTo(Reason.NO_VIDEO);
        assertThat(check.check(3, new byte[0]).reason()).isEqualTo(Reason.NO_VIDEO);
    }

    @Test
    void remembers_a_bounded_number_of_devices() throws IOException {
        byte[] a = jpeg(Color.GRAY);
        check.check(10, a);
        check.check(11, a);
        check.check(12, a); // evicts device 10
        assertThat(check.check(10, a).reason()).isEqualTo(Reason.OK);
    }

    /**
     * Every test picture, at every coding, near the threshold or not, gets the black/not-black verdict that the
     * decoded pixels give (the judgement before DC luma): within {@link SnapshotCheck#DC_GUARD} of 16 the pixels are
     * decoded, outside it the DC figure is never that far off.
     */
    @Test
    void the_black_verdict_is_the_one_the_decoded_pixels_give() throws IOException {
        SnapshotCheck judge = new SnapshotCheck(16.0, 10);
        int[][] sizes = {{64, 48}, {33, 17}, {7, 9}, {352, 288}};
        int[] levels = {2, 8, 11, 13, 14, 15, 16, 17, 18, 19, 21, 24, 40};
        long seed = 1;
        int fromDc = 0;
        int pictures = 0;
        for (int[] size : sizes) {
            for (int level : levels) {
                for (int noise : new int[]{0, 3, 12, 25}) {
                    for (boolean grey : new boolean[]{false, true}) {
                        BufferedImage img = JpegWriting.scene(size[0], size[1], level, noise, grey, seed++);
                        for (Options o : CODINGS) {
                            byte[] jpeg = JpegWriting.jpeg(img, o);
                            double decoded = SnapshotCheck.decodedMeanLuma(jpeg);
                            Reason expected = decoded < 16 ? Reason.BLACK_VIDEO : Reason.OK;
                            assertThat(judge.check(seed, jpeg).reason())
                                    .as("%dx%d level %d noise %d grey %b %s: decoded %.2f, judged %.2f", size[0], size[1],
                                            level, noise, grey, o, decoded, judge.judgedLuma(jpeg))
                                    .isEqualTo(expected);
                            pictures++;
                            fromDc += JpegDcLuma.meanLuma(jpeg, SnapshotCheck.MAX_PIXELS).isPresent()
                                    && Math.abs(judge.judgedLuma(jpeg) - decoded) > 1e-9 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(fromDc).as("pictures judged by their DC figure").isGreaterThan(pictures / 2);
    }

    @Test
    void a_black_grey_picture_is_black_video_on_both_paths() throws IOException {
        BufferedImage grey = JpegWriting.scene(64, 48, 5, 0, true, 1);
        byte[] baseline = JpegWriting.jpeg(grey, CODINGS.get(0));
        byte[] progressive = JpegWriting.jpeg(grey, CODINGS.get(0).inProgressiveMode());
        assertThat(JpegDcLuma.meanLuma(progressive, SnapshotCheck.MAX_PIXELS)).isEmpty();
        // getRGB would read a grey 5 as sRGB 38: the decoded path takes a grey picture's samples as its luminance.
        assertThat(check.check(20, baseline).reason()).isEqualTo(Reason.BLACK_VIDEO);
        assertThat(check.check(21, progressive).reason()).isEqualTo(Reason.BLACK_VIDEO);
        assertThat(check.check(21, progressive).meanLuma()).isLessThan(8);
    }

    @Test
    void pictures_the_dc_reader_leaves_are_judged_on_decoded_pixels() throws IOException {
        BufferedImage dark = JpegWriting.scene(64, 48, 6, 2, false, 3);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(dark, "png", png);
        assertThat(check.check(30, png.toByteArray()).reason()).isEqualTo(Reason.BLACK_VIDEO);
        byte[] progressive = JpegWriting.jpeg(JpegWriting.scene(64, 48, 120, 2, false, 3), CODINGS.get(0).inProgressiveMode());
        assertThat(check.check(31, progressive).reason()).isEqualTo(Reason.OK);
        assertThat(check.check(31, progressive).reason()).isEqualTo(Reason.FROZEN_VIDEO);
    }

    @Test
    void a_picture_over_the_pixel_cap_is_no_video() throws IOException {
        byte[] jpeg = jpeg(Color.GRAY);
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xC0) {
                jpeg[i + 5] = jpeg[i + 7] = 0x27; // 10000 x 10000: 100 M pixels
                jpeg[i + 6] = jpeg[i + 8] = 0x10;
                break;
            }
        }
        SnapshotCheck.Verdict v = check.check(40, jpeg);
        assertThat(v.reason()).isEqualTo(Reason.NO_VIDEO);
        assertThat(v.detail()).contains("10000x10000");
    }

    static byte[] jpeg(Color c) throws IOException {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
