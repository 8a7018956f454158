package org.xueliang.tracker.agent.vqd;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Precision and recall per class of the analyzer's faults against a labelled set. */
final class Scorecard {

    private final Map<VqdClass, int[]> counts = new EnumMap<>(VqdClass.class);
    private final StringBuilder mistakes = new StringBuilder();

    static Scorecard of(VqdAnalyzer analyzer, List<LabelledSet.Sample> samples) {
        Scorecard card = new Scorecard();
        for (VqdClass c : VqdClass.values()) {
            card.counts.put(c, new int[3]);
        }
        // the analyses are independent (the analyzer keeps no state), so they run side by side; counted in sample order
        List<VqdReport> reports = samples.parallelStream().map(s -> analyzer.analyze(s.current(), s.previous(), s.reference())).toList();
        for (int i = 0; i < samples.size(); i++) {
            LabelledSet.Sample s = samples.get(i);
            VqdReport report = reports.get(i);
            Set<VqdClass> tolerated = s.truth() == null ? Set.of() : LabelledSet.TOLERATED.getOrDefault(s.truth(), Set.of());
            for (VqdClass c : VqdClass.values()) {
                boolean fault = report.of(c).map(VqdFinding::fault).orElse(false);
                double score = report.of(c).map(VqdFinding::score).orElse(Double.NaN);
                int[] n = card.counts.get(c);
                if (c == s.truth()) {
                    n[fault ? 0 : 2]++;
                    if (!fault) {
                        card.mistakes.append(String.format(Locale.ROOT, "  missed %s: %s score %.3f%n", c, s.name(), score));
                    }
                } else if (fault && !tolerated.contains(c)) {
                    n[1]++;
                    card.mistakes.append(String.format(Locale.ROOT, "  false %s: %s score %.3f%n", c, s.name(), score));
                }
            }
        }
        return card;
    }

    double precision(VqdClass c) {
        int[] n = counts.get(c);
        return n[0] + n[1] == 0 ? 1 : (double) n[0] / (n[0] + n[1]);
    }

    double recall(VqdClass c) {
        int[] n = counts.get(c);
        return n[0] + n[2] == 0 ? 1 : (double) n[0] / (n[0] + n[2]);
    }

    int positives(VqdClass c) {
        return counts.get(c)[0] + counts.get(c)[2];
    }

    String mistakes() {
        return mistakes.toString();
    }

    /** A Markdown table: class, positives, true positives, false positives, precision, recall. */
    String table(String title) {
        StringBuilder t = new StringBuilder("| " + title + " | pictures with it | found | false alarms | precision | recall |\n"
                + "|---|---|---|---|---|---|\n");
        for (VqdClass c : VqdClass.values()) {
            int[] n = counts.get(c);
            t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n", c, n[0] + n[2], n[0], n[1],
                    precision(c), recall(c)));
        }
        return t.toString();
    }
}
