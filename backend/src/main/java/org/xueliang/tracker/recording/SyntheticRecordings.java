package org.xueliang.tracker.recording;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.recording.RecordingStore.Source;

/**
 * Recordings that were never measured: demo mode writes a synthetic past with them (docs/DEMO.md), marked
 * {@code synthetic} in every row, and readers (the device page, the assessment's synthetic-data mark) ask
 * {@link #touches} whether a period relies on them.
 */
@Service
public class SyntheticRecordings {

    private final RecordingStore store;
    private final Clock clock;

    SyntheticRecordings(RecordingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A recorded interval [from, to). */
    public record Recorded(Instant from, Instant to) {
    }

    /** Whether a synthetic past was written already. */
    @Transactional(readOnly = true)
    public boolean written() {
        return store.anySynthetic();
    }

    /** A synthetic ONVIF search of the camera over [windowStart, windowEnd) that found {@code recorded}. */
    @Transactional
    public void searched(long deviceId, Instant windowStart, Instant windowEnd, List<Recorded> recorded) {
        store.searched(deviceId, Source.ONVIF, windowStart, windowEnd,
                recorded.stream().map(r -> new Spans.Span(r.from(), r.to())).toList(), windowEnd, true);
    }

    /** A synthetic retention report: the camera's oldest recording is {@code earliest}. */
    @Transactional
    public void retention(long deviceId, Instant earliest) {
        Instant now = clock.instant();
        store.retention(deviceId, Source.ONVIF, earliest, now, now, true);
    }

    /** Whether any of the devices' recordings over [from, to) are synthetic. */
    @Transactional(readOnly = true)
    public boolean touches(Collection<Long> deviceIds, Instant from, Instant to) {
        return !store.synthetic(deviceIds, from, to).isEmpty();
    }
}
