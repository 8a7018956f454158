package org.xueliang.tracker.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.RecordingFacts.Interval;

/** The compact recording facts: round trip, the 1,000-character parts, the honest shortening, hostile values. */
class RecordingFactsTest {

    private static final Instant START = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant END = START.plusSeconds(86_400);

    @Test
    void intervals_round_trip_cut_to_the_window_and_in_order() {
        List<Interval> in = List.of(new Interval(START.plusSeconds(7200), START.plusSeconds(9000)),
                new Interval(START.minusSeconds(600), START.plusSeconds(3600)),
                new Interval(END.minusSeconds(60), END.plusSeconds(60)),
                new Interval(END.plusSeconds(100), END.plusSeconds(200)));
        Map<String, String> facts = RecordingFacts.encode(START, END, in);
        assertThat(facts).containsEntry(RecordingFacts.INTERVALS, "0-3600,7200-9000,86340-86400")
                .containsEntry(RecordingFacts.WINDOW, START + "/" + END);
        RecordingFacts.Search s = RecordingFacts.decode(facts).orElseThrow();
        assertThat(s.windowStart()).isEqualTo(START);
        assertThat(s.windowEnd()).isEqualTo(END);
        assertThat(s.intervals()).containsExactly(new Interval(START, START.plusSeconds(3600)),
                new Interval(START.plusSeconds(7200), START.plusSeconds(9000)), new Interval(END.minusSeconds(60), END));
    }

    @Test
    void nothing_recorded_is_an_empty_list_not_an_absent_search() {
        Map<String, String> facts = RecordingFacts.encode(START, END, List.of());
        assertThat(facts).containsEntry(RecordingFacts.INTERVALS, "");
        assertThat(RecordingFacts.decode(facts).orElseThrow().intervals()).isEmpty();
    }

    @Test
    void many_intervals_spread_over_parts_of_at_most_1000_characters() {
        List<Interval> in = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            in.add(new Interval(START.plusSeconds(i * 200L), START.plusSeconds(i * 200L + 150)));
        }
        Map<String, String> facts = RecordingFacts.encode(START, END, in);
        assertThat(facts.values()).allMatch(v -> v.length() <= RecordingFacts.MAX_VALUE);
        assertThat(facts).containsKey(RecordingFacts.INTERVALS + ".2").containsEntry(RecordingFacts.WINDOW, START + "/" + END);
        assertThat(RecordingFacts.decode(facts).orElseThrow().intervals()).hasSize(400).isEqualTo(in);
    }

    @Test
    void what_ten_parts_cannot_hold_shortens_the_window_to_where_it_starts() {
        List<Interval> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            in.add(new Interval(START.plusSeconds(i * 40L), START.plusSeconds(i * 40L + 20)));
        }
        Map<String, String> facts = RecordingFacts.encode(START, END, in);
        assertThat(facts.values()).allMatch(v -> v.length() <= RecordingFacts.MAX_VALUE);
        RecordingFacts.Search s = RecordingFacts.decode(facts).orElseThrow();
        assertThat(s.intervals().size()).isLessThan(2000).isGreaterThan(500);
        Interval firstLeftOut = in.get(s.intervals().size());
        assertThat(s.windowEnd()).isEqualTo(firstLeftOut.from());
        assertThat(s.intervals()).isEqualTo(in.subList(0, s.intervals().size()));
    }

    @Test
    void hostile_or_broken_values_decode_to_nothing() {
        for (String[] bad : new String[][] {
                {START + "/" + END, "5-3"}, {START + "/" + END, "0-86401"}, {START + "/" + END, "-1-5"},
                {START + "/" + END, "a-b"}, {START + "/" + END, "7"}, {END + "/" + START, "0-5"},
                {"yesterday/today", "0-5"}, {START.toString(), "0-5"}}) {
            Map<String, String> facts = new HashMap<>(Map.of(RecordingFacts.WINDOW, bad[0], RecordingFacts.INTERVALS, bad[1]));
            assertThat(RecordingFacts.decode(facts)).as(String.join(" | ", bad)).isEmpty();
        }
        assertThat(RecordingFacts.decode(Map.of(RecordingFacts.INTERVALS, "0-5"))).isEmpty();
        assertThat(RecordingFacts.instant(Map.of(RecordingFacts.EARLIEST, "not a time"), RecordingFacts.EARLIEST)).isEmpty();
    }
}
