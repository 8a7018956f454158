package org.xueliang.tracker.agent.vqd;

import java.util.List;
import java.util.Optional;

/** The findings of one analysis, in {@link VqdClass} order; classes a picture could not be judged on are absent. */
public record VqdReport(List<VqdFinding> findings) {

    public VqdReport {
        findings = List.copyOf(findings);
    }

    public List<VqdFinding> faults() {
        return findings.stream().filter(VqdFinding::fault).toList();
    }

    public boolean hasFault() {
        return findings.stream().anyMatch(VqdFinding::fault);
    }

    public Optional<VqdFinding> of(VqdClass c) {
        return findings.stream().filter(f -> f.type() == c).findFirst();
    }
}
