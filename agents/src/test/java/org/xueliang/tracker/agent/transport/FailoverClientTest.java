package org.xueliang.tracker.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/** Several backend URLs over real HTTP on loopback: one dead, one answering 500, one refusing the token. */
class FailoverClientTest {

    private static final String TOKEN = "xla_failover-token";
    private final FakeBackend b = new FakeBackend(TOKEN);
    private final FakeBackend c = new FakeBackend(TOKEN);

    FailoverClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        b.close();
        c.close();
    }

    /** A loopback port nobody listens on: bound, then closed. */
    private static URI dead() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    private static Batch batch(long seq) {
        return new Batch(seq, Instant.parse("2025-06-01T08:00:01Z"), List.of(new Batch.Result(5, Method.TCP,
                Instant.parse("2025-06-01T08:00:00Z"), 3L, Status.UP, Reason.OK, null, Map.of())), 0L, "epoch-1");
    }

    @Test
    void an_unreachable_server_fails_over_to_the_next_and_the_agent_sticks_to_it() throws Exception {
        URI dead = dead();
        FailoverClient client = FailoverClient.of(List.of(dead, b.uri(), c.uri()), TOKEN);

        assertThat(client.send(batch(1)).applied()).isEqualTo(1);
        assertThat(client.current()).isEqualTo(b.uri());
        client.send(batch(2));
        client.beat(new Heartbeat("t", 0, 0L, 0L, Instant.now()));
        assertThat(client.fetch(null)).isPresent();

        assertThat(b.appliedSeqs()).containsExactly(1L, 2L);
        assertThat(b.heartbeats()).hasSize(1);
        assertThat(c.appliedSeqs()).as("the third server is only tried when the second fails").isEmpty();
        assertThat(b.appliedBatches().get(0).epoch()).isEqualTo("epoch-1");
    }

    @Test
    void a_server_answering_5xx_fails_over_and_back_when_the_other_dies() throws Exception {
        b.failEvery(1);
        FailoverClient client = FailoverClient.of(List.of(b.uri(), c.uri()), TOKEN);

        client.send(batch(1));
        assertThat(c.appliedSeqs()).containsExactly(1L);
        assertThat(client.current()).isEqualTo(c.uri());

        b.failEvery(0);
        c.close();
        client.send(batch(2));
        assertThat(client.current()).isEqualTo(b.uri());
        assertThat(b.appliedSeqs()).contains(2L);
    }

    @Test
    void a_refused_token_is_the_backends_answer_and_is_not_failed_over() {
        b.revoke(true);
        FailoverClient client = FailoverClient.of(List.of(b.uri(), c.uri()), TOKEN);
        assertThatThrownBy(() -> client.send(batch(1))).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.UNAUTHORIZED));
        assertThat(c.appliedSeqs()).isEmpty();
    }

    @Test
    void when_every_server_is_down_the_caller_sees_a_retryable_failure() throws Exception {
        FailoverClient client = FailoverClient.of(List.of(dead(), dead()), TOKEN);
        assertThatThrownBy(() -> client.send(batch(1))).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RETRYABLE));
    }
}
