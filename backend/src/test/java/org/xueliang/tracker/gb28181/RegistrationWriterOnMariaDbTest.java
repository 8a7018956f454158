package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.message.Response;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * REGISTERs written in groups ({@link RegistrationWriter}) on MariaDB: one transaction for many devices, the 200 only
 * after the commit, fresh against refreshed registrations, a device twice in one group kept in order, the throttle's
 * count cleared only where there is one, and one row that cannot be written refusing no one else.
 */
@OnMariaDb
@RecordApplicationEvents
class RegistrationWriterOnMariaDbTest extends ApiTestSupport {

    /** Industry code 98, network 8: codes no seeded device and no other test carries. */
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000) + 100_000);

    @Autowired
    RegistrationWriter writer;
    @Autowired
    RegisterThrottle throttle;
    @Autowired
    ApplicationEvents events;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    /** The answers each code got: "200" (the entry's ok), or "500" (null: not recorded). */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    private static String code() {
        return "1408240098" + "132" + "8" + String.format("%06d", SERIAL.incrementAndGet());
    }

    private RegistrationWriter.Entry entry(String code, String transport, int expires, boolean clearFailures) {
        Response ok = mock(Response.class);
        return new RegistrationWriter.Entry(new GbRegistrations.Registration(new GbRegistrations.Address(code, "127.0.0.7", 15060,
                transport), "<sip:" + code + "@127.0.0.7:15060>", expires, now), expires == 0, clearFailures, ok,
                r -> answers.computeIfAbsent(code, c -> new ArrayList<>()).add(r == ok ? "200" : r == null ? "500" : "other"));
    }

    private Map<String, Object> row(String code) {
        return jdbc.queryForMap("SELECT * FROM gb_registration WHERE device_code = ?", code);
    }

    private List<String> fresh() {
        return events.stream(GbDeviceRegistered.class).map(GbDeviceRegistered::deviceCode).toList();
    }

    @Test
    void aGroupIsOneTransactionAndOnlyNewOrLapsedRegistrationsAreFresh() {
        String brandNew = code();
        String current = code();
        String lapsed = code();
        writer.write(new ArrayList<>(List.of(entry(current, "UDP", 3600, false), entry(lapsed, "UDP", 3600, false))));
        jdbc.update("UPDATE gb_registration SET expires_at = ?, subscribe_refused_at = ?, subscribe_refusal = 489 WHERE device_code = ?",
                GbDb.ts(now.minusSeconds(1)), GbDb.ts(now.minusSeconds(5)), lapsed);
        jdbc.update("UPDATE gb_registration SET registered_at = ?, subscribe_refused_at = ?, subscribe_refusal = 489 WHERE device_code = ?",
                GbDb.ts(now.minusSeconds(60)), GbDb.ts(now.minusSeconds(5)), current);
        events.clear();
        answers.clear();

        writer.write(new ArrayList<>(List.of(entry(brandNew, "TCP", 600, false), entry(current, "UDP", 3600, false),
                entry(lapsed, "UDP", 3600, false))));

        assertThat(answers).containsOnlyKeys(brandNew, current, lapsed).allSatisfy((code, a) -> assertThat(a).containsExactly("200"));
        assertThat(fresh()).containsExactlyInAnyOrder(brandNew, lapsed);
        assertThat(row(brandNew)).containsEntry("transport", "TCP").containsEntry("expires_seconds", 600);
        assertThat(GbDb.instant((java.sql.Timestamp) row(brandNew).get("expires_at"))).isEqualTo(now.plusSeconds(600));
        assertThat(GbDb.instant((java.sql.Timestamp) row(current).get("registered_at"))).as("a refresh keeps its start")
                .isEqualTo(now.minusSeconds(60));
        assertThat(row(current).get("subscribe_refusal")).as("a refresh remembers a refused subscription").isEqualTo(489);
        assertThat(GbDb.instant((java.sql.Timestamp) row(lapsed).get("registered_at"))).isEqualTo(now);
        assertThat(row(lapsed).get("subscribe_refusal")).as("a fresh registration forgets it").isNull();
        assertThat(row(lapsed).get("subscribe_refused_at")).isNull();
    }

    @Test
    void aDeviceTwiceInTheQueueIsWrittenInOrderAndEveryRequestIsAnswered() {
        String code = code();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            others.add(code());
        }
        writer.submit(entry(code, "UDP", 3600, false));
        others.forEach(o -> writer.submit(entry(o, "UDP", 3600, false)));
        writer.submit(entry(code, "UDP", 0, false));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answers.values().stream().mapToInt(List::size).sum() == 42);
        assertThat(answers.get(code)).containsExactly("200", "200");
        assertThat(row(code).get("unregistered_at")).as("the Expires 0 came last and ended it").isNotNull();
        others.forEach(o -> assertThat(row(o).get("unregistered_at")).isNull());
    }

    @Test
    void onlyACountedFailureIsClearedAndARowThatCannotBeWrittenRefusesNoOneElse() {
        String counted = code();
        String clean = code();
        String broken = code();
        for (String c : List.of(counted, clean)) {
            jdbc.update("INSERT INTO gb_auth_failure (device_code, remote_host, failures, window_start) VALUES (?, '127.0.0.7', 2, ?)",
                    c, GbDb.ts(now));
        }
        assertThat(throttle.standing(counted, "127.0.0.7", now)).isEqualTo(RegisterThrottle.Standing.COUNTING);
        assertThat(throttle.standing(code(), "127.0.0.7", now)).isEqualTo(RegisterThrottle.Standing.CLEAR);

        // "clean" was read CLEAR before its failure row appeared: that row is left to expire with its window
        writer.write(new ArrayList<>(List.of(entry(counted, "UDP", 3600, true), entry(clean, "UDP", 3600, false),
                entry(broken, "WSSX", 3600, false))));

        assertThat(answers.get(counted)).containsExactly("200");
        assertThat(answers.get(clean)).containsExactly("200");
        assertThat(answers.get(broken)).as("a transport wider than its column").containsExactly("500");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_auth_failure WHERE device_code = ?", Integer.class, counted)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_auth_failure WHERE device_code = ?", Integer.class, clean)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_registration WHERE device_code = ?", Integer.class, broken)).isZero();
        assertThat(row(counted).get("unregistered_at")).isNull();
    }
}
