package org.xueliang.tracker.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo start-up, right after the reference data is seeded ({@code @Order(10)}): the demo probe
 * settings (once per database), the simulated fleet on those settings, then the synthetic history
 * (once per database, absent with {@code xl.demo.history=false}, see {@link SyntheticPast}). On later starts the first
 * and last steps find their work done.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("xl.demo")
class DemoSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    private final DemoProbeSettings settings;
    private final DemoFleet fleet;
    private final ObjectProvider<HistoryBackfill> backfill;

    DemoSetup(DemoProbeSettings settings, DemoFleet fleet, ObjectProvider<HistoryBackfill> backfill) {
        this.settings = settings;
        this.fleet = fleet;
        this.backfill = backfill;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.done()) {
            fleet.reload(); // the first start: the devices were seeded after the fleet started
        }
        backfill.ifAvailable(HistoryBackfill::backfillIfNeeded);
        String past = backfill.getIfAvailable() == null ? "no synthetic history (XL_DEMO_HISTORY=false)" : "synthetic history before today";
        log.info("Demo mode is on (XL_DEMO=true): simulated devices on 127.20.0.0/16, {}; see docs/DEMO.md."
                + " Start with XL_DEMO=false for a real installation.", past);
    }
}
