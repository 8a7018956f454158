package org.xueliang.tracker.agent.vqd;

/**
 * The entropy-coded data of one JPEG scan, read bit by bit: stuffed zero bytes (FF 00) removed, stopping at the next
 * marker. Past a marker (or the end of the data) it feeds zero bits, as libjpeg does, so a Huffman look-ahead may
 * peek beyond the last code; consuming one of those bits means the segment was short, which is corrupt data.
 */
final class JpegBits {

    private final byte[] data;
    private int pos;
    /** Unread bits, in the low {@code count} bits. */
    private long buffer;
    private int count;
    /** How many of the lowest buffered bits are zero padding past the marker. */
    private int padding;
    private boolean atMarker;

    JpegBits(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    /**
     * Decodes one block and returns its DC difference; the AC coefficients are only stepped over (run/size symbol and
     * extra bits). The hot loop of the reader: it works on local copies of the bit buffer, refilled with at least 26
     * bits (the longest code and extra bits) before each coefficient.
     */
    int blockDcDifference(JpegHuffman dc, JpegHuffman ac) throws UnreadableJpeg {
        if (count < 32) {
            fill();
        }
        long buf = buffer;
        int cnt = count;
        int entry = dc.entry((int) (buf >>> (cnt - 16)) & 0xFFFF);
        int category = entry & 0x0F;
        if (entry == 0 || (entry & 0xFF) > 11) {
            throw new UnreadableJpeg("DC difference code");
        }
        cnt -= entry >> 8;
        int diff = 0;
        if (category > 0) {
            int v = (int) (buf >>> (cnt - category)) & ((1 << category) - 1);
            cnt -= category;
            diff = v < (1 << (category - 1)) ? v - (1 << category) + 1 : v;
        }
        int k = 1;
        while (k < 64) {
            if (cnt < 26) {
                buffer = buf;
                count = cnt;
                fill();
                buf = buffer;
                cnt = count;
            }
            entry = ac.entry((int) (buf >>> (cnt - 16)) & 0xFFFF);
            int size = entry & 0x0F;
            if (entry == 0 || size > 10) {
                throw new UnreadableJpeg("AC coefficient code");
            }
            cnt -= (entry >> 8) + size;
            int run = (entry >> 4) & 0x0F;
            if (size != 0) {
                k += run + 1;
            } else if (run == 15) {
                k += 16;
            } else {
                break;
            }
        }
        buffer = buf;
        count = cnt;
        // Past a marker only padding comes in, so count - padding never grows back: one check per block will do.
        if (k > 64 || count < padding) {
            throw new UnreadableJpeg(k > 64 ? "AC coefficients past the block" : "entropy-coded data ends inside a block");
        }
        return diff;
    }

    /**
     * Ends the segment at the marker that follows it and returns the marker's code; only the fill bits of the last
     * byte may be left (more would be data the decoder did not expect). The reader then continues after the marker.
     */
    int endSegment() throws UnreadableJpeg {
        if (!atMarker) {
            fill();
        }
        if (!atMarker || count - padding >= 8) {
            throw new UnreadableJpeg("entropy-coded data longer than its blocks");
        }
        while (pos + 1 < data.length && data[pos + 1] == (byte) 0xFF) {
            pos++;
        }
        if (pos + 1 >= data.length) {
            throw new UnreadableJpeg("entropy-coded data without an end");
        }
        int marker = data[pos + 1] & 0xFF;
        pos += 2;
        buffer = 0;
        count = 0;
        padding = 0;
        atMarker = false;
        return marker;
    }

    /** Where the reader is: after {@link #endSegment}, just past the marker it returned. */
    int position() {
        return pos;
    }

    /** Tops the buffer up to more than 56 bits: data bytes (FF 00 read as FF) up to the marker, zero padding after. */
    private void fill() {
        long buf = buffer;
        int cnt = count;
        int p = pos;
        byte[] d = data;
        while (cnt <= 56 && !atMarker) {
            int b = p < d.length ? d[p] & 0xFF : -1;
            if (b >= 0 && b != 0xFF) {
                p++;
            } else if (b == 0xFF && p + 1 < d.length && d[p + 1] == 0) {
                p += 2;
            } else {
                atMarker = true;
                break;
            }
            buf = (buf << 8) | b;
            cnt += 8;
        }
        while (cnt <= 56) {
            buf <<= 8;
            cnt += 8;
            padding += 8;
        }
        buffer = buf;
        count = cnt;
        pos = p;
    }
}
