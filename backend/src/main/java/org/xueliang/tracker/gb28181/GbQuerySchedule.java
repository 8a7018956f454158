package org.xueliang.tracker.gb28181;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.GbCode;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * The periodic queries, once a minute on one replica (lease {@value #LEASE}), each chosen from the database so that
 * another replica carries on where this one stopped:
 * <ul>
 *   <li>DeviceStatus for every registered device whose status (and last ask) is older than
 *       {@code XL_GB_STATUS_QUERY_INTERVAL};</li>
 *   <li>the catalog SUBSCRIBE renewed before it lapses, unless the device refused it;</li>
 *   <li>RecordInfo for the channels of registered recorders and cameras not queried for
 *       {@code XL_GB_RECORD_QUERY_INTERVAL}: at most one channel per device at a time and
 *       {@code XL_GB_RECORD_QUERY_BATCH} per run, so an NVR is never flooded and a day's queries spread out;
 *       a query no part answered within two minutes is TIMEOUT;</li>
 *   <li>a retention probe for the channels {@link GbRetentionTargets} names (cameras whose retention no other source
 *       reports): RecordInfo over the day that ends 录像保存天数 ago, at most once per {@value #PROBE_EVERY_HOURS} h
 *       per channel, under the same rules (one channel per device at a time, counting any pending RecordInfo, and
 *       {@code XL_GB_RECORD_QUERY_BATCH} per run).</li>
 * </ul>
 */
@Component
class GbQuerySchedule {

    static final String LEASE = "gb-queries";
    private static final Logger log = LoggerFactory.getLogger(GbQuerySchedule.class);

    private final JdbcTemplate jdbc;
    private final GbQueries queries;
    private final GbRecords records;
    private final GbRetentionProbes probes;
    private final ObjectProvider<GbRetentionTargets> targets;
    private final GbQuerySettings settings;
    private final GbSettings gb;
    private final SchedulerLease lease;
    private final Clock clock;

    GbQuerySchedule(JdbcTemplate jdbc, GbQueries queries, GbRecords records, GbRetentionProbes probes,
                    ObjectProvider<GbRetentionTargets> targets, GbQuerySettings settings, GbSettings gb,
                    SchedulerLease lease, Clock clock) {
        this.probes = probes;
        this.targets = targets;
        this.jdbc = jdbc;
        this.queries = queries;
        this.records = records;
        this.settings = settings;
        this.gb = gb;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${xl.gb.query-check-ms:60000}", initialDelayString = "${xl.gb.query-check-ms:60000}")
    void onSchedule() {
        if (!gb.enabled() || !queries.running()) {
            return;
        }
        try {
            lease.runUnder(LEASE, Duration.ofMinutes(5), () -> {
                Instant now = clock.instant();
                introduceMissed(now);
                refreshStatus(now);
                renewSubscriptions(now);
                queryRecords(now);
                probeRetention(now);
            });
        } catch (RuntimeException e) {
            log.warn("GB/T 28181 periodic queries did not run: {}", e.getMessage());
        }
    }

    /**
     * Registrations older than two minutes whose catalog never came after they registered get their first queries
     * again (at most {@value #MISSED_PER_RUN} a run): a replica that stopped with introductions queued, a device that
     * lost the first answers. A device that never answers a Catalog is asked once a run.
     */
    int introduceMissed(Instant now) {
        List<String> codes = jdbc.queryForList("SELECT r.device_code FROM gb_registration r WHERE " + GbDb.REGISTERED
                        + " AND r.registered_at < ? AND (r.catalog_at IS NULL OR r.catalog_at < r.registered_at)"
                        + " ORDER BY r.registered_at",
                String.class, GbDb.ts(now), GbDb.ts(now.minus(Duration.ofMinutes(2))));
        codes.stream().limit(MISSED_PER_RUN).forEach(queries::introduce);
        return Math.min(codes.size(), MISSED_PER_RUN);
    }

    static final int MISSED_PER_RUN = 500;

    int refreshStatus(Instant now) {
        Instant due = now.minus(settings.statusInterval());
        List<String> codes = jdbc.queryForList("SELECT r.device_code FROM gb_registration r WHERE " + GbDb.REGISTERED
                        + " AND (r.status_at IS NULL OR r.status_at < ?) AND (r.status_asked_at IS NULL OR r.status_asked_at < ?)",
                String.class, GbDb.ts(now), GbDb.ts(due), GbDb.ts(due));
        return (int) codes.stream().filter(queries::askStatus).count();
    }

    int renewSubscriptions(Instant now) {
        List<String> codes = jdbc.queryForList("SELECT r.device_code FROM gb_registration r WHERE " + GbDb.REGISTERED
                        + " AND r.subscribe_refused_at IS NULL AND (r.subscribed_until IS NULL OR r.subscribed_until < ?)",
                String.class, GbDb.ts(now), GbDb.ts(now.plus(settings.subscribeRenewBefore())));
        return (int) codes.stream().filter(queries::subscribe).count();
    }

    int queryRecords(Instant now) {
        records.timeOut(now.minus(GbQuerySettings.ANSWER_TIMEOUT));
        Set<String> busy = busyDevices(now);
        List<String[]> due = channelsDue("gb_record_query", now, now.minus(settings.recordInterval()));
        int sent = 0;
        for (String[] channel : due) {
            if (sent >= settings.recordBatch()) {
                break;
            }
            if (!records(channel[0]) || !busy.add(channel[0])) {
                continue;
            }
            if (queries.askRecords(channel[0], channel[1])) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * The live channels of registered devices whose last RecordInfo of one kind ({@code queryTable}: the daily
     * {@code gb_record_query} or the {@code gb_retention_probe}) is older than {@code askedBefore}, never-asked first:
     * {device code, channel code}.
     */
    private List<String[]> channelsDue(String queryTable, Instant now, Instant askedBefore) {
        return jdbc.query("SELECT c.device_code, c.channel_code FROM gb_channel c"
                        + " JOIN gb_registration r ON r.device_code = c.device_code"
                        + " LEFT JOIN " + queryTable + " q ON q.channel_code = c.channel_code"
                        + " WHERE " + GbDb.REGISTERED + " AND c.removed_at IS NULL AND (q.queried_at IS NULL OR q.queried_at < ?)"
                        + " ORDER BY q.queried_at, c.device_code, c.channel_code",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, GbDb.ts(now), GbDb.ts(askedBefore));
    }

    static final int PROBE_EVERY_HOURS = 24;

    /** Devices with a RecordInfo (daily query or retention probe) still waiting for its answer. */
    private Set<String> busyDevices(Instant now) {
        Object recent = GbDb.ts(now.minus(GbQuerySettings.ANSWER_TIMEOUT));
        Set<String> busy = new HashSet<>(jdbc.queryForList("SELECT DISTINCT device_code FROM gb_record_query"
                + " WHERE outcome IN ('PENDING', 'PARTIAL') AND queried_at >= ?", String.class, recent));
        busy.addAll(jdbc.queryForList("SELECT DISTINCT device_code FROM gb_retention_probe"
                + " WHERE outcome IN ('PENDING', 'PARTIAL') AND queried_at >= ?", String.class, recent));
        return busy;
    }

    int probeRetention(Instant now) {
        GbRetentionTargets target = targets.getIfAvailable();
        if (target == null) {
            return 0;
        }
        probes.timeOut(now.minus(GbQuerySettings.ANSWER_TIMEOUT));
        Set<String> busy = busyDevices(now);
        List<String[]> due = channelsDue("gb_retention_probe", now, now.minus(Duration.ofHours(PROBE_EVERY_HOURS)));
        java.util.Map<String, Integer> days = target.retentionDays(due.stream().map(c -> c[1]).toList());
        int sent = 0;
        for (String[] channel : due) {
            Integer d = days.get(channel[1]);
            if (sent >= settings.recordBatch()) {
                break;
            }
            if (d == null || d < 1 || !records(channel[0]) || !busy.add(channel[0])) {
                continue;
            }
            Instant end = now.minus(Duration.ofDays(d));
            if (queries.askRetention(channel[0], channel[1], end.minus(Duration.ofDays(1)), end)) {
                sent++;
            }
        }
        return sent;
    }

    /** Recorders and cameras keep recordings; an alarm box or a decoder does not. */
    private static boolean records(String deviceCode) {
        return GbCode.parse(deviceCode).map(c -> c.isRecorder() || c.isCamera()).orElse(false);
    }
}
