package org.xueliang.tracker.bench.probing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Prometheus exporter (Debian's package) on 127.0.0.1, driven like Prometheus would drive it: one scrape per
 * device, {@value #IN_FLIGHT} scrapes in flight. Counts devices per second and reads the exporter's CPU time from
 * /proc/PID/stat before and after each round.
 */
final class Exporter implements AutoCloseable {

    static final int IN_FLIGHT = 50;

    /** One round: scrapes, how many said the device answered, wall and exporter CPU seconds. */
    record Round(int scrapes, int ok, double seconds, double cpu, double simCpu) {

        double perSecond() {
            return scrapes / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,6d scrapes (%,d ok) in %6.3f s = %,8.0f devices/s | exporter CPU %6.2f s (%5.0f µs/device)"
                    + " | simulator CPU %6.2f s", scrapes, ok, seconds, perSecond(), cpu, cpu * 1e6 / scrapes, simCpu);
        }
    }

    private final String name;
    private final Process process;
    private final String urlPrefix;
    private final String okMarker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Starts {@code binary} with the peers/ config copied to a temp dir; scrapes go to {@code urlPrefix + target}
     * and count as ok when the body contains {@code okMarker}.
     */
    Exporter(String name, String binary, Path config, int port, String urlPrefix, String okMarker) throws IOException {
        this.name = name;
        this.urlPrefix = "http://127.0.0.1:" + port + urlPrefix;
        this.okMarker = okMarker;
        Path dir = Files.createTempDirectory("xl-bench-" + name);
        Path copy = Files.copy(config, dir.resolve(config.getFileName()));
        Path log = dir.resolve(name + ".log");
        process = new ProcessBuilder(binary, "--config.file=" + copy, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException(name + " did not start; see " + log, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            sleep(100);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Scrapes every target once, {@value #IN_FLIGHT} in flight. */
    Round round(List<String> targets, long simulatorPid) throws InterruptedException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger ok = new AtomicInteger();
        double cpu0 = ProcStats.cpuSeconds(process.pid());
        double sim0 = ProcStats.cpuSeconds(simulatorPid);
        long t0 = System.nanoTime();
        for (String t : targets) {
            slots.acquire();
            http.sendAsync(HttpRequest.newBuilder(URI.create(urlPrefix + t)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        if (r != null && r.statusCode() == 200 && r.body().contains(okMarker)) {
                            ok.incrementAndGet();
                        }
                        slots.release();
                    });
        }
        slots.acquire(IN_FLIGHT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Round(targets.size(), ok.get(), seconds, ProcStats.cpuSeconds(process.pid()) - cpu0,
                ProcStats.cpuSeconds(simulatorPid) - sim0);
    }

    /** One warm-up round, then {@code rounds} printed ones; returns the median. */
    Round series(List<String> targets, int rounds, long simulatorPid) throws InterruptedException {
        return Series.median(name, 1, rounds, () -> round(targets, simulatorPid), Round::seconds);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
