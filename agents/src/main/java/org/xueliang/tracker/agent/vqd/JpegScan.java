package org.xueliang.tracker.agent.vqd;

/**
 * A scan header (SOS): the frame components it codes, in order, their DC and AC Huffman tables, and the DC
 * quantisation step of luma at the time of the scan.
 */
record JpegScan(int[] components, JpegHuffman[] dc, JpegHuffman[] ac, int lumaDcQuant) {

    boolean includesLuma() {
        for (int c : components) {
            if (c == 0) {
                return true;
            }
        }
        return false;
    }

    boolean interleaved() {
        return components.length > 1;
    }
}
