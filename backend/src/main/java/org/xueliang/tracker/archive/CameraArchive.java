package org.xueliang.tracker.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xueliang.tracker.archive.ArchiveRules.Status;
import org.xueliang.tracker.archive.ArchiveRules.Verdict;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * A camera's archive as the rules see it: the stored values, the values in force (ledger fields, stored values,
 * defaults from the project and the site), which of those are defaults, and each field's verdict.
 */
record CameraArchive(Camera camera, Map<ArchiveField, String> stored, Map<ArchiveField, String> values,
                     Set<ArchiveField> defaulted, List<Verdict> verdicts, Instant updatedAt) {

    int validRequired() {
        return ArchiveRules.validRequired(verdicts);
    }

    static int requiredCount() {
        return ArchiveField.requiredFields().size();
    }

    boolean complete() {
        return validRequired() == requiredCount();
    }

    double completeness() {
        return (double) validRequired() / requiredCount();
    }

    /** The required fields with this status, as API codes. */
    List<String> required(Status status) {
        return verdicts.stream().filter(v -> v.field().required() && v.status() == status).map(v -> v.field().code()).toList();
    }

    String value(ArchiveField field) {
        return values.get(field);
    }
}
