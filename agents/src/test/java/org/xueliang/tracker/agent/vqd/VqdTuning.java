package org.xueliang.tracker.agent.vqd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Prints each class's score spread on the tuning set (positives vs the rest); a tool for placing the ramps. */
final class VqdTuning {

    public static void main(String[] args) {
        int[] kinds = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{0, 1, 2, 3};
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int w = args.length > 2 ? Integer.parseInt(args[2]) : 960;
        int h = w * 9 / 16;
        List<LabelledSet.Sample> set = LabelledSet.generate(kinds, seed, 2, w, h);
        VqdAnalyzer analyzer = new VqdAnalyzer();
        Map<VqdClass, List<Double>> pos = new EnumMap<>(VqdClass.class);
        Map<VqdClass, List<String>> neg = new EnumMap<>(VqdClass.class);
        for (VqdClass c : VqdClass.values()) {
            pos.put(c, new ArrayList<>());
            neg.put(c, new ArrayList<>());
        }
        for (LabelledSet.Sample s : set) {
            VqdReport report = analyzer.analyze(s.current(), s.previous(), s.reference());
            Set<VqdClass> tol = s.truth() == null ? Set.of() : LabelledSet.TOLERATED.getOrDefault(s.truth(), Set.of());
            for (VqdFinding f : report.findings()) {
                if (f.type() == s.truth()) {
                    pos.get(f.type()).add(f.score());
                } else if (!tol.contains(f.type()) && f.maskedBy() == null) {
                    neg.get(f.type()).add(String.format(Locale.ROOT, "%.3f %s", f.score(), s.name()));
                }
            }
        }
        for (VqdClass c : VqdClass.values()) {
            List<Double> p = pos.get(c).stream().sorted().toList();
            List<String> n = neg.get(c).stream().sorted().toList();
            System.out.println(c + " positives " + p);
            System.out.println("   worst negatives " + n.subList(Math.max(0, n.size() - 5), n.size()));
        }
        Scorecard card = Scorecard.of(analyzer, set);
        System.out.println(card.table("class"));
        System.out.println(card.mistakes());
    }
}
