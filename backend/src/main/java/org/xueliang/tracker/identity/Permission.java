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
    EVALUATION_SIGN,
    /** Work orders (工单): see the orders assigned to oneself and the unassigned ones in scope, take and work them. */
    WORK_ORDER_WORK,
    /** Work orders of everyone in scope: assign, close, cancel, set the SLA rules, read the figures. */
    WORK_ORDER_MANAGE,
    /** Stocktake (盘点): see the sessions in scope, scan devices into an open one, read reports and due lists. */
    STOCKTAKE_SCAN,
    /** Stocktake sessions: open and close them (applying location changes), set the audit intervals. */
    STOCKTAKE_MANAGE
}
