package org.xueliang.tracker.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import tools.jackson.databind.JsonNode;

/**
 * The device API's writes with their uplink: the uplink check, the device write ({@link DeviceService}) and the uplink
 * write ({@link DeviceUplinks#apply}) in one transaction, so that a failing uplink write leaves no device created or
 * changed. The uplink column is written by JDBC behind the entity (it is read-only there), so the device is refreshed
 * from the database before it is read back: the persistence context would otherwise answer with the uplink it held
 * before.
 */
@Service
class DeviceWrites {

    private final DeviceService service;
    private final DeviceUplinks uplinks;
    private final EntityManager entityManager;

    DeviceWrites(DeviceService service, DeviceUplinks uplinks, EntityManager entityManager) {
        this.service = service;
        this.uplinks = uplinks;
        this.entityManager = entityManager;
    }

    /** POST: the body's fields, probe settings, GB/T 28181 password and uplink. */
    @Transactional
    public DeviceView create(JsonNode body) {
        DeviceFields fields = service.fieldsOf(body);
        DeviceUplinks.Requested uplink = uplinks.of(body);
        uplinks.check(null, fields.projectId(), uplink);
        return withUplink(service.create(fields, service.probeOf(body), service.gbPasswordOf(body)), uplink);
    }

    /** PUT: as {@link DeviceService#replace}, with the body's uplink (absent: kept). */
    @Transactional
    public DeviceView replace(long id, JsonNode body) {
        DeviceFields fields = service.fieldsOf(body);
        DeviceUplinks.Requested uplink = uplinks.of(body);
        uplinks.check(id, fields.projectId() != null ? fields.projectId() : service.get(id).projectId(), uplink);
        return withUplink(service.replace(id, fields, service.probeOf(body), service.gbPasswordOf(body)), uplink);
    }

    /** PATCH (JSON merge patch): as {@link DeviceService#patch}, with the patch's uplink (absent: kept). */
    @Transactional
    public DeviceView patch(long id, JsonNode patch) {
        DeviceUplinks.Requested uplink = uplinks.of(patch);
        Long project = patch != null && patch.hasNonNull("projectId") && patch.get("projectId").isIntegralNumber()
                ? Long.valueOf(patch.get("projectId").asLong()) : service.get(id).projectId();
        uplinks.check(id, project, uplink);
        return withUplink(service.patch(id, patch), uplink);
    }

    /** The written device with the uplink the body named, read back; as written when the body named none. */
    private DeviceView withUplink(DeviceView written, DeviceUplinks.Requested uplink) {
        if (!uplink.given()) {
            return written;
        }
        uplinks.apply(written.id(), written.projectId(), uplink);
        Device device = entityManager.find(Device.class, written.id());
        if (device != null) {
            entityManager.refresh(device);
        }
        return service.get(written.id());
    }
}
