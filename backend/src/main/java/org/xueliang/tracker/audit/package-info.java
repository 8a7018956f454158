/**
 * The audit log: who changed what, when, with the record before and after. Append-only and
 * hash-chained (each entry's SHA-256 covers the previous entry's hash), so a deleted or edited row
 * breaks the chain and {@code GET /api/v1/audit/verify} names the first broken entry. Other
 * modules write through {@link org.xueliang.tracker.audit.AuditTrail}.
 */
package org.xueliang.tracker.audit;
