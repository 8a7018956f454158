package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Reason;

class SnapshotCheckTest {

    private final SnapshotCheck check = new SnapshotCheck(16.0, 2);

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
