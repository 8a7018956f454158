package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/** One class's judgement: a score in [0, 1] (higher = worse), or empty when the check cannot judge these pictures. */
interface Check {

    VqdClass type();

    OptionalDouble score(Pictures pictures);

    /** The picture to judge and, where a check needs them, the previous snapshot and the approved reference. */
    record Pictures(Frame current, Frame previous, Frame reference) {
    }

    /** {@code (raw - low) / (high - low)} clamped to [0, 1]: the raw measure mapped onto a score. */
    static double ramp(double raw, double low, double high) {
        return Math.max(0, Math.min(1, (raw - low) / (high - low)));
    }
}
