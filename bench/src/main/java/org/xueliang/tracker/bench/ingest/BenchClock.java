package org.xueliang.tracker.bench.ingest;

/** The measured window on {@link System#nanoTime()}: warm-up before it, wind-down after it. */
final class BenchClock {

    private volatile long from = Long.MAX_VALUE;
    private volatile long to = Long.MAX_VALUE;

    void open(long nanos) {
        from = nanos;
    }

    void close(long nanos) {
        to = nanos;
    }

    boolean measures(long nanos) {
        return nanos >= from && nanos < to;
    }
}
