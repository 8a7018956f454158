package org.xueliang.tracker.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.SchedulerLease;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Prometheus gauge {@code xl_video_indicator_ratio{project="<code>", indicator="recordingCompleteness"}}: each
 * project's five video-assessment indicators over the current county month so far (a share in [0, 1]; an indicator
 * no camera was measured for has no series). Computing them reads every camera's figures, too heavy for each scrape
 * with 10^5 cameras, so one replica computes them under lease {@value #LEASE} every
 * {@code xl.assessment.indicator-gauges-ms} into {@code assessment_indicator_gauge}, and every replica refreshes its
 * gauge from that table each minute (a restart shows the stored values at once).
 */
@Component
class IndicatorGauges {

    static final String LEASE = "assessment-indicator-gauges";
    static final String METRIC = "xl_video_indicator_ratio";
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorGauges.class);

    private final GroupedIndicators indicators;
    private final IndicatorGaugeStore store;
    private final ProjectRepository projects;
    private final SchedulerLease lease;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration every;
    private final MultiGauge gauge;

    IndicatorGauges(GroupedIndicators indicators, IndicatorGaugeStore store, ProjectRepository projects, SchedulerLease lease,
                    PlatformTransactionManager transactions, Clock clock, MeterRegistry meters,
                    @Value("${xl.assessment.indicator-gauges-ms:900000}") long everyMs) {
        this.indicators = indicators;
        this.store = store;
        this.projects = projects;
        this.lease = lease;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.every = Duration.ofMillis(everyMs);
        this.gauge = MultiGauge.builder(METRIC)
                .description("Video-assessment indicator of the project's cameras over the current month so far, a share in [0, 1]")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${xl.assessment.indicator-gauges-ms:900000}", initialDelayString = "${xl.assessment.indicator-gauges-initial-ms:60000}")
    void scheduled() {
        // the lease outlives three runs, so the holder keeps it while it lives and another replica takes over after
        lease.runUnder(LEASE, every.multipliedBy(3), this::compute);
    }

    /** Computes every project's month so far into the table, a project per transaction. */
    void compute() {
        LocalDate today = LocalDate.now(clock);
        String month = YearMonth.from(today).toString();
        List<Long> ids = new ArrayList<>();
        for (Project p : projects.findAll()) {
            ids.add(p.getId());
            try {
                var totals = indicators.totals(p.getId(), today.withDayOfMonth(1), today);
                transactions.executeWithoutResult(t -> store.replace(p.getId(), month, totals, clock.instant()));
            } catch (RuntimeException e) {
                // one project's failure must not leave the others' gauges stale
                LOG.warn("Indicator gauges of project {} not computed: {}", p.getId(), e.toString());
            }
        }
        store.retainOnly(ids);
    }

    /** Sets the gauge from the table (every replica). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 15_000)
    void refresh() {
        Map<Long, String> codes = new HashMap<>();
        projects.findAll().forEach(p -> codes.put(p.getId(), p.getCode()));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (IndicatorGaugeStore.Row r : store.all()) {
            if (r.ratio() != null && codes.containsKey(r.projectId())) {
                rows.add(MultiGauge.Row.of(Tags.of("project", codes.get(r.projectId()), "indicator", r.indicator()), r.ratio()));
            }
        }
        gauge.register(rows, true);
    }
}
