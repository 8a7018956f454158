package org.xueliang.tracker.bench.probing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Runs a measurement after unreported warm-up runs, prints every run and returns the median by wall time. */
final class Series {

    interface Run<T> {
        T once() throws InterruptedException;
    }

    private Series() {
    }

    static <T> T median(String label, int warmup, int runs, Run<T> run, ToDoubleFunction<T> seconds)
            throws InterruptedException {
        for (int i = 0; i < warmup; i++) {
            System.out.printf("  %-28s warm-up %s%n", label, run.once());
        }
        List<T> all = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            all.add(run.once());
            System.out.printf("  %-28s run %d  %s%n", label, i + 1, all.get(i));
        }
        all.sort(Comparator.comparingDouble(seconds));
        return all.get(runs / 2);
    }
}
