package org.xueliang.tracker.agent.vqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VqdAnalyzerTest {

    @Test
    void pictures_are_reduced_by_the_whole_factor_nearest_the_target_size() {
        assertThat(Frame.factor(1920, 1080)).isEqualTo(4);
        assertThat(Frame.factor(1280, 720)).isEqualTo(3);
        assertThat(Frame.factor(704, 576)).isEqualTo(2);
        assertThat(Frame.factor(320, 180)).isEqualTo(1);
        BufferedImage img = new BufferedImage(1920, 1080, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 960, 1080);
        g.dispose();
        Frame f = Frame.of(img);
        assertThat(f.width()).isEqualTo(480);
        assertThat(f.height()).isEqualTo(270);
        assertThat(f.luma[0]).isCloseTo(0.299f * 200 + 0.587f * 100 + 0.114f * 50, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(f.luma[479]).isZero();
    }

    @Test
    void every_raster_layout_gives_the_same_frame() {
        BufferedImage rgb = Scenes.canvas(0, 400, 300, 3);
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage other = new BufferedImage(rgb.getWidth(), rgb.getHeight(), type);
            other.createGraphics().drawImage(rgb, 0, 0, null);
            assertThat(Frame.of(other).luma).as("type %d", type).containsExactly(Frame.of(rgb).luma);
        }
    }

    @Test
    void a_lost_signal_masks_the_other_classes_and_classes_without_their_picture_are_absent() {
        BufferedImage black = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        VqdReport report = new VqdAnalyzer().analyze(black);
        assertThat(report.faults()).extracting(VqdFinding::type).containsExactly(VqdClass.SIGNAL_LOSS);
        assertThat(report.of(VqdClass.TOO_DARK)).get().satisfies(f -> {
            assertThat(f.score()).isEqualTo(1.0);
            assertThat(f.fault()).isFalse();
            assertThat(f.maskedBy()).isEqualTo(VqdClass.SIGNAL_LOSS);
        });
        assertThat(report.of(VqdClass.FREEZE)).isEmpty();
        assertThat(report.of(VqdClass.SCENE_CHANGE)).isEmpty();
    }

    @Test
    void thresholds_are_per_class_and_parsed_from_settings() {
        VqdThresholds t = VqdThresholds.defaults().parse("blur=0.7, NOISE=0.3");
        assertThat(t.of(VqdClass.BLUR)).isEqualTo(0.7);
        assertThat(t.of(VqdClass.NOISE)).isEqualTo(0.3);
        assertThat(t.of(VqdClass.OCCLUSION)).isEqualTo(VqdThresholds.DEFAULT);
        assertThat(VqdThresholds.defaults().parse(" ")).isSameAs(VqdThresholds.defaults());
        assertThatThrownBy(() -> t.parse("FOCUS=0.5")).hasMessageContaining("unknown VQD class");
        assertThatThrownBy(() -> t.parse("BLUR=2")).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> t.parse("BLUR")).hasMessageContaining("CLASS=value");
        BufferedImage scene = Defects.crop(Scenes.canvas(0, 960, 540, 5), 960, 0);
        // the mildest blur that is a fault yet scores under 1
        BufferedImage blurred = null;
        VqdFinding blur = null;
        for (int radius = 1; radius < 8 && (blur == null || !blur.fault() || blur.score() >= 1); radius++) {
            blurred = Defects.blur(scene, radius);
            blur = new VqdAnalyzer().analyze(blurred).of(VqdClass.BLUR).orElseThrow();
        }
        assertThat(blur.fault()).isTrue();
        assertThat(blur.score()).isLessThan(1.0);
        VqdThresholds lenient = VqdThresholds.defaults().with(VqdClass.BLUR, blur.score() + 0.001);
        assertThat(new VqdAnalyzer(lenient).analyze(blurred).of(VqdClass.BLUR).orElseThrow().fault()).isFalse();
    }

    @Test
    void garbage_and_oversized_pictures_are_refused_before_decoding() throws IOException {
        assertThatThrownBy(() -> VqdImages.decode("not a picture".getBytes(), VqdImages.MAX_PIXELS))
                .isInstanceOf(IOException.class);
        byte[] jpeg = Defects.jpeg(Scenes.canvas(0, 200, 100, 1), 0.8f);
        assertThat(VqdImages.decode(jpeg, 280 * 100).getWidth()).isEqualTo(280);
        assertThatThrownBy(() -> VqdImages.decode(jpeg, 1000)).isInstanceOf(IOException.class).hasMessageContaining("refused");
    }
}
