package org.xueliang.tracker.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

import tools.jackson.databind.JsonNode;

/**
 * A device's uplink (上联设备: the switch it hangs off; column {@code device.uplink_device_id}, V45): optional, written
 * with the device's body ({@code "uplinkDeviceId"}), checked before anything is written — an existing device of the
 * same project, not the device itself, and no loop (following the uplinks from it never comes back to it). The work
 * orders group a down uplink with its down devices into one order (docs/WORKORDERS.md).
 */
@Service
public class DeviceUplinks {

    /** What a body says about the uplink: nothing (keep it), or a value (null removes it). */
    public record Requested(boolean given, Long uplinkDeviceId) {
        static final Requested KEEP = new Requested(false, null);
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    DeviceUplinks(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** {@code "uplinkDeviceId"} of a request body: absent keeps the uplink, null removes it, a whole number sets it. */
    public Requested of(JsonNode body) {
        if (body == null || !body.has("uplinkDeviceId")) {
            return Requested.KEEP;
        }
        JsonNode v = body.get("uplinkDeviceId");
        if (v.isNull()) {
            return new Requested(true, null);
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw ApiException.invalid("uplinkDeviceId", "must be the id of a device, or null");
        }
        return new Requested(true, v.asLong());
    }

    /** 422 unless {@code uplink} may be the uplink of {@code deviceId} (null: a device not created yet) in {@code projectId}. */
    @Transactional(readOnly = true)
    public void check(Long deviceId, Long projectId, Requested requested) {
        if (!requested.given() || requested.uplinkDeviceId() == null) {
            return;
        }
        long uplink = requested.uplinkDeviceId();
        if (deviceId != null && uplink == deviceId) {
            throw invalid("a device cannot be its own uplink");
        }
        List<Long> project = jdbc.queryForList("SELECT project_id FROM device WHERE id = ?", Long.class, uplink);
        if (project.isEmpty()) {
            throw invalid("device " + uplink + " does not exist");
        }
        if (!project.get(0).equals(projectId)) {
            throw invalid("device " + uplink + " belongs to another project");
        }
        if (deviceId != null && leadsBackTo(uplink, deviceId)) {
            throw invalid("device " + uplink + " hangs off device " + deviceId + " (directly or further up): that would be a loop");
        }
    }

    /** Whether following the uplinks from {@code start} reaches {@code target} (a loop once target takes start as uplink). */
    private boolean leadsBackTo(long start, long target) {
        return UplinkChains.leadsBackTo(start, target, at -> {
            List<Long> up = jdbc.queryForList("SELECT uplink_device_id FROM device WHERE id = ?", Long.class, at);
            return up.isEmpty() ? null : up.get(0);
        });
    }

    /** Writes a checked uplink (nothing when the body did not name one) and audits a change. */
    @Transactional
    public void apply(long deviceId, long projectId, Requested requested) {
        if (!requested.given()) {
            return;
        }
        List<Long> before = jdbc.queryForList("SELECT uplink_device_id FROM device WHERE id = ?", Long.class, deviceId);
        Long old = before.isEmpty() ? null : before.get(0);
        if (java.util.Objects.equals(old, requested.uplinkDeviceId())) {
            return;
        }
        jdbc.update("UPDATE device SET uplink_device_id = ? WHERE id = ?", requested.uplinkDeviceId(), deviceId);
        Map<String, Object> was = new HashMap<>();
        was.put("uplinkDeviceId", old);
        Map<String, Object> now = new HashMap<>();
        now.put("uplinkDeviceId", requested.uplinkDeviceId());
        audit.record(projectId, "DEVICE_UPLINK", "Device", deviceId, "Uplink of device " + deviceId + " set to "
                + (requested.uplinkDeviceId() == null ? "none" : "device " + requested.uplinkDeviceId()), was, now);
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid(List.of(new FieldProblem("uplinkDeviceId", message)));
    }
}
