package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;
import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.testing.ApiTestSupport;

/**
 * Base of the tests that talk SIP to the real GB/T 28181 server: the whole application (on H2 or MariaDB, as the
 * subclass says with {@code @OnH2} / {@code @OnMariaDb}) with the server enabled
 * on a free loopback port (UDP and TCP) and a default device password. All such classes share one context. A
 * recording {@link ManscdpHandler} (CmdType "TestEcho") and a recorder of {@link GbRequestAnswered} events show what
 * the server dispatched and what answers its own requests got.
 */
@TestPropertySource(properties = {
        "xl.gb.enabled=true",
        "xl.gb.sip-port=0",
        "xl.gb.sip-host=127.0.0.1",
        "xl.gb.password=" + GbServerTestSupport.DEVICE_PASSWORD,
        "xl.gb.auth-max-failures=5"})
@Import(GbServerTestSupport.Recorders.class)
public abstract class GbServerTestSupport extends ApiTestSupport {

    public static final String DEVICE_PASSWORD = "gb-Device-12345";
    public static final String DOMAIN = "1408240000";
    public static final String SERVER_ID = "14082400002000000001";
    public static final String ECHO_CMD_TYPE = "TestEcho";

    @Autowired
    private GbSipStack stack;
    @Autowired
    protected Recorders recorders;

    /** The port the server's UDP and TCP listening points got. */
    public int sipPort() {
        return stack.port();
    }

    /** Registration row columns for a code, or null when there is none. */
    public RegistrationState registration(String code) {
        return jdbc.query("SELECT remote_host, transport, expires_at, unregistered_at, keepalive_count, last_keepalive_at"
                        + " FROM gb_registration WHERE device_code = ?",
                (rs, i) -> new RegistrationState(rs.getString(1), rs.getString(2),
                        GbDb.instant(rs.getTimestamp(3)), GbDb.instant(rs.getTimestamp(4)), rs.getLong(5),
                        GbDb.instant(rs.getTimestamp(6))), code).stream().findFirst().orElse(null);
    }

    public boolean registeredNow(String code) {
        RegistrationState r = registration(code);
        return r != null && r.unregisteredAt() == null && r.expiresAt().isAfter(Instant.now());
    }

    public record RegistrationState(String host, String transport, Instant expiresAt, Instant unregisteredAt, long keepaliveCount,
                                    Instant lastKeepaliveAt) {
    }

    /** A unique 20-digit IPC code per call (type 132), within the test run. */
    public static String newDeviceCode() {
        return String.format("14082400991320%06d", CODES.incrementAndGet()); // industry 99: no seeded ledger code
    }

    private static final java.util.concurrent.atomic.AtomicInteger CODES =
            new java.util.concurrent.atomic.AtomicInteger((int) (ProcessHandle.current().pid() % 500) * 1000);

    @TestConfiguration
    public static class Recorders {
        public final List<ManscdpMessage> handled = new CopyOnWriteArrayList<>();
        public final List<String> handledFrom = new CopyOnWriteArrayList<>();
        public final List<GbRequestAnswered> answers = new CopyOnWriteArrayList<>();
        public final List<GbDeviceRegistered> registered = new CopyOnWriteArrayList<>();

        @Bean
        ManscdpHandler echoRecorder() {
            return new ManscdpHandler() {
                @Override
                public Set<String> cmdTypes() {
                    return Set.of(ECHO_CMD_TYPE);
                }

                @Override
                public void handle(String deviceCode, ManscdpMessage message, Instant receivedAt) {
                    handledFrom.add(deviceCode);
                    handled.add(message);
                }
            };
        }

        @EventListener
        void answered(GbRequestAnswered event) {
            answers.add(event);
        }

        @EventListener
        void registered(GbDeviceRegistered event) {
            registered.add(event);
        }
    }
}
