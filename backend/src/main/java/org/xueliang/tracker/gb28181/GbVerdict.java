package org.xueliang.tracker.gb28181;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.SourceStatus;

/**
 * What GB/T 28181 says of a device or a channel at a moment, and whether that is worth an observation now (docs/GB28181.md
 * "Status"). Pure: no clock, no database; {@link GbStatusSweeper} feeds it the rows.
 */
record GbVerdict(Status status, Reason reason, Instant at) {

    /** The registration's columns the verdict needs. */
    record Registration(String code, Instant registeredAt, Instant expiresAt, Instant unregisteredAt,
                        Instant lastKeepaliveAt) {

        /** The last sign of life: the REGISTER or the newest keepalive. */
        Instant lastAlive() {
            if (registeredAt == null) {
                return lastKeepaliveAt;
            }
            return lastKeepaliveAt == null || registeredAt.isAfter(lastKeepaliveAt) ? registeredAt : lastKeepaliveAt;
        }
    }

    /** The channel's columns the verdict needs: catalog status (ON/OFF) and the last NOTIFY event. */
    record Channel(String status, String lastEvent, Instant eventAt) {
    }

    /**
     * A registered device: DOWN GB_UNREGISTERED after Expires 0 (from then) or once its registration lapsed (from
     * {@code expires_at}); DOWN GB_KEEPALIVE_TIMEOUT once {@code now − last sign of life} exceeds {@code timeout},
     * dated at the first missed keepalive (last sign of life + one interval); else UP, dated at the last sign of life.
     * Empty for a code that never completed a REGISTER.
     */
    static Optional<GbVerdict> of(Registration r, Instant now, Duration interval, Duration timeout) {
        Instant alive = r.lastAlive();
        if (r.unregisteredAt() != null && (r.registeredAt() == null || !r.unregisteredAt().isBefore(r.registeredAt()))) {
            return Optional.of(new GbVerdict(Status.DOWN, Reason.GB_UNREGISTERED, r.unregisteredAt()));
        }
        if (r.expiresAt() != null && now.isAfter(r.expiresAt())) {
            return Optional.of(new GbVerdict(Status.DOWN, Reason.GB_UNREGISTERED, r.expiresAt()));
        }
        if (alive == null) {
            return Optional.empty();
        }
        if (Duration.between(alive, now).compareTo(timeout) > 0) {
            return Optional.of(new GbVerdict(Status.DOWN, Reason.GB_KEEPALIVE_TIMEOUT, alive.plus(interval)));
        }
        return Optional.of(new GbVerdict(Status.UP, Reason.OK, alive));
    }

    /**
     * A channel of a device: while its device is DOWN, the channel's camera is DOWN with the device's reason and
     * time (a silent NVR's channel reports are stale, and the platform cannot reach the camera: the complaint about
     * WVP, channels that stay online under an offline NVR); otherwise its own state: OFF → DOWN GB_CHANNEL_OFF,
     * VLOST → DEGRADED VIDEO_LOST, DEFECT → DEGRADED GB_CHANNEL_DEFECT, ON → UP, dated at the device's last sign of
     * life or the event, whichever is later.
     */
    static GbVerdict ofChannel(GbVerdict device, Instant deviceAlive, Channel c) {
        if (device.status() == Status.DOWN) {
            return device;
        }
        Instant at = c.eventAt() != null && (deviceAlive == null || c.eventAt().isAfter(deviceAlive)) ? c.eventAt() : deviceAlive;
        String status = c.status() == null ? "" : c.status().trim().toUpperCase(Locale.ROOT);
        if (status.equals("OFF") || status.equals("OFFLINE")) {
            return new GbVerdict(Status.DOWN, Reason.GB_CHANNEL_OFF, at);
        }
        String event = c.lastEvent() == null ? "" : c.lastEvent().trim().toUpperCase(Locale.ROOT);
        return switch (event) {
            case "OFF" -> new GbVerdict(Status.DOWN, Reason.GB_CHANNEL_OFF, at);
            case "VLOST" -> new GbVerdict(Status.DEGRADED, Reason.VIDEO_LOST, at);
            case "DEFECT" -> new GbVerdict(Status.DEGRADED, Reason.GB_CHANNEL_DEFECT, at);
            default -> new GbVerdict(Status.UP, Reason.OK, at);
        };
    }

    /**
     * The time of the observation to send now, or empty when {@code last} (what GB said last) already says it:
     * a change is sent at once; the same verdict again once per keepalive interval (UP when a newer keepalive moved
     * its time half an interval on, DOWN every interval at {@code now}), so the device never looks silent. Never
     * dated before {@code last}: the state machine ignores older results.
     */
    Optional<Instant> due(SourceStatus last, Instant now, Duration interval) {
        if (last == null) {
            return Optional.of(at);
        }
        Instant after = last.observedAt().plusMillis(1);
        if (last.status() != status || last.reason() != reason) {
            return Optional.of(at.isBefore(after) ? after : at);
        }
        if (status == Status.DOWN) {
            return Duration.between(last.observedAt(), now).compareTo(interval) >= 0 ? Optional.of(now) : Optional.empty();
        }
        return Duration.between(last.observedAt(), at).compareTo(interval.dividedBy(2)) >= 0 ? Optional.of(at) : Optional.empty();
    }
}
