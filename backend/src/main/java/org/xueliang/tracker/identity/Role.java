package org.xueliang.tracker.identity;

import static org.xueliang.tracker.identity.Permission.AUDIT_READ;
import static org.xueliang.tracker.identity.Permission.DEVICE_CREATE_DELETE_IMPORT;
import static org.xueliang.tracker.identity.Permission.DEVICE_LIFECYCLE;
import static org.xueliang.tracker.identity.Permission.DEVICE_UPDATE;
import static org.xueliang.tracker.identity.Permission.EVALUATION_READ;
import static org.xueliang.tracker.identity.Permission.EVALUATION_SIGN;
import static org.xueliang.tracker.identity.Permission.EVALUATION_WRITE;
import static org.xueliang.tracker.identity.Permission.LEDGER_READ;
import static org.xueliang.tracker.identity.Permission.MAINTENANCE_WRITE;
import static org.xueliang.tracker.identity.Permission.PROGRESS_READ;
import static org.xueliang.tracker.identity.Permission.STATUS_READ;
import static org.xueliang.tracker.identity.Permission.STOCKTAKE_MANAGE;
import static org.xueliang.tracker.identity.Permission.STOCKTAKE_SCAN;
import static org.xueliang.tracker.identity.Permission.WORK_ORDER_MANAGE;
import static org.xueliang.tracker.identity.Permission.WORK_ORDER_WORK;

import java.util.EnumSet;
import java.util.Set;

/**
 * The permission matrix (docs/SECURITY.md prints it): 管理员 runs the system, 管理者 owns the
 * ledger and the build-out, 评价人员 reads and owns the self-evaluations (edits, signs) and reads the work-order figures, 运维技术员 keeps devices and
 * their lifecycle current and works the fault orders assigned to them; 管理者 manages every work order of their scope;
 * technicians scan stocktakes (盘点), managers open and close them.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    MANAGER(EnumSet.of(LEDGER_READ, DEVICE_CREATE_DELETE_IMPORT, DEVICE_UPDATE, DEVICE_LIFECYCLE, PROGRESS_READ, AUDIT_READ,
            STATUS_READ, MAINTENANCE_WRITE, EVALUATION_READ, WORK_ORDER_WORK, WORK_ORDER_MANAGE,
            STOCKTAKE_SCAN, STOCKTAKE_MANAGE)),
    EVALUATOR(EnumSet.of(LEDGER_READ, PROGRESS_READ, STATUS_READ, EVALUATION_READ, EVALUATION_WRITE, EVALUATION_SIGN)),
    TECHNICIAN(EnumSet.of(LEDGER_READ, DEVICE_UPDATE, DEVICE_LIFECYCLE, STATUS_READ, MAINTENANCE_WRITE, WORK_ORDER_WORK,
            STOCKTAKE_SCAN));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
