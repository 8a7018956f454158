package org.xueliang.tracker.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Photos are recognised by their first bytes only. */
class PhotoTypeTest {

    @Test
    void jpegPngAndWebpByTheirSignatures() {
        assertThat(PhotoType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(PhotoType.JPEG);
        assertThat(PhotoType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(PhotoType.PNG);
        assertThat(PhotoType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(PhotoType.WEBP);
    }

    @Test
    void anythingElseIsRefusedWhateverItCallsItself() {
        assertThat(PhotoType.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(PhotoType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoType.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(PhotoType.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(PhotoType.of(new byte[0])).isEmpty();
    }
}
