package org.xueliang.tracker.evaluation;

import java.time.Instant;
import java.time.LocalDate;

import org.xueliang.tracker.availability.AvailabilityPolicy;

/** An evaluation's identity and state, as the list and every export show it. */
public record EvaluationHeader(Long id, Long projectId, String projectName, LocalDate from, LocalDate to,
                               AvailabilityPolicy policy, Status status, int version, Long supersedesId, String createdBy,
                               Instant createdAt, String signedBy, Instant signedAt, String snapshotSha256) {

    /** DRAFT while edited; FINAL once signed (frozen); SUPERSEDED once a newer version replaced it. */
    public enum Status { DRAFT, FINAL, SUPERSEDED }

    EvaluationHeader signed(String by, Instant at, String sha) {
        return new EvaluationHeader(id, projectId, projectName, from, to, policy, Status.FINAL, version, supersedesId, createdBy,
                createdAt, by, at, sha);
    }
}
