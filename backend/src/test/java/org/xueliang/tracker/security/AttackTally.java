package org.xueliang.tracker.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security suite's score sheet (issue 9, docs/SECURITY.md "Security test suite"). Every attack
 * the suite replays goes through {@link #attempt}: it is counted under its group, and a test fails
 * when the system let it through. {@link TallyPrinter} prints {@code N tried, N refused} per group
 * and in total when the test run ends, and writes it to {@code target/security-tally.txt}, which
 * {@code scripts/test.sh} repeats in its summary.
 *
 * <p>Groups follow the issue: {@code sessions}, {@code agents}, {@code input}, {@code audit}, …
 * A test asserts through this class rather than around it, so the tally cannot claim an attack was
 * refused that no assertion checked.
 */
public final class AttackTally {

    /** One replayed attack and whether the system refused it. */
    record Attempt(String group, String attack, boolean refused) {
    }

    private static final List<Attempt> ATTEMPTS = new ArrayList<>();

    private AttackTally() {
    }

    /** Something that performs the attack and answers whether it was refused (e.g. status is 4xx and nothing changed). */
    @FunctionalInterface
    public interface Attack {
        boolean refused() throws Exception;
    }

    /** Replays one attack, counts it, and fails the calling test when it was not refused. */
    public static void attempt(String group, String attack, Attack replay) throws Exception {
        boolean refused;
        try {
            refused = replay.refused();
        } catch (Exception | AssertionError e) {
            record(new Attempt(group, attack, false));
            throw e;
        }
        record(new Attempt(group, attack, refused));
        assertThat(refused).as("[%s] %s: the system let it through", group, attack).isTrue();
    }

    private static synchronized void record(Attempt attempt) {
        ATTEMPTS.add(attempt);
    }

    /** Per group: {tried, refused}; the sheet the printer prints. */
    static synchronized Map<String, int[]> byGroup() {
        Map<String, int[]> groups = new TreeMap<>();
        for (Attempt a : ATTEMPTS) {
            int[] n = groups.computeIfAbsent(a.group(), g -> new int[2]);
            n[0]++;
            if (a.refused()) {
                n[1]++;
            }
        }
        return groups;
    }

    static synchronized List<String> letThrough() {
        return ATTEMPTS.stream().filter(a -> !a.refused()).map(a -> "[" + a.group() + "] " + a.attack()).toList();
    }

    /** The lines printed at the end of the run; empty when no security test ran. */
    static List<String> report() {
        Map<String, int[]> groups = byGroup();
        if (groups.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int tried = 0;
        int refused = 0;
        for (var g : groups.entrySet()) {
            lines.add(String.format("security suite  %-10s %4d tried, %4d refused", g.getKey(), g.getValue()[0], g.getValue()[1]));
            tried += g.getValue()[0];
            refused += g.getValue()[1];
        }
        for (String through : letThrough()) {
            lines.add("security suite  LET THROUGH: " + through);
        }
        lines.add(String.format("security suite: %d tried, %d refused", tried, refused));
        return lines;
    }

    static void write(Path file) throws IOException {
        List<String> lines = report();
        if (!lines.isEmpty()) {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }
}
