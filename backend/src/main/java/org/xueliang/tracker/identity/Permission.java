package org.xueliang.tracker.identity;

/** What a user may do. Roles are bundles of these; the HTTP rules in {@link SecurityConfig} check them. */
public enum Permission {
    LEDGER_READ,
    DEVICE_CREATE_DELETE_IMPORT,
    DEVICE_UPDATE,
    DEVICE_LIFECYCLE,
    PROGRESS_READ,
    AUDIT_READ,
    USER_ADMIN,
    STATUS_READ,
    MAINTENANCE_WRITE,
    AGENT_ADMIN,
    /** Site reference data kept by the administrator: the county/township boundary drawn under the site map. */
    SITE_ADMIN,
    EVALUATION_READ,
    EVALUATION_WRITE,
    EVALUATION_SIGN
}
