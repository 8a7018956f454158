package org.xueliang.tracker.monitoring.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.SourceStatus;

/**
 * How the observations of a device's sources make the one observation its state machine sees (docs/GB28181.md
 * "Two sources"). A pure function of the incoming observation and the latest one of each source before it:
 * <ul>
 *   <li>a device GB/T 28181 does not watch (no GB observation within {@code fresh}) keeps the behaviour it had before
 *       GB existed: every observation goes to the state machine as it is;</li>
 *   <li>GB decides UP against DOWN. GB DOWN (keepalive timeout, unregistered) is DOWN whatever the other sources say,
 *       and decisive: the GB server already waited for the missed keepalives;</li>
 *   <li>while GB says UP, the worst fresh other source that is not UP makes the device DEGRADED with that source's
 *       reason (ONVIF answering with a wrong password, SNMP silent); a DEGRADED of GB itself (a channel's VLOST)
 *       comes first;</li>
 *   <li>another source's observation while GB says DOWN changes nothing.</li>
 * </ul>
 * "Fresh" keeps a source that stopped reporting (GB disabled, ONVIF probing switched off) from deciding forever.
 */
public final class SourceRule {

    private final Duration fresh;

    public SourceRule(Duration fresh) {
        this.fresh = fresh;
    }

    /**
     * The observation the state machine gets for {@code incoming}, given the latest observation of each source before
     * it (which may include the incoming source's previous one); empty when it changes nothing.
     */
    public Optional<Observation> combine(SourceStatus incoming, Map<Method, SourceStatus> latest) {
        SourceStatus gb = incoming.source() == Method.GB28181 ? incoming : freshOrNull(latest.get(Method.GB28181), incoming);
        if (gb == null) {
            return Optional.of(new Observation(incoming.observedAt(), incoming.status(), incoming.reason()));
        }
        if (gb.status() == Status.DOWN) {
            return gb == incoming
                    ? Optional.of(new Observation(incoming.observedAt(), Status.DOWN, gb.reason(), true))
                    : Optional.empty();
        }
        if (gb.status() == Status.DEGRADED) {
            return Optional.of(new Observation(incoming.observedAt(), Status.DEGRADED, gb.reason()));
        }
        List<SourceStatus> others = new ArrayList<>();
        latest.values().stream()
                .filter(s -> s.source() != Method.GB28181 && s.source() != incoming.source())
                .map(s -> freshOrNull(s, incoming)).filter(Objects::nonNull).forEach(others::add);
        if (incoming.source() != Method.GB28181) {
            others.add(incoming);
        }
        Optional<SourceStatus> worstOther = others.stream().filter(s -> s.status() != Status.UP)
                .max(Comparator.comparing((SourceStatus s) -> s.status() == Status.DOWN)
                        .thenComparing(SourceStatus::observedAt));
        return Optional.of(worstOther
                .map(s -> new Observation(incoming.observedAt(), Status.DEGRADED, s.reason()))
                .orElse(new Observation(incoming.observedAt(), Status.UP, Reason.OK)));
    }

    private SourceStatus freshOrNull(SourceStatus s, SourceStatus incoming) {
        return s == null || s.observedAt().isBefore(incoming.observedAt().minus(fresh)) ? null : s;
    }
}
