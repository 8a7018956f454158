package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 过亮: the larger of the mean luma (ramping from 170 to 210) and the share of clipped pixels (luma above 235,
 * ramping from 25 % to 60 % of the picture).
 */
final class TooBrightCheck implements Check {

    @Override
    public VqdClass type() {
        return VqdClass.TOO_BRIGHT;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        float[] y = p.current().luma;
        return OptionalDouble.of(Math.max(Check.ramp(Planes.mean(y), 170, 210),
                Check.ramp(Planes.shareAbove(y, 235), 0.25, 0.6)));
    }
}
