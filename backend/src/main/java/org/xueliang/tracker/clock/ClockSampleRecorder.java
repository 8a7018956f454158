package org.xueliang.tracker.clock;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.monitoring.ProbeFactsReported;

/**
 * Turns the clock offsets in accepted probe results into samples, inside the ingest transaction (a batch applied once
 * is sampled once). ONVIF: fact {@code clockOffsetMs} at the probe's time. GB/T 28181: fact {@code gb.clockOffsetMs}
 * at {@code gb.statusAt}, the arrival of the DeviceStatus answer that measured it — every observation repeats the
 * offset, so without that time there is no new measurement to keep. Then {@link Thinning} per device and source.
 */
@Component
class ClockSampleRecorder {

    private final ClockStore store;
    private final ClockSettings settings;

    ClockSampleRecorder(ClockStore store, ClockSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @EventListener
    void on(ProbeFactsReported event) {
        List<ClockSample> measured = new ArrayList<>();
        event.results().forEach(r -> measurement(r).ifPresent(measured::add));
        if (measured.isEmpty()) {
            return;
        }
        var last = store.lastSampled(measured.stream().map(ClockSample::deviceId).distinct().toList());
        List<ClockSample> kept = Thinning.keep(measured, last, settings.spacing());
        if (!kept.isEmpty()) {
            store.insert(kept);
        }
    }

    /** The clock measurement a result carries, if any; a malformed fact is no measurement. */
    static Optional<ClockSample> measurement(ProbeFactsReported.Reported r) {
        Map<String, String> f = r.facts();
        if (r.method() == Method.ONVIF) {
            return number(f.get(Facts.CLOCK_OFFSET_MS))
                    .map(ms -> new ClockSample(r.deviceId(), ClockSource.ONVIF, r.probedAt(), ms, false));
        }
        if (r.method() == Method.GB28181) {
            Optional<Instant> at = time(f.get(Facts.GB_STATUS_AT));
            return number(f.get(Facts.GB_CLOCK_OFFSET_MS)).flatMap(ms -> at
                    .map(t -> new ClockSample(r.deviceId(), ClockSource.GB28181, t, ms, false)));
        }
        return Optional.empty();
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
