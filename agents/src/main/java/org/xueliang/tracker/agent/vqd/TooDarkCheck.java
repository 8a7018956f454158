package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 过暗: the larger of the mean luma (ramping down from 85 to 45) and the share of crushed pixels (luma below 25,
 * ramping from 30 % to 70 % of the picture).
 */
final class TooDarkCheck implements Check {

    @Override
    public VqdClass type() {
        return VqdClass.TOO_DARK;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        float[] y = p.current().luma;
        return OptionalDouble.of(Math.max(Check.ramp(-Planes.mean(y), -85, -45),
                Check.ramp(Planes.shareBelow(y, 25), 0.3, 0.7)));
    }
}
