package org.xueliang.tracker.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.workorder.WorkOrderTransitions.By;

/**
 * Every (from, to, by) triple of the work-order states, legal or not, against the table written out here by hand
 * (the same as docs/WORKORDERS.md's diagram): 7 × 7 × 3 = 147 cases.
 */
class WorkOrderTransitionsTest {

    /** "FROM TO BY" of every legal move. */
    static final Set<String> LEGAL = Set.of(
            "OPEN ACCEPTED TECHNICIAN", "OPEN ACCEPTED MANAGER",
            "OPEN PENDING_CONFIRMATION SYSTEM",
            "OPEN CANCELLED MANAGER",
            "ACCEPTED ON_SITE TECHNICIAN", "ACCEPTED ON_SITE MANAGER",
            "ACCEPTED RESOLVED TECHNICIAN", "ACCEPTED RESOLVED MANAGER",
            "ACCEPTED PENDING_CONFIRMATION SYSTEM",
            "ACCEPTED CANCELLED MANAGER",
            "ON_SITE RESOLVED TECHNICIAN", "ON_SITE RESOLVED MANAGER",
            "ON_SITE PENDING_CONFIRMATION SYSTEM",
            "ON_SITE CANCELLED MANAGER",
            "PENDING_CONFIRMATION RESOLVED TECHNICIAN", "PENDING_CONFIRMATION RESOLVED MANAGER",
            "PENDING_CONFIRMATION CLOSED MANAGER",
            "PENDING_CONFIRMATION CANCELLED MANAGER",
            "PENDING_CONFIRMATION OPEN SYSTEM", "PENDING_CONFIRMATION ACCEPTED SYSTEM", "PENDING_CONFIRMATION ON_SITE SYSTEM",
            "RESOLVED CLOSED MANAGER");

    static Stream<Arguments> everyTriple() {
        return Stream.of(WorkOrderState.values()).flatMap(from -> Stream.of(WorkOrderState.values())
                .flatMap(to -> Stream.of(By.values()).map(by -> Arguments.of(from, to, by))));
    }

    @ParameterizedTest(name = "{0} → {1} by {2}")
    @MethodSource("everyTriple")
    void eachMoveIsLegalExactlyWhenTheTableSaysSo(WorkOrderState from, WorkOrderState to, By by) {
        assertThat(WorkOrderTransitions.allowed(from, to, by)).isEqualTo(LEGAL.contains(from + " " + to + " " + by));
    }

    @Test
    void closedAndCancelledAreFinalAndNothingStaysWhereItIs() {
        for (By by : By.values()) {
            assertThat(WorkOrderTransitions.next(WorkOrderState.CLOSED, by)).isEmpty();
            assertThat(WorkOrderTransitions.next(WorkOrderState.CANCELLED, by)).isEmpty();
            for (WorkOrderState s : WorkOrderState.values()) {
                assertThat(WorkOrderTransitions.allowed(s, s, by)).as(s + " to itself").isFalse();
            }
        }
        assertThat(everyTriple().count()).isEqualTo(147);
    }

    @Test
    void nextListsWhatACallerMayPress() {
        assertThat(WorkOrderTransitions.next(WorkOrderState.PENDING_CONFIRMATION, By.TECHNICIAN))
                .containsExactly(WorkOrderState.RESOLVED);
        assertThat(WorkOrderTransitions.next(WorkOrderState.OPEN, By.MANAGER))
                .containsExactlyInAnyOrder(WorkOrderState.ACCEPTED, WorkOrderState.CANCELLED);
        Set<String> listed = Stream.of(WorkOrderState.values()).flatMap(from -> Stream.of(By.values())
                .flatMap(by -> WorkOrderTransitions.next(from, by).stream().map(to -> from + " " + to + " " + by)))
                .collect(Collectors.toSet());
        assertThat(listed).isEqualTo(LEGAL);
    }

    @Test
    void ordersHoldTheirDevicesUntilResolvedClosedOrCancelled() {
        assertThat(Stream.of(WorkOrderState.values()).filter(WorkOrderState::holdsDevices))
                .containsExactly(WorkOrderState.OPEN, WorkOrderState.ACCEPTED, WorkOrderState.ON_SITE,
                        WorkOrderState.PENDING_CONFIRMATION);
    }
}
