package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * A device write and its uplink are one transaction: when writing the uplink fails (forced here by a trigger that
 * refuses the one uplink value, as a concurrent delete of the uplink would), a create leaves no device and a PUT or
 * PATCH leaves the device as it was. Once it succeeds, the answer carries the uplink just written (read back past the
 * persistence context, which held the device from before the JDBC write).
 */
@OnMariaDb
class DeviceUplinkTransactionOnMariaDbTest extends ApiTestSupport {

    private static final String TRIGGER = "it_refuse_uplink";

    @Test
    void aFailingUplinkWriteLeavesTheDeviceUnwritten() throws Exception {
        long uplinkSwitch = createDevice().get("id").asLong();
        long camera = createDevice().get("id").asLong();
        String cameraName = getJson("/api/v1/devices/{id}", camera).get("name").asString();
        Map<String, Object> fresh = newDevice(unique("UPL"));
        fresh.put("uplinkDeviceId", uplinkSwitch);
        Map<String, Object> replaced = newDevice(getJson("/api/v1/devices/{id}", camera).get("assetTag").asString());
        replaced.put("name", "改名后的摄像机");
        replaced.put("uplinkDeviceId", uplinkSwitch);
        Map<String, Object> patched = Map.of("name", "补丁改名", "uplinkDeviceId", uplinkSwitch);

        jdbc.execute("CREATE TRIGGER " + TRIGGER + " BEFORE UPDATE ON device FOR EACH ROW BEGIN"
                + " IF NEW.uplink_device_id = " + uplinkSwitch + " THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'uplink refused by the test'; END IF; END");
        try {
            perform(withJson(post("/api/v1/devices"), fresh), ADMIN).andExpectAll(problem(500));
            perform(withJson(put("/api/v1/devices/{id}", camera), replaced), ADMIN).andExpectAll(problem(500));
            perform(withJson(patch("/api/v1/devices/{id}", camera), patched), ADMIN).andExpectAll(problem(500));
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + TRIGGER);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE asset_tag = ?", Integer.class, fresh.get("assetTag")))
                .as("the create was rolled back").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Device' AND entity_id = ?"
                + " AND action IN ('UPDATE', 'DEVICE_UPLINK')", Integer.class, String.valueOf(camera))).isZero();
        JsonNode unchanged = getJson("/api/v1/devices/{id}", camera);
        assertThat(unchanged.get("name").asString()).isEqualTo(cameraName);
        assertThat(unchanged.get("uplinkDeviceId").isNull()).isTrue();

        JsonNode created = read(perform(withJson(post("/api/v1/devices"), fresh), ADMIN).andExpect(status().isCreated()));
        assertThat(created.get("uplinkDeviceId").asLong()).isEqualTo(uplinkSwitch);
        JsonNode renamed = read(perform(withJson(patch("/api/v1/devices/{id}", camera), patched), ADMIN).andExpect(status().isOk()));
        assertThat(renamed.get("uplinkDeviceId").asLong()).isEqualTo(uplinkSwitch);
        assertThat(renamed.get("name").asString()).isEqualTo("补丁改名");
        assertThat(read(perform(get("/api/v1/devices/{id}", camera), ADMIN).andExpect(status().isOk()))
                .get("uplinkDeviceId").asLong()).isEqualTo(uplinkSwitch);
    }
}
