package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * The mean luminance of a sequential Huffman-coded JPEG (SOF0 baseline, SOF1 extended, 8-bit, grayscale or YCbCr)
 * from the DC coefficients of its luma blocks alone: a block's DC is 8 × (its mean sample − 128) before quantisation,
 * so the picture's mean Y is the mean over the blocks of DC × Q[0] / 8 + 128. The entropy-coded data is read MCU by
 * MCU, the AC coefficients only as far as needed to step over them; there is no IDCT, no colour conversion, no pixel
 * buffer. Partial blocks at the right and bottom edges count by the pixels inside the picture (their DC still holds
 * the encoder's padding). It differs from the mean of the decoded pixels by what decoding clamps (samples outside
 * 0..255, saturated colours) and that padding: hundredths of a level at camera sizes, up to ~1.5 on small noisy
 * pictures, more on dark very noisy or tiny ones (JpegDcLumaTest, docs/BENCHMARKS.md "Snapshot luminance").
 * <p>
 * Anything else (progressive, arithmetic coding, 12-bit, RGB or CMYK JPEGs, an ICC profile, a first scan without luma,
 * other formats, data that is not exactly as the markers say) gives an empty result, and the caller decodes the
 * picture as before: this reader never judges a picture that a full decode would judge differently because of how it
 * was coded.
 */
public final class JpegDcLuma {

    private final byte[] data;
    private final long maxPixels;
    private int pos;
    private final int[] dcQuant = new int[4];
    private final JpegHuffman[] dcTables = new JpegHuffman[4];
    private final JpegHuffman[] acTables = new JpegHuffman[4];
    private int restartInterval;
    private boolean jfif;
    /** The Adobe APP14 colour transform, -1 without that segment. */
    private int adobeTransform = -1;
    private JpegFrame frame;

    private JpegDcLuma(byte[] data, long maxPixels) {
        this.data = data;
        this.maxPixels = maxPixels;
    }

    /**
     * The mean luminance (0..255) of {@code jpeg}, or empty when this reader does not take it (see the class
     * comment) or the picture has more than {@code maxPixels} pixels. Never throws on any input.
     */
    public static OptionalDouble meanLuma(byte[] jpeg, long maxPixels) {
        try {
            return OptionalDouble.of(new JpegDcLuma(jpeg, maxPixels).read());
        } catch (UnreadableJpeg e) {
            return OptionalDouble.empty();
        }
    }

    private double read() throws UnreadableJpeg {
        if (data.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new UnreadableJpeg("not a JPEG");
        }
        pos = 2;
        while (true) {
            int marker = nextMarker();
            if (marker == 0xDA) {
                JpegScan scan = scanHeader();
                if (!scan.includesLuma()) {
                    // Encoders that code components in separate scans put luma first; others are left to ImageIO.
                    throw new UnreadableJpeg("first scan without luma");
                }
                return new JpegLumaScan(frame, scan, restartInterval, new JpegBits(data, pos)).meanLuma();
            } else if (marker == 0xC0 || marker == 0xC1) {
                frameHeader();
            } else if (marker == 0xC4) {
                huffmanTables();
            } else if (marker == 0xDB) {
                quantTables();
            } else if (marker == 0xDD) {
                restartInterval();
            } else if (marker >= 0xE0 && marker <= 0xEF || marker == 0xFE) {
                applicationData(marker);
            } else {
                throw new UnreadableJpeg(String.format("marker %02X", marker));
            }
        }
    }

    /** The code of the marker at {@link #pos} (fill bytes FF before it allowed), {@link #pos} then past it. */
    private int nextMarker() throws UnreadableJpeg {
        if (u8(pos) != 0xFF) {
            throw new UnreadableJpeg("data where a marker belongs");
        }
        while (u8(pos + 1) == 0xFF) {
            pos++;
        }
        int marker = u8(pos + 1);
        pos += 2;
        return marker;
    }

    /** The segment's payload bounds: {@code [pos, returned end)}; {@link #pos} moves past the length field. */
    private int segment() throws UnreadableJpeg {
        int length = u16(pos);
        if (length < 2 || pos + length > data.length) {
            throw new UnreadableJpeg("segment length " + length);
        }
        int end = pos + length;
        pos += 2;
        return end;
    }

    private void applicationData(int marker) throws UnreadableJpeg {
        int end = segment();
        if (marker == 0xE0 && startsWith(pos, end, "JFIF\0")) {
            jfif = true;
        } else if (marker == 0xE2 && startsWith(pos, end, "ICC_PROFILE\0")) {
            // ImageIO converts pictures with an embedded profile: their decoded RGB is not plain JFIF YCbCr.
            throw new UnreadableJpeg("ICC profile");
        } else if (marker == 0xEE && startsWith(pos, end, "Adobe") && end - pos >= 12) {
            adobeTransform = u8(pos + 11);
        }
        pos = end;
    }

    private void quantTables() throws UnreadableJpeg {
        int end = segment();
        while (pos < end) {
            int precision = u8(pos) >> 4;
            int id = u8(pos) & 0x0F;
            if (precision > 1 || id > 3 || pos + 1 + 64 * (precision + 1) > end) {
                throw new UnreadableJpeg("quantisation table");
            }
            // The DC entry comes first in zig-zag order; the AC entries do not matter here.
            dcQuant[id] = precision == 0 ? u8(pos + 1) : u16(pos + 1);
            if (dcQuant[id] == 0) {
                throw new UnreadableJpeg("quantisation step 0");
            }
            pos += 1 + 64 * (precision + 1);
        }
        checkEnd(end);
    }

