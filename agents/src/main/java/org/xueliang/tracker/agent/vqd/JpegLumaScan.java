package org.xueliang.tracker.agent.vqd;

import java.util.Arrays;

/**
 * Decodes the entropy-coded data of the scan that carries luma, MCU by MCU, keeping only the luma blocks' DC values:
 * the DC difference of every block is decoded, the AC coefficients only skipped (run/size symbol and extra bits).
 * Restart markers must come in order every restart interval; the data must end exactly at a marker.
 */
final class JpegLumaScan {

    /** At most 10 blocks per MCU in an interleaved scan (T.81 B.2.3). */
    private static final int MAX_BLOCKS_PER_MCU = 10;

    private final JpegFrame frame;
    private final JpegScan scan;
    private final int restartInterval;
    private final JpegBits bits;
    private final int[] predictors;
    private final int lumaWide;
    private final int lumaHigh;
    private long weightedDcSum;
    private long weightSum;

    JpegLumaScan(JpegFrame frame, JpegScan scan, int restartInterval, JpegBits bits) {
        this.frame = frame;
        this.scan = scan;
        this.restartInterval = restartInterval;
        this.bits = bits;
        this.predictors = new int[scan.components().length];
        this.lumaWide = frame.samplesWide(0);
        this.lumaHigh = frame.samplesHigh(0);
    }

    double meanLuma() throws UnreadableJpeg {
        int[] comps = scan.components();
        int mcusWide;
        int mcusHigh;
        if (scan.interleaved()) {
            int blocks = 0;
            for (int c : comps) {
                blocks += frame.h()[c] * frame.v()[c];
            }
            if (blocks > MAX_BLOCKS_PER_MCU) {
                throw new UnreadableJpeg(blocks + " blocks per MCU");
            }
            mcusWide = JpegFrame.ceilDiv(frame.width(), 8 * frame.maxH());
            mcusHigh = JpegFrame.ceilDiv(frame.height(), 8 * frame.maxV());
        } else {
            // A scan of luma alone: one block per MCU, only the blocks that cover the component (T.81 A.2.2).
            mcusWide = JpegFrame.ceilDiv(lumaWide, 8);
            mcusHigh = JpegFrame.ceilDiv(lumaHigh, 8);
        }
        int untilRestart = restartInterval;
        int nextRestart = 0;
        for (int my = 0; my < mcusHigh; my++) {
            for (int mx = 0; mx < mcusWide; mx++) {
                if (restartInterval > 0 && untilRestart == 0) {
                    if (bits.endSegment() != 0xD0 + nextRestart) {
                        throw new UnreadableJpeg("restart marker out of order");
                    }
                    nextRestart = (nextRestart + 1) & 7;
                    Arrays.fill(predictors, 0);
                    untilRestart = restartInterval;
                }
                mcu(mx, my);
                untilRestart--;
            }
        }
        int after = bits.endSegment();
        if (after >= 0xD0 && after <= 0xD7) {
            throw new UnreadableJpeg("restart marker after the last MCU");
        }
        if (weightSum == 0) {
            throw new UnreadableJpeg("no luma pixels");
        }
        double mean = weightedDcSum * (double) scan.lumaDcQuant() / (8.0 * weightSum) + 128;
        return Math.max(0, Math.min(255, mean));
    }

    private void mcu(int mx, int my) throws UnreadableJpeg {
        int[] comps = scan.components();
        for (int i = 0; i < comps.length; i++) {
            int c = comps[i];
            int h = scan.interleaved() ? frame.h()[c] : 1;
            int v = scan.interleaved() ? frame.v()[c] : 1;
            for (int by = 0; by < v; by++) {
                for (int bx = 0; bx < h; bx++) {
                    int dc = block(i);
                    if (c == 0) {
                        addLuma(dc, mx * h + bx, my * v + by);
                    }
                }
            }
        }
    }

    /** Decodes one block of the scan's {@code i}-th component: its DC value. */
    private int block(int i) throws UnreadableJpeg {
        predictors[i] += bits.blockDcDifference(scan.dc()[i], scan.ac()[i]);
        return predictors[i];
    }

    /** A luma block counts by its pixels inside the picture: the encoder's padding of edge blocks is not seen. */
    private void addLuma(int dc, int blockX, int blockY) {
        int wide = Math.min(8, lumaWide - blockX * 8);
        int high = Math.min(8, lumaHigh - blockY * 8);
        if (wide > 0 && high > 0) {
            long weight = (long) wide * high;
            weightedDcSum += weight * dc;
            weightSum += weight;
        }
    }
}
