package org.xueliang.tracker.agent.vqd;

/**
 * A JPEG the DC reader does not take: another coding process, colours it cannot vouch for, or data it finds
 * corrupt. The caller then lets ImageIO judge the picture, so the outcome is what a full decode would give. No stack
 * trace: it is an expected outcome, and corrupt snapshots should not cost more than good ones.
 */
final class UnreadableJpeg extends Exception {

    UnreadableJpeg(String why) {
        super(why, null, false, false);
    }
}
