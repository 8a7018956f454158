package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.SourceStatus;

/** The GB verdicts of a registration and of its channels, with a 60 s keepalive and 3 misses (timeout 180 s). */
class GbVerdictTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void aDeviceKeepingAliveIsUpAtItsLastKeepalive() {
        GbVerdict v = verdict(registration(T0, T0.plusSeconds(3600), null, T0.plusSeconds(120)), T0.plusSeconds(150));
        assertThat(v).isEqualTo(new GbVerdict(Status.UP, Reason.OK, T0.plusSeconds(120)));
    }

    @Test
    void aDeviceJustRegisteredIsUpAtItsRegister() {
        GbVerdict v = verdict(registration(T0, T0.plusSeconds(3600), null, null), T0.plusSeconds(2));
        assertThat(v).isEqualTo(new GbVerdict(Status.UP, Reason.OK, T0));
    }

    @Test
    void threeMissedKeepalivesAreATimeoutFromTheFirstMissedOne() {
        GbVerdict.Registration r = registration(T0, T0.plusSeconds(3600), null, T0.plusSeconds(60));
        assertThat(verdict(r, T0.plusSeconds(240)).status()).isEqualTo(Status.UP); // exactly 180 s: not yet
        assertThat(verdict(r, T0.plusSeconds(241)))
                .isEqualTo(new GbVerdict(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, T0.plusSeconds(120)));
    }

    @Test
    void expiresZeroIsUnregisteredFromThen() {
        GbVerdict v = verdict(registration(T0, T0.plusSeconds(3600), T0.plusSeconds(90), T0.plusSeconds(60)), T0.plusSeconds(100));
        assertThat(v).isEqualTo(new GbVerdict(Status.DOWN, Reason.GB_UNREGISTERED, T0.plusSeconds(90)));
    }

    @Test
    void aRegisterAfterTheUnregisterCounts() {
        GbVerdict v = verdict(registration(T0.plusSeconds(100), T0.plusSeconds(3700), T0.plusSeconds(90), null), T0.plusSeconds(110));
        assertThat(v.status()).isEqualTo(Status.UP);
    }

    @Test
    void aLapsedRegistrationIsUnregisteredFromItsExpiry() {
        GbVerdict v = verdict(registration(T0, T0.plusSeconds(100), null, T0.plusSeconds(90)), T0.plusSeconds(101));
        assertThat(v).isEqualTo(new GbVerdict(Status.DOWN, Reason.GB_UNREGISTERED, T0.plusSeconds(100)));
    }

    @Test
    void aCodeThatNeverRegisteredHasNoVerdict() {
        assertThat(GbVerdict.of(registration(null, null, null, null), T0, INTERVAL, TIMEOUT)).isEmpty();
    }

    @Test
    void channelsHaveTheirOwnState() {
        GbVerdict up = new GbVerdict(Status.UP, Reason.OK, T0);
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("ON", null, null)))
                .isEqualTo(new GbVerdict(Status.UP, Reason.OK, T0));
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("OFF", null, null)).reason())
                .isEqualTo(Reason.GB_CHANNEL_OFF);
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("ON", "VLOST", T0.plusSeconds(5))))
                .isEqualTo(new GbVerdict(Status.DEGRADED, Reason.VIDEO_LOST, T0.plusSeconds(5)));
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("ON", "DEFECT", T0.minusSeconds(5))))
                .isEqualTo(new GbVerdict(Status.DEGRADED, Reason.GB_CHANNEL_DEFECT, T0));
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("ON", "ON", T0)).status()).isEqualTo(Status.UP);
        assertThat(GbVerdict.ofChannel(up, T0, new GbVerdict.Channel("ON", "OFF", T0)).status()).isEqualTo(Status.DOWN);
    }

    @Test
    void aSilentNvrTakesItsChannelsDownWithItsReason() {
        GbVerdict nvrDown = new GbVerdict(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, T0);
        assertThat(GbVerdict.ofChannel(nvrDown, T0.minusSeconds(60), new GbVerdict.Channel("ON", null, null)))
                .isEqualTo(nvrDown);
    }

    @Test
    void aChangeIsDueAtOnceAndNeverBeforeTheLastObservation() {
        GbVerdict down = new GbVerdict(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, T0.plusSeconds(60));
        assertThat(down.due(null, T0.plusSeconds(200), INTERVAL)).contains(T0.plusSeconds(60));
        assertThat(down.due(last(Status.UP, Reason.OK, T0), T0.plusSeconds(200), INTERVAL)).contains(T0.plusSeconds(60));
        assertThat(down.due(last(Status.UP, Reason.OK, T0.plusSeconds(90)), T0.plusSeconds(200), INTERVAL))
                .contains(T0.plusSeconds(90).plusMillis(1));
    }

    @Test
    void theSameVerdictIsRepeatedOncePerInterval() {
        GbVerdict up = new GbVerdict(Status.UP, Reason.OK, T0.plusSeconds(20));
        assertThat(up.due(last(Status.UP, Reason.OK, T0), T0.plusSeconds(25), INTERVAL)).isEmpty();
        assertThat(up.due(last(Status.UP, Reason.OK, T0), T0.plusSeconds(25), Duration.ofSeconds(40))).contains(T0.plusSeconds(20));
        GbVerdict down = new GbVerdict(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, T0);
        SourceStatus lastDown = last(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, T0.plusSeconds(100));
        assertThat(down.due(lastDown, T0.plusSeconds(159), INTERVAL)).isEmpty();
        assertThat(down.due(lastDown, T0.plusSeconds(160), INTERVAL)).contains(T0.plusSeconds(160));
    }

    private static SourceStatus last(Status status, Reason reason, Instant at) {
        return new SourceStatus(Method.GB28181, status, reason, at, null);
    }

    private static GbVerdict.Registration registration(Instant registered, Instant expires, Instant unregistered,
                                                       Instant keepalive) {
        return new GbVerdict.Registration("14082400001320000001", registered, expires, unregistered, keepalive);
    }

    private static GbVerdict verdict(GbVerdict.Registration r, Instant now) {
        return GbVerdict.of(r, now, INTERVAL, TIMEOUT).orElseThrow();
    }
}
