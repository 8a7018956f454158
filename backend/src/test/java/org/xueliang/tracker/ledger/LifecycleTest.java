package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

    /** docs/API.md: PLANNED→DELIVERED→INSTALLED→ACCEPTED→IN_SERVICE, IN_SERVICE↔FAULTY, any non-retired state→RETIRED. */
    static final Set<String> LEGAL = Set.of(
            "PLANNED→DELIVERED", "DELIVERED→INSTALLED", "INSTALLED→ACCEPTED", "ACCEPTED→IN_SERVICE",
            "IN_SERVICE→FAULTY", "FAULTY→IN_SERVICE",
            "PLANNED→RETIRED", "DELIVERED→RETIRED", "INSTALLED→RETIRED", "ACCEPTED→RETIRED", "IN_SERVICE→RETIRED",
            "FAULTY→RETIRED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(Lifecycle.values()).flatMap(from -> Arrays.stream(Lifecycle.values())
                .map(to -> Arguments.of(from, to, LEGAL.contains(from + "→" + to))));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheLegalSteps(Lifecycle from, Lifecycle to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
        assertThat(from.legalNext().contains(to)).isEqualTo(legal);
    }

    @Test
    void aRetiredDeviceGoesNowhere() {
        assertThat(Lifecycle.RETIRED.legalNext()).isEmpty();
    }

    @Test
    void countsFaultyAsInServiceButRetiredAsNothing() {
        assertThat(Arrays.stream(Lifecycle.values()).filter(l -> l.hasReached(Lifecycle.INSTALLED))
                .map(Enum::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("INSTALLED", "ACCEPTED", "IN_SERVICE", "FAULTY");
        assertThat(Lifecycle.FAULTY.hasReached(Lifecycle.IN_SERVICE)).isTrue();
        assertThat(Lifecycle.RETIRED.hasReached(Lifecycle.PLANNED)).isFalse();
        assertThat(Lifecycle.DELIVERED.hasReached(Lifecycle.INSTALLED)).isFalse();
    }
}
