package org.xueliang.tracker.vqd;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may do with the VQD history: demo mode writes a synthetic past (docs/DEMO.md). */
@Service
public class VqdChecks {

    private final VqdStore store;

    VqdChecks(VqdStore store) {
        this.store = store;
    }

    /** Whether any synthetic check exists (the demo's past was written). */
    @Transactional(readOnly = true)
    public boolean anySynthetic() {
        return store.anySynthetic();
    }

    /** Writes synthetic checks as they are; each must be marked {@link VqdCheck#synthetic()}. */
    @Transactional
    public void addSynthetic(List<VqdCheck> checks) {
        if (checks.stream().anyMatch(c -> !c.synthetic())) {
            throw new IllegalArgumentException("only synthetic checks may be written here");
        }
        store.insert(checks);
    }
}
