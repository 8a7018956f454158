package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnH2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/gb28181/registrations}: the devices registered now, with their address, transport, expiry,
 * keepalives and the ledger device carrying the code; paged; scoped to the projects a limited user may see.
 */
@OnH2
class GbRegistrationsApiTest extends GbServerTestSupport {

    @Test
    void listsRegisteredDevicesWithTheirLedgerDeviceAndScopesLimitedUsers() throws Exception {
        String linked = newDeviceCode();
        String stranger = newDeviceCode();
        long deviceId = createDevice().get("id").asLong(); // in the scratch project
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", linked, deviceId);
        try (SipTestPeer a = new SipTestPeer("TCP", "127.0.0.1", "127.0.0.1", sipPort());
             SipTestPeer b = new SipTestPeer("UDP", "127.0.0.1", "127.0.0.1", sipPort())) {
            assertThat(a.registerWith(linked, DEVICE_PASSWORD, 600).status()).isEqualTo(200);
            assertThat(b.registerWith(stranger, DEVICE_PASSWORD, 600).status()).isEqualTo(200);
            assertThat(a.keepalive(linked, 1).status()).isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> registration(linked).keepaliveCount() == 1);

            JsonNode row = find(all(ADMIN), linked);
            assertThat(row.get("address").asString()).isEqualTo("127.0.0.1");
            assertThat(row.get("port").asInt()).isEqualTo(a.localPort());
            assertThat(row.get("transport").asString()).isEqualTo("TCP");
            assertThat(row.get("expires").asInt()).isEqualTo(600);
            assertThat(row.get("keepaliveCount").asLong()).isEqualTo(1);
            assertThat(row.get("lastKeepaliveAt").isNull()).isFalse();
            assertThat(row.get("registeredAt").isNull()).isFalse();
            assertThat(row.get("ledgerDeviceId").asLong()).isEqualTo(deviceId);
            assertThat(find(all(ADMIN), stranger).get("ledgerDeviceId").isNull()).isTrue();

            ensureUser("gb-scratch-tech", "TECHNICIAN", scratchProject());
            List<JsonNode> scoped = all("gb-scratch-tech");
            assertThat(scoped).extracting(n -> n.get("code").asString()).contains(linked).doesNotContain(stranger);
            ensureUser("gb-reference-tech", "TECHNICIAN", PROJECT);
            assertThat(all("gb-reference-tech")).extracting(n -> n.get("code").asString()).doesNotContain(linked, stranger);

            assertThat(b.registerWith(stranger, DEVICE_PASSWORD, 0).status()).isEqualTo(200);
            assertThat(all(ADMIN)).extracting(n -> n.get("code").asString()).contains(linked).doesNotContain(stranger);
        }
    }

    @Test
    void pagesAndRefusesBadPageSizes() throws Exception {
        JsonNode page = getJson("/api/v1/gb28181/registrations?page=0&size=1");
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
        perform(get("/api/v1/gb28181/registrations?size=0"), ADMIN).andExpect(status().isBadRequest());
        perform(get("/api/v1/gb28181/registrations"), null).andExpect(status().isUnauthorized());
    }

    private List<JsonNode> all(String user) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = read(perform(get("/api/v1/gb28181/registrations?page={p}&size=500", page), user)
                    .andExpect(status().isOk()));
            body.get("items").forEach(rows::add);
            if (rows.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return rows;
            }
        }
    }

    private static JsonNode find(List<JsonNode> rows, String code) {
        return rows.stream().filter(n -> n.get("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not listed"));
    }
}
