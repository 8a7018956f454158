package org.xueliang.tracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.audit.AuditCheckpoints;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/** Every channel kind delivers to a receiver on loopback; each event goes out once per channel. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-notify;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.audit.checkpoint.check-ms=3600000",
        "xl.audit.checkpoint-key=target/test-data/audit-signing.key",
        "xl.audit.checkpoint-log=target/test-data/audit-checkpoints-notify.log",
        "xl.audit.checkpoint.notify-channels=audit-copy"})
@AutoConfigureMockMvc
class NotificationDeliveryTest {

    record Received(String path, String query, String body) {
    }

    static HttpServer http;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static ServerSocket smtp;
    static final List<String> mails = new CopyOnWriteArrayList<>();

    @Autowired MockMvc mvc;
    @Autowired Notifier notifier;
    @Autowired AuditCheckpoints checkpoints;
    @Autowired JsonMapper json;

    @BeforeAll
    static void startReceivers() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body));
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        http.start();
        smtp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread smtpThread = new Thread(NotificationDeliveryTest::serveSmtp, "test-smtp");
        smtpThread.setDaemon(true);
        smtpThread.start();
    }

    @AfterAll
    static void stopReceivers() throws IOException {
        http.stop(0);
        smtp.close();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getLocalPort());
    }

    /** Just enough SMTP to accept a message and keep its text. */
    static void serveSmtp() {
        while (!smtp.isClosed()) {
            try (Socket s = smtp.accept();
                 var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 var out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.print("220 loopback test SMTP\r\n");
                out.flush();
                StringBuilder data = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (data != null) {
                        if (line.equals(".")) {
                            mails.add(data.toString());
                            data = null;
                            out.print("250 queued\r\n");
                        } else {
                            data.append(line).append('\n');
                        }
                    } else if (line.toUpperCase().startsWith("DATA")) {
                        data = new StringBuilder();
                        out.print("354 go on\r\n");
                    } else if (line.toUpperCase().startsWith("QUIT")) {
                        out.print("221 bye\r\n");
                        out.flush();
                        break;
                    } else {
                        out.print("250 ok\r\n");
                    }
                    out.flush();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void announcesAnOutageAndItsRecoveryOnceOnEveryChannel() throws Exception {
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        channel("hook", "WEBHOOK", base + "/hook", null);
        channel("wecom", "WECOM", base + "/cgi-bin/webhook/send?key=k", null);
        channel("ding", "DINGTALK", base + "/robot/send?access_token=t", "SECxyz");
        channel("mail", "EMAIL", "ops@example.org", null);

        Instant at = Instant.parse("2026-03-01T02:00:00Z");
        DeviceStateChanged down = new DeviceStateChanged(1, DeviceState.UP, DeviceState.DOWN, at, Reason.TIMEOUT);
        notifier.announce(List.of(down));
        notifier.announce(List.of(down));
        notifier.announce(List.of(new DeviceStateChanged(1, DeviceState.DOWN, DeviceState.UP, at.plusSeconds(300), null)));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 6 && mails.size() >= 2);
        assertThat(received).filteredOn(r -> r.path().equals("/hook")).hasSize(2);
        assertThat(received).filteredOn(r -> r.path().equals("/hook")).first()
                .satisfies(r -> assertThat(json.readTree(r.body()).get("to").asString()).isEqualTo("DOWN"));
        assertThat(received).filteredOn(r -> r.path().equals("/cgi-bin/webhook/send")).hasSize(2)
                .allSatisfy(r -> assertThat(json.readTree(r.body()).get("msgtype").asString()).isEqualTo("text"));
        assertThat(received).filteredOn(r -> r.path().equals("/robot/send")).hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).contains("timestamp=").contains("sign="));
        assertThat(received.stream().map(Received::body).toList()).anyMatch(b -> b.contains("JS-XL1-FC-001") && b.contains("离线"));
        assertThat(mails).hasSize(2);
    }

    @Test
    void pushesEveryAuditCheckpointToTheChannelsNamedForIt() throws Exception {
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        channel("audit-copy", "WEBHOOK", base + "/audit-copy", null);
        long id = json.readTree(mvc.perform(get("/api/v1/notification-channels").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andReturn().getResponse().getContentAsString()).findParents("name").stream()
                .filter(c -> c.get("name").asString().equals("audit-copy")).findFirst().orElseThrow().get("id").asLong();
        try {
            var written = checkpoints.checkpointNow().orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.path().equals("/audit-copy")));
            assertThat(received).filteredOn(r -> r.path().equals("/audit-copy")).singleElement()
                    .satisfies(r -> assertThat(json.readTree(r.body()).get("reason").asString()).isEqualTo(written.line()))
                    .satisfies(r -> assertThat(json.readTree(r.body()).get("type").asString()).isEqualTo("AUDIT_CHECKPOINT"));
        } finally {
            mvc.perform(delete("/api/v1/notification-channels/{id}", id).with(httpBasic("admin", "Chief-Passw0rd-1")));
        }
    }

    @Test
    void signsDingTalkMessagesAsTheRobotExpects() throws Exception {
        String url = HttpChannelSender.signedDingTalkUrl("https://oapi.example/robot/send?access_token=t", "SECabc", 1_700_000_000_000L);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("SECabc".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal("1700000000000\nSECabc".getBytes(StandardCharsets.UTF_8)));
        assertThat(url).startsWith("https://oapi.example/robot/send?access_token=t&timestamp=1700000000000&sign=")
                .endsWith(java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));
    }

    @Test
    void announcesFailuresAndRecoveriesButNotFirstMeasurementsOrSilence() {
        assertThat(Notifier.worthAnnouncing(change(DeviceState.UP, DeviceState.DOWN))).isTrue();
        assertThat(Notifier.worthAnnouncing(change(DeviceState.UP, DeviceState.DEGRADED))).isTrue();
        assertThat(Notifier.worthAnnouncing(change(DeviceState.DOWN, DeviceState.UP))).isTrue();
        assertThat(Notifier.worthAnnouncing(change(DeviceState.UNKNOWN, DeviceState.UP))).isFalse();
        assertThat(Notifier.worthAnnouncing(change(DeviceState.UP, DeviceState.UNKNOWN))).isFalse();
    }

    @Test
    void refusesAChannelWithoutAUsableTarget() throws Exception {
        mvc.perform(post("/api/v1/notification-channels").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"bad\",\"kind\":\"EMAIL\",\"target\":\"not-an-address\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("target"));
    }

    private static DeviceStateChanged change(DeviceState from, DeviceState to) {
        return new DeviceStateChanged(1, from, to, Instant.EPOCH, null);
    }

    private void channel(String name, String kind, String target, String secret) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("name", name, "kind", kind, "target", target,
                "secret", secret == null ? "" : secret));
        mvc.perform(post("/api/v1/notification-channels").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.hasSecret").value(secret != null));
    }
}
