package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnH2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * The SIP server against a device played by {@link SipTestPeer} over UDP and TCP: REGISTER with digest, 校时 in the
 * 200, keepalives counted (and not counted for a device not registered), bodies dispatched to their handler,
 * Expires 0, and the server's own requests through {@link GbOutbound} reaching the device at its registered address.
 */
@OnH2
class GbSipServerTest extends GbServerTestSupport {

    @Autowired GbOutbound outbound;

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void registersWithDigestCountsKeepalivesAndUnregisters(String transport) throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer device = new SipTestPeer(transport, "127.0.0.1", "127.0.0.1", sipPort())) {
            SipTestPeer.Reply challenge = device.register(code, 3600);
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.param("WWW-Authenticate", "realm")).isEqualTo(DOMAIN);
            assertThat(registration(code)).isNull();

            SipTestPeer.Reply ok = device.registerAnswering(code, DEVICE_PASSWORD, 3600,
                    challenge.param("WWW-Authenticate", "nonce"), DOMAIN);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Expires")).isEqualTo("3600");
            LocalDateTime serverTime = LocalDateTime.parse(ok.header("Date"));
            assertThat(ok.header("Date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            assertThat(Duration.between(serverTime, LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))).abs())
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(registeredNow(code)).isTrue();
            assertThat(registration(code).transport()).isEqualTo(transport);
            assertThat(recorders.registered).contains(new GbDeviceRegistered(code, true));

            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            assertThat(recorders.registered.stream().filter(e -> e.deviceCode().equals(code))).hasSize(1);

            for (int sn = 1; sn <= 3; sn++) {
                assertThat(device.keepalive(code, sn).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(registration(code).keepaliveCount()).isEqualTo(3));
            assertThat(registration(code).lastKeepaliveAt()).isNotNull();

            assertThat(device.registerWith(code, DEVICE_PASSWORD, 0).status()).isEqualTo(200);
            assertThat(registeredNow(code)).isFalse();
            assertThat(registration(code).unregisteredAt()).isNotNull();
        }
    }

    @Test
    void aKeepaliveOfADeviceNotRegisteredIsAnsweredButNotCounted() throws Exception {
        String registered = newDeviceCode();
        String stranger = newDeviceCode();
        try (SipTestPeer device = new SipTestPeer("UDP", "127.0.0.1", "127.0.0.1", sipPort())) {
            assertThat(device.registerWith(registered, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            assertThat(device.keepalive(stranger, 1).status()).isEqualTo(200);
            assertThat(device.keepalive(registered, 1).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(registration(registered).keepaliveCount()).isEqualTo(1));
            assertThat(registration(stranger)).isNull();
        }
    }

    @Test
    void aWrongPasswordGets403AndNoRegistration() throws Exception {
        String code = newDeviceCode();
        try (SipTestPeer device = new SipTestPeer("UDP", "127.0.0.1", "127.0.0.1", sipPort())) {
            assertThat(device.registerWith(code, "not-the-password", 3600).status()).isEqualTo(403);
            assertThat(registration(code)).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'GB_REGISTER_REFUSED' AND entity_id = ?",
                    Integer.class, code)).isEqualTo(1);
        }
    }

    @Test
    void bodiesGoToTheHandlerOfTheirCmdTypeAndOnlyFromARegisteredDevice() throws Exception {
        String code = newDeviceCode();
        byte[] body = ("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>TestEcho</CmdType>\r\n<SN>7</SN>\r\n"
                + "<DeviceID>" + code + "</DeviceID>\r\n<Name>北门卡口</Name>\r\n</Response>\r\n").getBytes(Charset.forName("GB18030"));
        try (SipTestPeer device = new SipTestPeer("UDP", "127.0.0.1", "127.0.0.1", sipPort())) {
            assertThat(device.message(code, body).status()).isEqualTo(403);
            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);
            assertThat(device.message(code, body).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(recorders.handledFrom).contains(code));
            ManscdpMessage m = recorders.handled.get(recorders.handledFrom.indexOf(code));
            assertThat(m.sn()).isEqualTo(7);
            assertThat(m.field("Name")).isEqualTo("北门卡口");

            assertThat(device.message(code, "<Response><CmdType>TestEcho".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void outboundMessagesReachTheDeviceAtItsRegisteredAddress(String transport) throws Exception {
        String code = newDeviceCode();
        ManscdpMessage query = ManscdpMessage.of(ManscdpMessage.Root.Query, "DeviceInfo", 42, code, Map.of());
        assertThat(outbound.message(code, query)).isFalse();
        try (SipTestPeer device = new SipTestPeer(transport, "127.0.0.1", "127.0.0.1", sipPort())) {
            assertThat(device.registerWith(code, DEVICE_PASSWORD, 3600).status()).isEqualTo(200);

            assertThat(outbound.message(code, query)).isTrue();
            String request = readUntil(device, "<SN>42</SN>");
            assertThat(request).startsWith("MESSAGE sip:" + code + "@127.0.0.1:" + device.localPort());
            assertThat(request).contains("<sip:" + SERVER_ID + "@" + DOMAIN + ">").contains("<CmdType>DeviceInfo</CmdType>")
                    .contains("<SN>42</SN>").containsIgnoringCase("Content-Type: Application/MANSCDP+xml");
            device.answerOk(request);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(recorders.answers).contains(new GbRequestAnswered(code, "MESSAGE", "DeviceInfo", 200)));

            ManscdpMessage subscribe = ManscdpMessage.of(ManscdpMessage.Root.Query, "Catalog", 43, code, Map.of());
            assertThat(outbound.subscribeCatalog(code, subscribe, 3600)).isTrue();
            String sub = readUntil(device, "SUBSCRIBE sip:" + code);
            assertThat(sub).startsWith("SUBSCRIBE sip:" + code).containsIgnoringCase("Event: Catalog").contains("Expires: 3600");
            device.answerOk(sub);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(recorders.answers).contains(new GbRequestAnswered(code, "SUBSCRIBE", "Catalog", 200)));

            // the subscription's NOTIFYs come outside any dialog of the stack's and reach the handlers like MESSAGEs
            byte[] notify = ("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify><CmdType>" + ECHO_CMD_TYPE
                    + "</CmdType><SN>44</SN><DeviceID>" + code + "</DeviceID></Notify>").getBytes(StandardCharsets.US_ASCII);
            String raw = device.request("NOTIFY", code, "sip:" + SERVER_ID + "@" + DOMAIN, -1, null, "Application/MANSCDP+xml", notify)
                    .replace("Content-Type:", "Event: Catalog\r\nSubscription-State: active\r\nContent-Type:");
            assertThat(device.send(raw).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(recorders.handledFrom).contains(code));
            assertThat(recorders.handled.get(recorders.handledFrom.indexOf(code)).sn()).isEqualTo(44);
        }
    }

    /**
     * The next request the device gets that contains {@code marker}; the server's own first queries of a new
     * registration (DeviceInfo, Catalog, DeviceStatus, SUBSCRIBE, paced by GbIntroductions) may come before it and are
     * answered 200 on the way.
     */
    private static String readUntil(SipTestPeer device, String marker) throws Exception {
        for (int i = 0; i < 10; i++) {
            String request = device.read();
            if (request.contains(marker)) {
                return request;
            }
            device.answerOk(request);
        }
        throw new AssertionError("no request with " + marker + " among the first 10 the device got");
    }
}
