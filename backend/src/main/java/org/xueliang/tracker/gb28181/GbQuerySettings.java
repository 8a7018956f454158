package org.xueliang.tracker.gb28181;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The settings of the queries (CONFIGURATION.md "GB/T 28181"): how often DeviceStatus is asked again, how often each
 * channel's recordings are queried, and the catalog subscription's expiry. Intervals are ISO-8601 durations.
 */
@Component
class GbQuerySettings {

    /** A query nobody answered within this is given up (RecordInfo: outcome TIMEOUT). */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);
    /** RecordInfo asks for this much recording history each time. */
    static final Duration RECORD_WINDOW = Duration.ofHours(24);

    private final Duration statusInterval;
    private final Duration recordInterval;
    private final int subscribeExpiresSeconds;
    private final int recordBatch;
    private final int introductionsPerSecond;

    GbQuerySettings(@Value("${xl.gb.status-query-interval:${XL_GB_STATUS_QUERY_INTERVAL:PT10M}}") String statusInterval,
                    @Value("${xl.gb.record-query-interval:${XL_GB_RECORD_QUERY_INTERVAL:P1D}}") String recordInterval,
                    @Value("${xl.gb.subscribe-expires:${XL_GB_SUBSCRIBE_EXPIRES:3600}}") int subscribeExpiresSeconds,
                    @Value("${xl.gb.record-query-batch:${XL_GB_RECORD_QUERY_BATCH:200}}") int recordBatch,
                    @Value("${xl.gb.introductions-per-second:${XL_GB_INTRODUCTIONS_PER_SECOND:100}}") int introductionsPerSecond) {
        this.statusInterval = atLeastAMinute("XL_GB_STATUS_QUERY_INTERVAL", statusInterval);
        this.recordInterval = atLeastAMinute("XL_GB_RECORD_QUERY_INTERVAL", recordInterval);
        if (subscribeExpiresSeconds < 60) {
            throw new IllegalArgumentException("XL_GB_SUBSCRIBE_EXPIRES must be 60 seconds or more");
        }
        if (recordBatch < 1) {
            throw new IllegalArgumentException("XL_GB_RECORD_QUERY_BATCH must be 1 or more");
        }
        this.subscribeExpiresSeconds = subscribeExpiresSeconds;
        this.recordBatch = recordBatch;
        this.introductionsPerSecond = introductionsPerSecond;
    }

    /** How many newly registered devices a second get their first queries (see {@link GbIntroductions}). */
    int introductionsPerSecond() { return introductionsPerSecond; }

    Duration statusInterval() { return statusInterval; }

    Duration recordInterval() { return recordInterval; }

    int subscribeExpiresSeconds() { return subscribeExpiresSeconds; }

    /** Renewed this long before it lapses: a quarter of its life, at most 5 minutes. */
    Duration subscribeRenewBefore() {
        return Duration.ofSeconds(Math.min(300, subscribeExpiresSeconds / 4));
    }

    /** At most this many RecordInfo queries per run (one per device), so a day's queries spread out. */
    int recordBatch() { return recordBatch; }

    private static Duration atLeastAMinute(String name, String text) {
        Duration d;
        try {
            d = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT10M or P1D, not " + text);
        }
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(name + " must be one minute or more");
        }
        return d;
    }
}
