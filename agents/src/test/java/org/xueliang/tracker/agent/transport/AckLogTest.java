package org.xueliang.tracker.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

class AckLogTest {

    @TempDir
    Path dir;

    private static Batch.Result result(long device, Method method, String at) {
        return new Batch.Result(device, method, Instant.parse(at), 3L, Status.UP, Reason.OK, null, Map.of());
    }

    @Test
    void logs_each_acknowledged_batch_and_its_result_keys_and_appends_across_reopens() throws Exception {
        Path file = dir.resolve("logs/acks.log");
        BatchSink backend = b -> new Ack(b.seq(), b.seq() == 2, b.seq() == 2 ? 0 : b.results().size() - 1, b.seq() == 2 ? 0 : 1);
        try (AckLog log = new AckLog(file, backend)) {
            log.send(new Batch(1, Instant.parse("2025-06-01T08:00:01Z"), List.of(result(5, Method.TCP, "2025-06-01T08:00:00.120Z"),
                    result(6, Method.SNMP, "2025-06-01T08:00:00.500Z")), 0L, "e-1"));
        }
        try (AckLog log = new AckLog(file, backend)) {
            log.send(new Batch(2, Instant.parse("2025-06-01T08:00:02Z"), List.of(result(5, Method.TCP, "2025-06-01T08:00:01Z")), 0L));
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "batch e-1 1 2 1 1 false",
                "result e-1 1 5 TCP 2025-06-01T08:00:00.120Z",
                "result e-1 1 6 SNMP 2025-06-01T08:00:00.500Z",
                "batch - 2 1 0 0 true",
                "result - 2 5 TCP 2025-06-01T08:00:01Z");
    }

    @Test
    void a_line_torn_by_a_kill_stays_a_line_of_its_own() throws Exception {
        Path file = dir.resolve("acks.log");
        Files.writeString(file, "batch e-1 1 1 1 0 false\nresult e-1 1 5 TC");
        try (AckLog log = new AckLog(file, b -> new Ack(b.seq(), true, 0, 0))) {
            log.send(new Batch(1, Instant.parse("2025-06-01T08:00:01Z"), List.of(result(5, Method.TCP, "2025-06-01T08:00:00Z")), 0L, "e-1"));
        }
        assertThat(Files.readAllLines(file)).containsExactly("batch e-1 1 1 1 0 false", "result e-1 1 5 TC",
                "batch e-1 1 1 0 0 true", "result e-1 1 5 TCP 2025-06-01T08:00:00Z");
    }

    @Test
    void a_failed_send_logs_nothing() throws Exception {
        Path file = dir.resolve("acks.log");
        try (AckLog log = new AckLog(file, b -> {
            throw new TransportException(TransportException.Kind.RETRYABLE, 503, "down");
        })) {
            assertThatThrownBy(() -> log.send(new Batch(1, Instant.now(), List.of(), 0L, "e"))).isInstanceOf(TransportException.class);
        }
        assertThat(Files.readString(file)).isEmpty();
    }
}
