package org.xueliang.tracker.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;

class BackendClientTest {

    private static final String TOKEN = "xl_agent_s3cret-token";
    private final FakeBackend backend = new FakeBackend(TOKEN);
    private final BackendClient client = new BackendClient(backend.uri(), TOKEN);

    BackendClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static Batch batch(long seq) {
        return new Batch(seq, Instant.parse("2025-06-01T08:00:01Z"), List.of(new Batch.Result(5, Method.TCP,
                Instant.parse("2025-06-01T08:00:00Z"), 3L, Status.DOWN, Reason.REFUSED, "connection refused", Map.of("k", "v"))), 0L);
    }

    @Test
    void fetches_the_assignment_and_then_gets_not_modified_for_the_same_etag() throws Exception {
        backend.assign(new AgentAssignment(4, "north", List.of(new AgentAssignment.Target(9, Method.SNMP, "127.20.1.9", 161, 60, 5000,
                Map.of("snmp.version", "3"), new Secrets("ops", null, "SHA", "authpass", "AES", "privpass")))));
        AssignmentSource.Versioned first = client.fetch(null).orElseThrow();
        assertThat(first.version()).startsWith("\"");
        assertThat(first.assignment().agentId()).isEqualTo(4);
        AgentAssignment.Target t = first.assignment().devices().get(0);
        assertThat(t.probeTarget().secrets().authPassword()).isEqualTo("authpass");
        assertThat(t.probeTarget().timeout()).hasMillis(5000);
        assertThat(t.interval()).hasSeconds(60);

        assertThat(client.fetch(first.version())).isEmpty();
    }

    @Test
    void a_refused_token_is_unauthorized_and_the_message_does_not_show_it() {
        BackendClient wrong = new BackendClient(backend.uri(), "not-the-token");
        assertThatThrownBy(() -> wrong.fetch(null)).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.UNAUTHORIZED);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).doesNotContain("not-the-token").contains("token");
        });
    }

    @Test
    void a_server_error_is_retryable_and_the_retry_succeeds() throws Exception {
        backend.failEvery(1);
        assertThatThrownBy(() -> client.send(batch(1))).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RETRYABLE));
        backend.failEvery(0);
        assertThat(client.send(batch(1))).isEqualTo(new Ack(1, false, 1, 0));
        assertThat(backend.appliedBatches()).containsExactly(batch(1));
    }

    @Test
    void a_resent_batch_is_acknowledged_as_duplicate() throws Exception {
        assertThat(client.send(batch(1)).duplicate()).isFalse();
        assertThat(client.send(batch(1)).duplicate()).isTrue();
        assertThat(backend.appliedSeqs()).containsExactly(1L);
    }

    @Test
    void a_refused_batch_is_rejected_with_the_backend_s_explanation() {
        backend.rejectBatches(400);
        assertThatThrownBy(() -> client.send(batch(1))).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(TransportException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("400", "longer than 300");
        });
    }

    @Test
    void heartbeats_arrive_and_connection_failures_are_retryable() throws Exception {
        client.beat(new Heartbeat("0.1.0", 2, 300L, 1500L));
        assertThat(backend.heartbeats()).containsExactly(new Heartbeat("0.1.0", 2, 300L, 1500L));

        URI gone = backend.uri();
        backend.close();
        assertThatThrownBy(() -> new BackendClient(gone, TOKEN).send(batch(1))).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RETRYABLE));
    }
}
