package org.xueliang.tracker.agent.vqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.vqd.JpegWriting.Options;

class JpegDcLumaTest {

    private static final long CAP = VqdImages.MAX_PIXELS;
    private static final List<Options> CODINGS = JpegWriting.CODINGS;

    @Test
    void agrees_with_the_decoded_pixels_on_small_and_odd_sizes_at_every_coding() throws IOException {
        int[][] sizes = {{64, 48}, {32, 24}, {33, 17}, {100, 75}, {17, 31}, {7, 9}, {1, 1}};
        int[] levels = {3, 10, 14, 15, 16, 17, 18, 22, 60, 128, 200, 245};
        int[] noises = {0, 4, 25};
        List<String> over = new ArrayList<>();
        double[] worst = new double[3];
        long seed = 1;
        for (int[] size : sizes) {
            for (int level : levels) {
                for (int noise : noises) {
                    for (boolean grey : new boolean[]{false, true}) {
                        BufferedImage img = JpegWriting.scene(size[0], size[1], level, noise, grey, seed++);
                        int kind = Math.min(size[0], size[1]) < 16 ? 2 : noise >= 25 && level < 20 ? 1 : 0;
                        for (Options o : grey ? CODINGS.subList(0, 3) : CODINGS) {
                            worst[kind] = Math.max(worst[kind], difference(img, o, BOUNDS[kind], over));
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "DC vs decoded luma, max |difference|: %.2f; dark with noise sigma 25: %.2f;"
                + " sides under 16 px: %.2f%n", worst[0], worst[1], worst[2]);
        assertThat(over).isEmpty();
    }

    /**
     * How far the DC figure may be from the decoded mean: 1.5 levels; 2 on dark pictures with heavy noise (decoding
     * clamps the undershoot at 0, the DC mean keeps it); 3.5 on pictures under 16 pixels a side (an edge block's DC is
     * the mean of the encoder's padding too).
     */
    private static final double[] BOUNDS = {1.5, 2.0, 3.5};

    @Test
    void agrees_at_camera_sizes() throws IOException {
        List<String> over = new ArrayList<>();
        double worst = 0;
        int[][] sizes = {{704, 576}, {1920, 1080}, {1279, 719}};
        int seed = 100;
        for (int[] size : sizes) {
            for (int level : new int[]{12, 90, 180}) {
                BufferedImage img = JpegWriting.scene(size[0], size[1], level, 6, false, seed++);
                for (Options o : List.of(CODINGS.get(0), CODINGS.get(3), CODINGS.get(7))) {
                    worst = Math.max(worst, difference(img, o, 1.5, over));
                }
                worst = Math.max(worst, difference(JpegWriting.scene(size[0], size[1], level, 6, true, seed++),
                        CODINGS.get(0), 1.5, over));
            }
        }
        System.out.printf(Locale.ROOT, "DC vs decoded luma at camera sizes: max |difference| %.2f%n", worst);
        assertThat(over).isEmpty();
    }

    @Test
    void a_flat_picture_reads_as_its_level() {
        for (int level : new int[]{0, 16, 100, 255}) {
            BufferedImage img = JpegWriting.scene(48, 32, level, 0, true, 1);
            // scene() adds a gradient of level/3; a level's flat picture is the grey scene at noise 0 without it.
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 48; x++) {
                    img.getRaster().setSample(x, y, 0, level);
                }
            }
            assertThat(JpegDcLuma.meanLuma(JpegWriting.jpeg(img, CODINGS.get(0)), CAP).getAsDouble())
                    .isCloseTo(level, org.assertj.core.data.Offset.offset(0.5));
        }
    }

    @Test
    void leaves_other_codings_and_formats_to_imageio() throws IOException {
        BufferedImage img = JpegWriting.scene(64, 48, 100, 4, false, 7);
        byte[] baseline = JpegWriting.jpeg(img, CODINGS.get(0));
        assertThat(JpegDcLuma.meanLuma(baseline, CAP)).isPresent();
        assertThat(JpegDcLuma.meanLuma(JpegWriting.jpeg(img, CODINGS.get(0).inProgressiveMode()), CAP)).isEmpty();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        assertThat(JpegDcLuma.meanLuma(png.toByteArray(), CAP)).isEmpty();
        for (int sof : new int[]{0xC2, 0xC3, 0xC9, 0xCA}) {
            assertThat(JpegDcLuma.meanLuma(withMarker(baseline, 0xC0, sof), CAP)).as("SOF %02X", sof).isEmpty();
        }
        byte[] twelveBit = baseline.clone();
        twelveBit[find(baseline, 0xC0) + 4] = 12;
        assertThat(JpegDcLuma.meanLuma(twelveBit, CAP)).isEmpty();
        assertThat(JpegDcLuma.meanLuma(new byte[0], CAP)).isEmpty();
        assertThat(JpegDcLuma.meanLuma(baseline, 64L * 48 - 1)).as("over the pixel cap").isEmpty();
    }

    @Test
    void refuses_rgb_jpegs_and_embedded_profiles() {
        byte[] baseline = JpegWriting.jpeg(JpegWriting.scene(64, 48, 100, 4, false, 7), CODINGS.get(0));
        byte[] adobeRgb = withSegment(baseline, 0xEE, "Adobe\0\144\0\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(JpegDcLuma.meanLuma(adobeRgb, CAP)).isEmpty();
        byte[] adobeYcc = withSegment(baseline, 0xEE, "Adobe\0\144\0\0\0\0\1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(JpegDcLuma.meanLuma(adobeYcc, CAP)).isPresent();
        byte[] icc = withSegment(baseline, 0xE2, "ICC_PROFILE\0\1\1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(JpegDcLuma.meanLuma(icc, CAP)).isEmpty();
    }

    @Test
    void refuses_short_or_disordered_entropy_coded_data() {
        byte[] jpeg = JpegWriting.jpeg(JpegWriting.scene(64, 48, 100, 20, false, 9), CODINGS.get(6));
        int eoi = jpeg.length - 2;
        byte[] truncated = Arrays.copyOf(jpeg, eoi - 40);
        assertThat(JpegDcLuma.meanLuma(truncated, CAP)).isEmpty();
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length);
        System.arraycopy(new byte[]{(byte) 0xFF, (byte) 0xD9}, 0, cut, eoi - 40, 2);
        assertThat(JpegDcLuma.meanLuma(cut, CAP)).as("EOI in the middle of the scan").isEmpty();
        int rst = find(jpeg, 0xD1);
        byte[] disordered = jpeg.clone();
        disordered[rst + 1] = (byte) 0xD3;
        assertThat(JpegDcLuma.meanLuma(disordered, CAP)).as("RST3 where RST1 belongs").isEmpty();
    }

    /**
     * A frame of three components whose luma comes in a scan of its own (non-interleaved, as some encoders write):
     * made from a grey JPEG by declaring two more components in its frame header, so its one scan is the luma scan.
     */
    @Test
    void reads_a_luma_scan_of_its_own_in_a_colour_frame() {
        byte[] grey = JpegWriting.jpeg(JpegWriting.scene(45, 30, 90, 8, true, 5), CODINGS.get(0));
        double expected = JpegDcLuma.meanLuma(grey, CAP).orElseThrow();
        for (int lumaSampling : new int[]{0x11, 0x22}) {
            int sof = find(grey, 0xC0);
            int length = (grey[sof + 2] & 0xFF) << 8 | (grey[sof + 3] & 0xFF);
            byte[] header = Arrays.copyOfRange(grey, sof, sof + 2 + length);
            byte[] colour = new byte[header.length + 6];
            System.arraycopy(header, 0, colour, 0, header.length);
            colour[3] = (byte) (length + 6);
            colour[9] = 3;
            colour[11] = (byte) lumaSampling;
            byte[] chroma = {2, 0x11, 0, 3, 0x11, 0};
            System.arraycopy(chroma, 0, colour, header.length, 6);
            byte[] jpeg = new byte[grey.length + 6];
            System.arraycopy(grey, 0, jpeg, 0, sof);
            System.arraycopy(colour, 0, jpeg, sof, colour.length);
            System.arraycopy(grey, sof + header.length, jpeg, sof + colour.length, grey.length - sof - header.length);
            assertThat(JpegDcLuma.meanLuma(jpeg, CAP).orElseThrow()).as("luma sampling %02X", lumaSampling)
                    .isEqualTo(expected);
        }
    }

    /** Random damage to good JPEGs: the reader gives a figure in 0..255 or nothing, and never throws. */
    @Test
    void never_throws_on_damaged_data() {
        Random r = new Random(42);
        List<byte[]> good = List.of(JpegWriting.jpeg(JpegWriting.scene(64, 48, 100, 20, false, 1), CODINGS.get(0)),
                JpegWriting.jpeg(JpegWriting.scene(40, 30, 30, 10, true, 2), CODINGS.get(1)),
                JpegWriting.jpeg(JpegWriting.scene(33, 17, 200, 10, false, 3), CODINGS.get(7)));
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] jpeg = good.get(i % good.size()).clone();
            int damage = 1 + r.nextInt(4);
            for (int d = 0; d < damage; d++) {
                int at = r.nextInt(jpeg.length);
                jpeg[at] = switch (r.nextInt(3)) {
                    case 0 -> (byte) r.nextInt(256);
                    case 1 -> (byte) 0xFF;
                    default -> (byte) (jpeg[at] ^ (1 << r.nextInt(8)));
                };
            }
            if (r.nextInt(4) == 0) {
                jpeg = Arrays.copyOf(jpeg, r.nextInt(jpeg.length));
            }
            OptionalDouble luma = JpegDcLuma.meanLuma(jpeg, CAP);
            if (luma.isPresent()) {
                read++;
                assertThat(luma.getAsDouble()).isBetween(0.0, 255.0);
            }
        }
        assertThat(read).as("some damage (inside coefficients) still reads").isPositive();
    }

    private static int find(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) marker) {
                return i;
            }
        }
        throw new AssertionError(String.format("no marker %02X", marker));
    }

    private static byte[] withMarker(byte[] jpeg, int from, int to) {
        byte[] copy = jpeg.clone();
        copy[find(jpeg, from) + 1] = (byte) to;
        return copy;
    }

    /** The JPEG with an extra segment right after SOI. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        byte[] out = new byte[jpeg.length + 4 + payload.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) marker;
        out[4] = (byte) ((payload.length + 2) >> 8);
        out[5] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, out, 6, payload.length);
        System.arraycopy(jpeg, 2, out, 6 + payload.length, jpeg.length - 2);
        return out;
    }

    private static double difference(BufferedImage img, Options o, double bound, List<String> over) throws IOException {
        byte[] jpeg = JpegWriting.jpeg(img, o);
        OptionalDouble dc = JpegDcLuma.meanLuma(jpeg, CAP);
        double decoded = JpegWriting.decodedMean(jpeg);
        String what = img.getWidth() + "x" + img.getHeight() + (img.getType() == BufferedImage.TYPE_BYTE_GRAY ? " grey " : " ") + o;
        if (dc.isEmpty()) {
            over.add(what + ": not read");
            return 0;
        }
        double diff = Math.abs(dc.getAsDouble() - decoded);
        if (diff > bound) {
            over.add(String.format(Locale.ROOT, "%s: DC %.3f decoded %.3f", what, dc.getAsDouble(), decoded));
        }
        return diff;
    }
}
