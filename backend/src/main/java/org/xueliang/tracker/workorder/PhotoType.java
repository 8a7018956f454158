package org.xueliang.tracker.workorder;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picture types a work-order photo may be, recognised by their first bytes (never by the Content-Type or the file
 * name the client sends): JPEG (FF D8 FF), PNG (the 8-byte signature), WebP (RIFF….WEBP).
 */
enum PhotoType {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    final String mediaType;

    PhotoType(String mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<PhotoType> of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
