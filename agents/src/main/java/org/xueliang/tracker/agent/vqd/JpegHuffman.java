package org.xueliang.tracker.agent.vqd;

/**
 * One Huffman table of a JPEG (DHT), finding a code with one look-up for codes of up to {@value #FAST} bits (nearly
 * all of them in practice) and a walk over the code lengths for the longer ones, like libjpeg.
 */
final class JpegHuffman {

    private static final int FAST = 10;

    /** Indexed by the next {@value #FAST} bits: code length << 8 | symbol, or 0 when the code is longer. */
    private final short[] fast = new short[1 << FAST];
    /** Per code length, the largest code of that length, or -1 when there is none. */
    private final int[] maxCode = new int[17];
    /** Per code length, what to add to a code to get the index of its symbol in {@link #symbols}. */
    private final int[] symbolOffset = new int[17];
    private final byte[] symbols;

    /**
     * The table of {@code counts[l]} codes of length l (l = 1..16, index 0 unused) for {@code symbols} in order, as
     * DHT lists them; refused when the codes do not fit their lengths or one would be all ones.
     */
    JpegHuffman(int[] counts, byte[] symbols) throws UnreadableJpeg {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            symbolOffset[l] = k - code;
            for (int i = 0; i < counts[l]; i++, k++, code++) {
                if (code >= (1 << l) - 1) {
                    throw new UnreadableJpeg("Huffman table with too many codes of length " + l);
                }
                if (l <= FAST) {
                    int first = code << (FAST - l);
                    short entry = (short) (l << 8 | (symbols[k] & 0xFF));
                    for (int j = 0; j < 1 << (FAST - l); j++) {
                        fast[first + j] = entry;
                    }
                }
            }
            maxCode[l] = counts[l] == 0 ? -1 : code - 1;
            code <<= 1;
        }
    }

    /**
     * The code at the top of the next 16 bits: its length << 8 | its symbol, or 0 when no code matches (corrupt
     * data).
     */
    int entry(int next16) {
        int entry = fast[next16 >>> (16 - FAST)];
        if (entry != 0) {
            return entry;
        }
        for (int l = FAST + 1; l <= 16; l++) {
            int code = next16 >>> (16 - l);
            if (code <= maxCode[l]) {
                return l << 8 | (symbols[symbolOffset[l] + code] & 0xFF);
            }
        }
        return 0;
    }
}
