package org.xueliang.tracker.gb28181;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * The queries the server sends a registered device. On each fresh registration, paced by {@link GbIntroductions}:
 * DeviceInfo, Catalog, DeviceStatus and the catalog SUBSCRIBE; later, from {@link GbQuerySchedule}, DeviceStatus again, the subscription's renewal and the
 * channels' RecordInfo. Answers come back asynchronously to the handlers ({@link CatalogHandler} …). Nothing is sent
 * while no SIP layer is running (no {@link GbOutbound} bean).
 */
@Component
class GbQueries {

    private static final Logger log = LoggerFactory.getLogger(GbQueries.class);

    private final ObjectProvider<GbOutbound> outbound;
    private final GbDeviceFacts facts;
    private final GbRecords records;
    private final GbQuerySettings settings;
    private final Clock clock;
    private final GbQueryBodies bodies = new GbQueryBodies();
    private final GbIntroductions introductions;
    private final GbRetentionProbes probes;

    GbQueries(ObjectProvider<GbOutbound> outbound, GbDeviceFacts facts, GbRecords records, GbRetentionProbes probes,
              GbQuerySettings settings, Clock clock) {
        this.probes = probes;
        this.introductions = new GbIntroductions(settings.introductionsPerSecond(), this::introduce);
        this.outbound = outbound;
        this.facts = facts;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    // After the REGISTER's commit: the row is there for every reader, and nothing here can undo the registration.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onRegistered(GbDeviceRegistered registered) {
        if (outbound.getIfAvailable() == null) {
            return;
        }
        // A fresh registration's row forgot a refused subscription already (GbRegistrations.registerAll).
        introductions.offer(registered.deviceCode());
    }

    /**
     * The first queries of a registered device: DeviceInfo first (the channel count tells what the Catalog should
     * bring), the Catalog, DeviceStatus and the catalog SUBSCRIBE.
     */
    void introduce(String code) {
        GbOutbound out = outbound.getIfAvailable();
        if (out == null) {
            return;
        }
        out.message(code, bodies.deviceInfo(code));
        out.message(code, bodies.catalog(code));
        askStatus(code);
        subscribe(code);
    }

    /** The SIP layer's final answer to one of our requests; a SUBSCRIBE's says whether the device supports it. */
    @EventListener
    void onRequestAnswered(GbRequestAnswered answered) {
        if ("SUBSCRIBE".equalsIgnoreCase(answered.method())) {
            onSubscribeAnswered(new GbSubscribeAnswered(answered.deviceCode(), answered.statusCode()));
        }
    }

    void onSubscribeAnswered(GbSubscribeAnswered answer) {
        if (!answer.accepted()) {
            facts.subscribeRefused(answer.deviceCode(), answer.sipStatus(), clock.instant());
            log.info("GB device {} refused the catalog subscription ({}); its catalog is queried only", answer.deviceCode(),
                    answer.sipStatus());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        introductions.close();
    }

    boolean running() {
        return outbound.getIfAvailable() != null;
    }

    boolean askStatus(String code) {
        GbOutbound out = outbound.getIfAvailable();
        if (out == null || !out.message(code, bodies.deviceStatus(code))) {
            return false;
        }
        facts.statusAsked(code, clock.instant());
        return true;
    }

    boolean subscribe(String code) {
        GbOutbound out = outbound.getIfAvailable();
        int expires = settings.subscribeExpiresSeconds();
        if (out == null || !out.subscribeCatalog(code, bodies.catalog(code), expires)) {
            return false;
        }
        facts.subscribed(code, clock.instant().plusSeconds(expires));
        return true;
    }

    /** RecordInfo for one channel over the last 24 h; the query is remembered (PENDING, or ERROR when not sent). */
    boolean askRecords(String deviceCode, String channelCode) {
        GbOutbound out = outbound.getIfAvailable();
        if (out == null) {
            return false;
        }
        // Whole seconds: the window stored is exactly the one the query's local times name.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant start = now.minus(GbQuerySettings.RECORD_WINDOW);
        var body = bodies.recordInfo(channelCode, start, now, clock.getZone());
        // Pending before it is sent: a quick device's answer must find its query.
        records.asked(channelCode, deviceCode, body.sn(), start, now, now, GbRecords.Outcome.PENDING);
        boolean sent = out.message(deviceCode, body);
        if (!sent) {
            records.asked(channelCode, deviceCode, body.sn(), start, now, now, GbRecords.Outcome.ERROR);
        }
        return sent;
    }

    /**
     * A retention probe: RecordInfo of {@code channelCode} over [{@code start}, {@code end}) (whole seconds), pending
     * in {@link GbRetentionProbes} before it is sent, like {@link #askRecords}.
     */
    boolean askRetention(String deviceCode, String channelCode, Instant start, Instant end) {
        GbOutbound out = outbound.getIfAvailable();
        if (out == null) {
            return false;
        }
        Instant from = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant to = end.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant now = clock.instant();
        var body = bodies.recordInfo(channelCode, from, to, clock.getZone());
        probes.asked(channelCode, deviceCode, body.sn(), from, to, now, GbRecords.Outcome.PENDING);
        boolean sent = out.message(deviceCode, body);
        if (!sent) {
            probes.asked(channelCode, deviceCode, body.sn(), from, to, now, GbRecords.Outcome.ERROR);
        }
        return sent;
    }
}
