package org.xueliang.tracker.agent.sim.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/** The simulator's devices against a small JAIN-SIP platform ({@link TinyRegistrar}) on loopback. */
class GbSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static GbSimulator.Options options(TinyRegistrar server, String transport, Duration keepalive) {
        return GbSimulator.Options.of("127.0.0.1", server.port(), TinyRegistrar.SERVER_ID, TinyRegistrar.DOMAIN, transport, keepalive);
    }

    private static Map<String, String> passwords(List<GbSimDevice> fleet, String password) {
        Map<String, String> p = new HashMap<>();
        fleet.forEach(d -> p.put(d.code(), password));
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void devicesRegisterWithDigestKeepAliveAndUnregisterOnClose(String transport) throws Exception {
        List<GbSimDevice> fleet = GbFleet.build(new GbFleet.Spec("14082400111320000001", 3, 1, 4, "Secret-1"), Map.of(),
                ZoneId.systemDefault(), Instant.now());
        try (TinyRegistrar server = new TinyRegistrar(transport, passwords(fleet, "Secret-1"))) {
            GbSimulator sim = GbSimulator.start(options(server, transport, Duration.ofMillis(500)), fleet);
            try {
                await().atMost(WAIT).until(() -> server.registered.size() == 4);
                await().atMost(WAIT).until(() -> fleet.stream().allMatch(d -> server.keepalivesOf(d.code()) >= 2));
                assertThat(sim.stats().registered()).isEqualTo(4);
                assertThat(sim.stats().allRegisteredMillis()).isNotNegative();
                assertThat(sim.serverDate(fleet.get(0).code())).isNotNull();
                assertThat(server.registered.get(fleet.get(0).code()).getAddress().getURI().toString())
                        .contains("127.0.0.1:" + sim.port());
            } finally {
                sim.close();
            }
            assertThat(server.unregistered).containsExactlyInAnyOrderElementsOf(fleet.stream().map(GbSimDevice::code).toList());
            assertThat(server.registered).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheDeviceNeverCountsAsRegistered() throws Exception {
        List<GbSimDevice> fleet = GbFleet.build(new GbFleet.Spec("14082400111320000001", 2, 0, 0, "Secret-1"),
                Map.of(1, List.of("wrong-password")), ZoneId.systemDefault(), Instant.now());
        try (TinyRegistrar server = new TinyRegistrar("udp", passwords(fleet, "Secret-1"));
             GbSimulator sim = GbSimulator.start(options(server, "udp", Duration.ofSeconds(60)), fleet)) {
            await().atMost(WAIT).until(() -> server.refused.contains(fleet.get(1).code()));
            await().atMost(WAIT).until(() -> server.registered.containsKey(fleet.get(0).code()));
            assertThat(server.registered).doesNotContainKey(fleet.get(1).code());
            assertThat(sim.isRegistered(fleet.get(1).code())).isFalse();
            assertThat(sim.stats().refused()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aDeviceThatStopsKeepalivesStaysRegisteredButFallsSilent() throws Exception {
        List<GbSimDevice> fleet = GbFleet.build(new GbFleet.Spec("14082400111320000001", 2, 0, 0, "Secret-1"),
                Map.of(0, List.of("stop-keepalive")), ZoneId.systemDefault(), Instant.now());
        try (TinyRegistrar server = new TinyRegistrar("udp", passwords(fleet, "Secret-1"));
             GbSimulator sim = GbSimulator.start(options(server, "udp", Duration.ofMillis(300)), fleet)) {
            await().atMost(WAIT).until(() -> server.keepalivesOf(fleet.get(1).code()) >= 3);
            assertThat(server.registered).containsKey(fleet.get(0).code());
            assertThat(server.keepalivesOf(fleet.get(0).code())).isZero();
        }
    }

    @Test
    void anNvrAnswersItsQueriesAndNotifiesALostChannelToItsSubscriber() throws Exception {
        List<GbSimDevice> fleet = GbFleet.build(new GbFleet.Spec("14082400111320000001", 0, 1, 20, "Secret-1"),
                Map.of(0, List.of("vlost=5", "drift-600", "record-gaps")), ZoneId.systemDefault(), Instant.now());
        GbSimDevice nvr = fleet.get(0);
        try (TinyRegistrar server = new TinyRegistrar("udp", passwords(fleet, "Secret-1"));
             GbSimulator sim = GbSimulator.start(options(server, "udp", Duration.ofSeconds(60)), fleet)) {
            await().atMost(WAIT).until(() -> server.registered.containsKey(nvr.code()));

            server.query(nvr.code(), "DeviceInfo", nvr.code(), Map.of());
            server.query(nvr.code(), "Catalog", nvr.code(), Map.of());
            server.query(nvr.code(), "DeviceStatus", nvr.code(), Map.of());
            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
            LocalDateTime now = LocalDateTime.now();
            String channel = nvr.channels().get(2);
            server.query(nvr.code(), "RecordInfo", channel, Map.of("StartTime", now.minusHours(24).format(local),
                    "EndTime", now.format(local), "Type", "all", "Secrecy", "0"));
            server.subscribeCatalog(nvr.code());

            await().atMost(WAIT).until(() -> server.bodies(nvr.code(), "Catalog").stream()
                    .filter(m -> m.root() == ManscdpMessage.Root.Response).count() == 3);
            assertThat(server.bodies(nvr.code(), "Catalog").stream().filter(m -> m.root() == ManscdpMessage.Root.Response)
                    .mapToInt(m -> m.items().size()).sum()).isEqualTo(20);
            await().atMost(WAIT).until(() -> !server.bodies(nvr.code(), "DeviceInfo").isEmpty());
            assertThat(server.bodies(nvr.code(), "DeviceInfo").get(0).field("Channel")).isEqualTo("20");
            await().atMost(WAIT).until(() -> !server.bodies(nvr.code(), "DeviceStatus").isEmpty());
            LocalDateTime deviceTime = LocalDateTime.parse(server.bodies(nvr.code(), "DeviceStatus").get(0).field("DeviceTime"), local);
            assertThat(Duration.between(now, deviceTime).toSeconds()).isBetween(590L, 610L);
            await().atMost(WAIT).until(() -> server.bodies(nvr.code(), "RecordInfo").size() >= 3);
            List<ManscdpMessage> records = server.bodies(nvr.code(), "RecordInfo");
            assertThat(records).extracting(ManscdpMessage::deviceId).containsOnly(channel);
            assertThat(records.stream().mapToInt(m -> m.items().size()).sum()).isEqualTo(records.get(0).sumNum());

            await().atMost(WAIT).until(() -> server.subscribeAnswers.contains(200));
            await().atMost(WAIT).until(() -> server.bodies(nvr.code(), "Catalog").stream()
                    .anyMatch(m -> m.root() == ManscdpMessage.Root.Notify));
            ManscdpMessage event = server.bodies(nvr.code(), "Catalog").stream()
                    .filter(m -> m.root() == ManscdpMessage.Root.Notify).findFirst().orElseThrow();
            assertThat(event.items()).singleElement().satisfies(i -> {
                assertThat(i).containsEntry("DeviceID", nvr.channels().get(5));
                assertThat(i).containsEntry("Event", "VLOST");
            });
            assertThat(sim.stats().notifies()).isEqualTo(1);
        }
    }
}