    private void huffmanTables() throws UnreadableJpeg {
        int end = segment();
        while (pos < end) {
            int tableClass = u8(pos) >> 4;
            int id = u8(pos) & 0x0F;
            if (tableClass > 1 || id > 3 || pos + 17 > end) {
                throw new UnreadableJpeg("Huffman table");
            }
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) {
                counts[l] = u8(pos + l);
                total += counts[l];
            }
            pos += 17;
            if (total > 256 || pos + total > end) {
                throw new UnreadableJpeg("Huffman table of " + total + " codes");
            }
            byte[] symbols = new byte[total];
            System.arraycopy(data, pos, symbols, 0, total);
            pos += total;
            (tableClass == 0 ? dcTables : acTables)[id] = new JpegHuffman(counts, symbols);
        }
        checkEnd(end);
    }

    private void restartInterval() throws UnreadableJpeg {
        int end = segment();
        if (end - pos != 2) {
            throw new UnreadableJpeg("DRI length");
        }
        restartInterval = u16(pos);
        pos = end;
    }

    private void frameHeader() throws UnreadableJpeg {
        int end = segment();
        if (frame != null || end - pos < 6) {
            throw new UnreadableJpeg("frame header");
        }
        int precision = u8(pos);
        int height = u16(pos + 1);
        int width = u16(pos + 3);
        int components = u8(pos + 5);
        if (precision != 8 || height == 0 || width == 0 || (components != 1 && components != 3)
                || end - pos != 6 + 3 * components) {
            throw new UnreadableJpeg("frame of " + components + " components, " + precision + " bits");
        }
        if ((long) width * height > maxPixels) {
            throw new UnreadableJpeg("picture of " + width + "x" + height);
        }
        int[] ids = new int[components];
        int[] h = new int[components];
        int[] v = new int[components];
        int[] quant = new int[components];
        for (int c = 0; c < components; c++) {
            int at = pos + 6 + 3 * c;
            ids[c] = u8(at);
            h[c] = u8(at + 1) >> 4;
            v[c] = u8(at + 1) & 0x0F;
            quant[c] = u8(at + 2);
            if (h[c] < 1 || h[c] > 4 || v[c] < 1 || v[c] > 4 || quant[c] > 3) {
                throw new UnreadableJpeg("component sampling or table");
            }
        }
        if (components == 3 && !isYCbCr(ids)) {
            throw new UnreadableJpeg("three components that may not be YCbCr");
        }
        frame = new JpegFrame(width, height, ids, h, v, quant);
        pos = end;
    }

    /**
     * Whether three components are Y, Cb, Cr as ImageIO would read them: a JFIF picture, an Adobe one with the YCbCr
     * transform, or one with neither whose components are numbered 1, 2, 3. RGB JPEGs (Adobe transform 0, ids 'R',
     * 'G', 'B') and guesses are left to ImageIO.
     */
    private boolean isYCbCr(int[] ids) {
        if (adobeTransform >= 0) {
            return adobeTransform == 1;
        }
        return jfif || (ids[0] == 1 && ids[1] == 2 && ids[2] == 3);
    }

    private JpegScan scanHeader() throws UnreadableJpeg {
        int end = segment();
        if (frame == null || end - pos < 1) {
            throw new UnreadableJpeg("scan before frame");
        }
        int count = u8(pos);
        if (count < 1 || count > frame.components() || end - pos != 1 + 2 * count + 3) {
            throw new UnreadableJpeg("scan header");
        }
        int[] components = new int[count];
        JpegHuffman[] dc = new JpegHuffman[count];
        JpegHuffman[] ac = new JpegHuffman[count];
        for (int i = 0; i < count; i++) {
            int at = pos + 1 + 2 * i;
            components[i] = frame.indexOf(u8(at));
            int dcId = u8(at + 1) >> 4;
            int acId = u8(at + 1) & 0x0F;
            if (components[i] < 0 || dcId > 3 || acId > 3 || dcTables[dcId] == null || acTables[acId] == null) {
                throw new UnreadableJpeg("scan component or table");
            }
            dc[i] = dcTables[dcId];
            ac[i] = acTables[acId];
        }
        int spectral = pos + 1 + 2 * count;
        if (u8(spectral) != 0 || u8(spectral + 1) != 63 || u8(spectral + 2) != 0) {
            throw new UnreadableJpeg("not a sequential scan");
        }
        int lumaQuant = dcQuant[frame.quantTable(0)];
        if (lumaQuant == 0) {
            throw new UnreadableJpeg("luma quantisation table missing");
        }
        pos = end;
        return new JpegScan(components, dc, ac, lumaQuant);
    }

    private void checkEnd(int end) throws UnreadableJpeg {
        if (pos != end) {
            throw new UnreadableJpeg("segment longer than its tables");
        }
    }

    private boolean startsWith(int from, int end, String ascii) throws UnreadableJpeg {
        if (end - from < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (u8(from + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u8(int at) throws UnreadableJpeg {
        if (at >= data.length) {
            throw new UnreadableJpeg("truncated");
        }
        return data[at] & 0xFF;
    }

    private int u16(int at) throws UnreadableJpeg {
        return u8(at) << 8 | u8(at + 1);
    }
}
