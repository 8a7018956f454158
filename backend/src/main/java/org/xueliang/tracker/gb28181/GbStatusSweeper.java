package org.xueliang.tracker.gb28181;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.monitoring.PlatformObservations;
import org.xueliang.tracker.monitoring.SourceStatus;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Turns the registration state into status observations of the source GB28181 (docs/GB28181.md "Status"): every
 * few seconds, under a lease so one replica does it, for every registration and channel whose code a ledger device
 * carries, the {@link GbVerdict} when it changed or is due again, through {@link PlatformObservations} (the same state
 * machine, outages and rollups as the agents' results). A fresh REGISTER is swept within {@link #FRESH_GATHER}, with
 * the others of that moment, so the device is UP within a second. Registrations whose code no ledger device carries are left alone: they wait under 发现 for adoption, and
 * their status starts when they are adopted.
 */
@Component
public class GbStatusSweeper {

    static final String LEASE = "gb-status-sweep";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GbStatusSweeper.class);

    private final JdbcTemplate jdbc;
    private final GbDirectory directory;
    private final PlatformObservations observations;
    private final SchedulerLease lease;
    private final GbSettings settings;
    private final Clock clock;
    /** How long a fresh registration waits for others to be swept with: short, so a device is UP within a second. */
    static final Duration FRESH_GATHER = Duration.ofMillis(200);
    private final Set<String> fresh = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean freshSweepPlanned = new AtomicBoolean();
    private final ScheduledExecutorService freshSweeps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gb-fresh-sweep");
        t.setDaemon(true);
        return t;
    });

    GbStatusSweeper(JdbcTemplate jdbc, GbDirectory directory, PlatformObservations observations, SchedulerLease lease,
                    GbSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.observations = observations;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${xl.gb.status-sweep-ms:5000}", initialDelayString = "${xl.gb.status-sweep-ms:5000}")
    void scheduled() {
        if (settings.enabled()) {
            lease.runUnder(LEASE, Duration.ofSeconds(30), () -> sweep(null));
        }
    }

    /**
     * A device that just registered is UP within a moment, not at the next sweep: its code is swept
     * {@link #FRESH_GATHER} later together with the others that registered meanwhile (a storm of REGISTERs costs a
     * sweep every {@link #FRESH_GATHER}, not one per device). The codes wait in this replica's memory only; should it
     * stop, the periodic sweep (any replica) covers them within {@code xl.gb.status-sweep-ms}. A failure here must not
     * fail the REGISTER that published the event: the next sweep sends the observation anyway.
     */
    // After the REGISTER's commit: the row is there for every reader, and nothing here can undo the registration.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onRegistered(GbDeviceRegistered registered) {
        fresh.add(registered.deviceCode());
        if (freshSweepPlanned.compareAndSet(false, true)) {
            freshSweeps.schedule(this::sweepFresh, FRESH_GATHER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sweeps the codes registered since the last time; answers the observations sent. */
    int sweepFresh() {
        freshSweepPlanned.set(false);
        List<String> codes = new ArrayList<>();
        for (java.util.Iterator<String> i = fresh.iterator(); i.hasNext(); ) {
            codes.add(i.next());
            i.remove();
        }
        try {
            return codes.isEmpty() ? 0 : sweepOnly(codes);
        } catch (RuntimeException e) {
            LOG.warn("GB status of {} fresh registrations waits for the next sweep: {}", codes.size(), e.toString());
            return 0;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        freshSweeps.shutdownNow();
    }

    /** Sweeps every registration, or only {@code onlyCode} and its channels; answers the observations sent. */
    public int sweep(String onlyCode) {
        return sweepOnly(onlyCode == null ? null : List.of(onlyCode));
    }

    /** Sweeps every registration (null), or only these codes and their channels; answers the observations sent. */
    int sweepOnly(Collection<String> onlyCodes) {
        Instant now = clock.instant();
        Duration interval = settings.keepaliveInterval();
        Map<String, Row> registrations = registrations(onlyCodes);
        if (registrations.isEmpty()) {
            return 0;
        }
        List<ChannelRow> channels = channels(onlyCodes);
        Set<String> codes = new HashSet<>(registrations.keySet());
        channels.forEach(c -> codes.add(c.channelCode()));
        Map<String, Long> linked = directory.deviceIdsByCode(codes);
        Map<Long, Target> targets = new LinkedHashMap<>();
        Map<String, GbVerdict> deviceVerdicts = new HashMap<>();
        registrations.values().forEach(r -> GbVerdict.of(r.registration(), now, interval, settings.keepaliveTimeout())
                .ifPresent(v -> {
                    deviceVerdicts.put(r.registration().code(), v);
                    Long deviceId = linked.get(r.registration().code());
                    if (deviceId != null) {
                        targets.put(deviceId, new Target(v, r));
                    }
                }));
        for (ChannelRow c : channels) {
            Long deviceId = linked.get(c.channelCode());
            GbVerdict parent = deviceVerdicts.get(c.deviceCode());
            // An IPC whose only channel carries the same ledger device as the IPC itself: the device's verdict rules.
            if (deviceId == null || parent == null || targets.containsKey(deviceId)) {
                continue;
            }
            Row parentRow = registrations.get(c.deviceCode());
            targets.put(deviceId, new Target(GbVerdict.ofChannel(parent, parentRow.registration().lastAlive(), c.channel()),
                    parentRow.ofChannel()));
        }
        Map<Long, SourceStatus> last = observations.latest(Method.GB28181, targets.keySet());
        List<Batch.Result> due = new ArrayList<>();
        targets.forEach((deviceId, t) -> t.verdict().due(last.get(deviceId), now, interval).ifPresent(at ->
                due.add(new Batch.Result(deviceId, Method.GB28181, at, null, t.verdict().status(), t.verdict().reason(),
                        null, t.row().facts()))));
        for (int from = 0; from < due.size(); from += 500) {
            observations.apply(due.subList(from, Math.min(due.size(), from + 500)), (int) interval.toSeconds());
        }
        return due.size();
    }

    private record Target(GbVerdict verdict, Row row) {
    }

    /** A registration with the facts its observations carry (also those of its channels' cameras). */
    private record Row(GbVerdict.Registration registration, Map<String, String> facts) {

        /**
         * The row as a channel's camera sees it: without the clock offset, which DeviceStatus measured on the NVR's own
         * clock, not the camera's (a camera behind an NVR has no GB clock sample; ONVIF measures its own).
         */
        Row ofChannel() {
            Map<String, String> own = new LinkedHashMap<>(facts);
            own.remove(Facts.GB_CLOCK_OFFSET_MS);
            own.remove(Facts.GB_STATUS_AT);
            return new Row(registration, own);
        }
    }

    private record ChannelRow(String deviceCode, String channelCode, GbVerdict.Channel channel) {
    }

    private Map<String, Row> registrations(Collection<String> onlyCodes) {
        Map<String, Row> rows = new LinkedHashMap<>();
        forChunks(onlyCodes, (in, args) -> jdbc.query("SELECT device_code, registered_at, expires_at, unregistered_at,"
                + " last_keepalive_at, clock_offset_ms, status_at, transport, remote_host, remote_port FROM gb_registration"
                + (in == null ? "" : " WHERE device_code IN (" + in + ")"), rs -> {
            GbVerdict.Registration r = new GbVerdict.Registration(rs.getString("device_code"), instant(rs, "registered_at"),
                    instant(rs, "expires_at"), instant(rs, "unregistered_at"), instant(rs, "last_keepalive_at"));
            rows.put(r.code(), new Row(r, facts(rs, r)));
        }, args));
        return rows;
    }

    private List<ChannelRow> channels(Collection<String> onlyCodes) {
        List<ChannelRow> rows = new ArrayList<>();
        forChunks(onlyCodes, (in, args) -> rows.addAll(jdbc.query("SELECT device_code, channel_code, status, last_event, event_at"
                        + " FROM gb_channel WHERE removed_at IS NULL" + (in == null ? "" : " AND device_code IN (" + in + ")"),
                (rs, n) -> new ChannelRow(rs.getString("device_code"), rs.getString("channel_code"),
                        new GbVerdict.Channel(rs.getString("status"), rs.getString("last_event"), instant(rs, "event_at"))),
                args)));
        return rows;
    }

    /** Runs {@code query} once without a code filter (null: every row), or once per 500 codes with their placeholders. */
    private static void forChunks(Collection<String> codes, java.util.function.BiConsumer<String, Object[]> query) {
        if (codes == null) {
            query.accept(null, new Object[0]);
            return;
        }
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            query.accept(String.join(",", java.util.Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }

    /**
     * gb.lastKeepaliveAt, gb.clockOffsetMs, gb.transport, gb.address: what the device status page shows of GB; and
     * gb.statusAt, when the DeviceStatus answer behind the offset arrived, so the clock history (module clock) keeps
     * one sample per answer although every observation repeats the offset.
     */
    private static Map<String, String> facts(ResultSet rs, GbVerdict.Registration r) throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        Optional.ofNullable(r.lastKeepaliveAt()).ifPresent(at -> facts.put(Facts.GB_LAST_KEEPALIVE_AT, at.toString()));
        Optional.ofNullable(rs.getObject("clock_offset_ms", Long.class))
                .ifPresent(ms -> facts.put(Facts.GB_CLOCK_OFFSET_MS, ms.toString()));
        Optional.ofNullable(instant(rs, "status_at")).ifPresent(at -> facts.put(Facts.GB_STATUS_AT, at.toString()));
        facts.put(Facts.GB_TRANSPORT, rs.getString("transport"));
        facts.put(Facts.GB_ADDRESS, rs.getString("remote_host") + ":" + rs.getInt("remote_port"));
        return facts;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
