package org.xueliang.tracker.agent.vqd;

/**
 * A JPEG frame header (SOF): picture size and, per component (index 0 is luma), its id, sampling factors and
 * quantisation table.
 */
record JpegFrame(int width, int height, int[] ids, int[] h, int[] v, int[] quant) {

    int components() {
        return ids.length;
    }

    int quantTable(int component) {
        return quant[component];
    }

    /** The index of the component with this id, -1 when there is none. */
    int indexOf(int id) {
        for (int c = 0; c < ids.length; c++) {
            if (ids[c] == id) {
                return c;
            }
        }
        return -1;
    }

    int maxH() {
        int m = 0;
        for (int x : h) {
            m = Math.max(m, x);
        }
        return m;
    }

    int maxV() {
        int m = 0;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The width in samples of a component (T.81 A.1.1: ⌈X × H / Hmax⌉). */
    int samplesWide(int component) {
        return ceilDiv(width * h[component], maxH());
    }

    int samplesHigh(int component) {
        return ceilDiv(height * v[component], maxV());
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
