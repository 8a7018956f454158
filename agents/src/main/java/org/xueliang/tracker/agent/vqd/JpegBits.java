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

    /** The next {@code n} (1..16) bits, not consumed. */
    int peek(int n) {
        if (count < n) {
            fill();
        }
        return (int) (buffer >>> (count - n)) & ((1 << n) - 1);
    }

    /** Consumes {@code n} bits already peeked at. */
    void skip(int n) throws UnreadableJpeg {
        count -= n;
        if (count < padding) {
            throw new UnreadableJpeg("entropy-coded data ends inside a block");
        }
    }

    /** The next {@code s} (0..16) bits as the signed value of magnitude category {@code s} (JPEG's EXTEND). */
    int receiveExtend(int s) throws UnreadableJpeg {
        if (s == 0) {
            return 0;
        }
        int v = peek(s);
        skip(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
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

    private void fill() {
        while (count <= 56) {
            int b = 0;
            if (atMarker) {
                padding += 8;
            } else if (pos >= data.length) {
                atMarker = true;
                continue;
            } else {
                b = data[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                } else if (pos + 1 < data.length && data[pos + 1] == 0) {
                    pos += 2;
                } else {
                    atMarker = true;
                    continue;
                }
            }
            buffer = (buffer << 8) | b;
            count += 8;
        }
    }
}
