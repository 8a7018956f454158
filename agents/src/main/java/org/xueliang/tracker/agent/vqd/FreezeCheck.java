package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 画面冻结: compares the picture with the previous snapshot block by block (16×16 at analysis scale). A live camera
 * differs somewhere — light, a moving car, above all the burnt-in clock — while a frozen one repeats the same picture
 * up to re-encoding. The measure is the largest block's mean absolute luma difference; score 1 up to 3 grey levels,
 * 0 from 8 on (threshold 0.5 = 5.5 levels). A camera without a burnt-in clock watching a still scene under constant
 * light looks frozen. Pictures of different sizes are not the same picture.
 */
final class FreezeCheck implements Check {

    @Override
    public VqdClass type() {
        return VqdClass.FREEZE;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        Frame a = p.current();
        Frame b = p.previous();
        if (b == null) {
            return OptionalDouble.empty();
        }
        if (a.width != b.width || a.height != b.height) {
            return OptionalDouble.of(0);
        }
        float[] diff = new float[a.luma.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = Math.abs(a.luma[i] - b.luma[i]);
        }
        double[] blocks = Planes.blockMeans(diff, a.width, a.height, 16);
        return OptionalDouble.of(1 - Check.ramp(Planes.quantile(blocks, 1.0), 3, 8));
    }
}
