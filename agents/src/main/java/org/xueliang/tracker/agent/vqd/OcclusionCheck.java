package org.xueliang.tracker.agent.vqd;

import java.util.ArrayDeque;
import java.util.OptionalDouble;

/**
 * 遮挡: something close to the lens (a leaf, a sign, a hand, paint) shows as a large, flat region darker than the
 * scene. The frame is cut into 16×16 blocks (at analysis scale); a block is covered when its detail (mean
 * |Laplacian|) is under a quarter of the scene's (the 80th percentile of blocks) and its mean luma is under half the
 * scene's and under 70 (asphalt and shade are not covers). The measure is the largest 4-connected group of covered blocks as a share of the frame; score ramps
 * from 5 % (0) to 25 % (1), so the default threshold 0.5 means 15 % of the picture. Judged relative to the picture
 * itself, so an evenly dark or soft picture is not occluded (those are 过暗 and 模糊).
 */
final class OcclusionCheck implements Check {

    private static final int BLOCK = 16;

    @Override
    public VqdClass type() {
        return VqdClass.OCCLUSION;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        return OptionalDouble.of(Check.ramp(coveredShare(p.current()), 0.05, 0.25));
    }

    static double coveredShare(Frame f) {
        int bw = Math.max(1, f.width / BLOCK);
        int bh = Math.max(1, f.height / BLOCK);
        double[] mean = Planes.blockMeans(f.luma, f.width, f.height, BLOCK);
        double[] detail = Planes.blockMeans(Planes.laplacian(f.luma, f.width, f.height), f.width, f.height, BLOCK);
        double sceneDetail = Planes.quantile(detail, 0.8);
        double sceneMean = Planes.quantile(mean, 0.8);
        boolean[] covered = new boolean[mean.length];
        for (int i = 0; i < mean.length; i++) {
            covered[i] = detail[i] < 0.25 * sceneDetail && mean[i] < Math.min(0.5 * sceneMean, 70);
        }
        int largest = 0;
        boolean[] seen = new boolean[mean.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < mean.length; start++) {
            if (!covered[start] || seen[start]) {
                continue;
            }
            int size = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                size++;
                int x = i % bw;
                int y = i / bw;
                int[] next = {x > 0 ? i - 1 : -1, x < bw - 1 ? i + 1 : -1, y > 0 ? i - bw : -1, y < bh - 1 ? i + bw : -1};
                for (int j : next) {
                    if (j >= 0 && covered[j] && !seen[j]) {
                        seen[j] = true;
                        queue.add(j);
                    }
                }
            }
            largest = Math.max(largest, size);
        }
        return (double) largest / mean.length;
    }
}
