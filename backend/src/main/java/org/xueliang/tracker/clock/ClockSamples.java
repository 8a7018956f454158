package org.xueliang.tracker.clock;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do with the clock history: demo mode writes a synthetic past (docs/DEMO.md). */
@Service
public class ClockSamples {

    private final ClockStore store;

    ClockSamples(ClockStore store) {
        this.store = store;
    }

    /** Whether any synthetic sample exists (the demo's past was written). */
    @Transactional(readOnly = true)
    public boolean anySynthetic() {
        return store.anySynthetic();
    }

    /** Writes synthetic samples as they are (no thinning); each must be marked {@link ClockSample#synthetic()}. */
    @Transactional
    public void addSynthetic(List<ClockSample> samples) {
        if (samples.stream().anyMatch(s -> !s.synthetic())) {
            throw new IllegalArgumentException("only synthetic samples may be written here");
        }
        store.insert(samples);
    }
}
