package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xueliang.tracker.monitoring.DeviceState.DOWN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.DeviceState;

/**
 * Case tables for the device state rules. A timeline is a string of results one minute apart:
 * {@code U} up, {@code D} degraded (auth failure), {@code x} failed, {@code .} silence checked
 * at that minute (interval one minute). Expected: the state changes as "STATE@minute".
 */
class StateMachineTest {

    private static final Instant T0 = Instant.parse("2021-08-24T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("a first good result makes an unmeasured device UP", "U", List.of("UP@0")),
                Arguments.of("steady up changes nothing after the first result", "UUUU", List.of("UP@0")),
                Arguments.of("one or two failures are not an outage", "UxxU", List.of("UP@0")),
                Arguments.of("three failures make it DOWN from the first failure", "UxxxU", List.of("UP@0", "DOWN@1", "UP@4")),
                Arguments.of("further failures keep the same outage", "Uxxxxxx", List.of("UP@0", "DOWN@1")),
                Arguments.of("a good result between failures resets the run", "UxxUxxU", List.of("UP@0")),
                Arguments.of("degraded is reachable, not down", "UDDU", List.of("UP@0", "DEGRADED@1", "UP@3")),
                Arguments.of("failures while degraded start the outage at the first failure", "UDxxxD",
                        List.of("UP@0", "DEGRADED@1", "DOWN@2", "DEGRADED@5")),
                Arguments.of("a device that fails from the start is DOWN from its first probe", "xxx", List.of("DOWN@0")),
                Arguments.of("silence of three intervals makes it UNKNOWN from the first missed result", "U...",
                        List.of("UP@0", "UNKNOWN@1")),
                Arguments.of("silence of two intervals is tolerated", "U..U", List.of("UP@0")),
                Arguments.of("a silent DOWN device becomes UNKNOWN: not measured is not down", "xxx...",
                        List.of("DOWN@0", "UNKNOWN@3")),
                Arguments.of("results after silence measure again", "U...U", List.of("UP@0", "UNKNOWN@1", "UP@4")),
                Arguments.of("failures after silence start the outage no earlier than the unknown time", "U...xxx",
                        List.of("UP@0", "UNKNOWN@1", "DOWN@4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void followsTheStateRules(String name, String timeline, List<String> expected) {
        assertThat(run(timeline)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLateResultOlderThanTheSilenceStartsItsStateWhenTheSilenceStarted() {
        // UP at 0; the result of minute 1 is still in a crashed agent's spool when the sweeper finds the device silent
        // (UNKNOWN from 1 min + 1 ms, one interval after the last result it had), then it arrives, dated 1 min.
        StateMachine machine = new StateMachine(3);
        Instant upAt = at(0).plusMillis(1);
        TrackedState up = machine.onResult(TrackedState.unmeasured(T0), new Observation(upAt, Status.UP, Reason.OK)).next();
        StateMachine.Step silent = machine.onSilence(up, at(4), INTERVAL);
        assertThat(silent.change().orElseThrow().at()).isEqualTo(upAt.plus(INTERVAL));
        StateMachine.Step late = machine.onResult(silent.next(), obs(1, Status.UP));
        assertThat(late.change().orElseThrow().at()).as("no earlier than the UNKNOWN interval's start").isEqualTo(upAt.plus(INTERVAL));
        assertThat(late.next().since()).isEqualTo(upAt.plus(INTERVAL));
        assertThat(late.next().lastResultAt()).isEqualTo(at(1));
    }

    @Test
    void ignoresResultsOlderThanTheNewestApplied() {
        StateMachine machine = new StateMachine(3);
        TrackedState s = machine.onResult(TrackedState.unmeasured(T0), obs(5, Status.UP)).next();
        StateMachine.Step late = machine.onResult(s, obs(4, Status.DOWN));
        assertThat(late.next()).isEqualTo(s);
        assertThat(late.change()).isEmpty();
    }

    @Test
    void keepsTheNewestReasonDuringAnOutage() {
        StateMachine machine = new StateMachine(1);
        TrackedState s = machine.onResult(TrackedState.unmeasured(T0), new Observation(at(0), Status.DOWN, Reason.TIMEOUT)).next();
        s = machine.onResult(s, new Observation(at(1), Status.DOWN, Reason.REFUSED)).next();
        assertThat(s.state()).isEqualTo(DOWN);
        assertThat(s.reason()).isEqualTo(Reason.REFUSED);
        assertThat(s.since()).isEqualTo(at(0));
    }

    @Test
    void aThresholdOfOneMakesEveryFailureAnOutage() {
        StateMachine machine = new StateMachine(1);
        StateMachine.Step step = machine.onResult(machine.onResult(TrackedState.unmeasured(T0), obs(0, Status.UP)).next(),
                obs(1, Status.DOWN));
        assertThat(step.change()).get().extracting(StateChange::to, StateChange::at).containsExactly(DOWN, at(1));
    }

    @Test
    void aDecisiveDownIsAnOutageAtOnceFromItsOwnTime() {
        StateMachine machine = new StateMachine(3);
        TrackedState up = machine.onResult(TrackedState.unmeasured(T0), obs(0, Status.UP)).next();
        StateMachine.Step step = machine.onResult(up, gbDown(1, Reason.GB_KEEPALIVE_TIMEOUT));
        assertThat(step.change()).get().extracting(StateChange::to, StateChange::at, StateChange::reason)
                .containsExactly(DOWN, at(1), Reason.GB_KEEPALIVE_TIMEOUT);
        assertThat(step.next().since()).isEqualTo(at(1));
    }

    @Test
    void aDecisiveDownDatedBeforeANewerResultStillCounts() {
        // GB dates the outage at the first missed keepalive; ONVIF may have reported since.
        StateMachine machine = new StateMachine(3);
        TrackedState up = machine.onResult(TrackedState.unmeasured(T0), obs(0, Status.UP)).next();
        up = machine.onResult(up, obs(3, Status.UP)).next();
        StateMachine.Step step = machine.onResult(up, gbDown(1, Reason.GB_KEEPALIVE_TIMEOUT));
        assertThat(step.next().state()).isEqualTo(DOWN);
        assertThat(step.next().since()).isEqualTo(at(1));
        assertThat(step.next().lastResultAt()).isEqualTo(at(3));
    }

    @Test
    void aDecisiveDownNeverReachesBackBeforeTheCurrentState() {
        StateMachine machine = new StateMachine(3);
        TrackedState up = machine.onResult(TrackedState.unmeasured(T0), obs(5, Status.UP)).next();
        StateMachine.Step step = machine.onResult(up, gbDown(2, Reason.GB_UNREGISTERED));
        assertThat(step.change()).get().extracting(StateChange::at).isEqualTo(at(5));
    }

    @Test
    void aRepeatedDecisiveDownKeepsTheOutageAndTakesTheNewReason() {
        StateMachine machine = new StateMachine(3);
        TrackedState down = machine.onResult(TrackedState.unmeasured(T0), gbDown(0, Reason.GB_KEEPALIVE_TIMEOUT)).next();
        StateMachine.Step step = machine.onResult(down, gbDown(4, Reason.GB_UNREGISTERED));
        assertThat(step.change()).isEmpty();
        assertThat(step.next().since()).isEqualTo(at(0));
        assertThat(step.next().reason()).isEqualTo(Reason.GB_UNREGISTERED);
        StateMachine.Step back = machine.onResult(step.next(), obs(5, Status.UP));
        assertThat(back.change()).get().extracting(StateChange::to, StateChange::at).containsExactly(DeviceState.UP, at(5));
    }

    private static Observation gbDown(int minute, Reason reason) {
        return new Observation(at(minute), Status.DOWN, reason, true);
    }

    @Test
    void silenceNeverTouchesAnUnmeasuredDevice() {
        StateMachine machine = new StateMachine(3);
        assertThat(machine.onSilence(TrackedState.unmeasured(T0), at(100), INTERVAL).change()).isEmpty();
    }

    private static List<String> run(String timeline) {
        StateMachine machine = new StateMachine(StateMachine.DEFAULT_FAILURES_FOR_DOWN);
        TrackedState state = TrackedState.unmeasured(T0);
        List<String> changes = new ArrayList<>();
        for (int minute = 0; minute < timeline.length(); minute++) {
            char c = timeline.charAt(minute);
            StateMachine.Step step = switch (c) {
                case 'U' -> machine.onResult(state, obs(minute, Status.UP));
                case 'D' -> machine.onResult(state, new Observation(at(minute), Status.DEGRADED, Reason.AUTH_FAILED));
                case 'x' -> machine.onResult(state, new Observation(at(minute), Status.DOWN, Reason.TIMEOUT));
                case '.' -> machine.onSilence(state, at(minute), INTERVAL);
                default -> throw new IllegalArgumentException("timeline letter " + c);
            };
            step.change().ifPresent(ch -> changes.add(ch.to() + "@" + Duration.between(T0, ch.at()).toMinutes()));
            state = step.next();
        }
        return changes;
    }

    private static Observation obs(int minute, Status status) {
        return new Observation(at(minute), status, status == Status.UP ? Reason.OK : Reason.TIMEOUT);
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
