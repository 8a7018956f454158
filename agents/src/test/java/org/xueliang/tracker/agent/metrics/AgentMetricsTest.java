package org.xueliang.tracker.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Status;

class AgentMetricsTest {

    @Test
    void renders_counters_gauges_and_a_cumulative_histogram_in_prometheus_text_format() {
        AgentMetrics m = new AgentMetrics();
        m.gauge("xl_agent_spool_depth", "Batches in the spool", () -> 3);
        m.gauge("xl_agent_send_lag_seconds", "Age of the oldest batch", () -> 1.5);
        m.probe(Method.SNMP, Status.UP, Duration.ofMillis(4));
        m.probe(Method.SNMP, Status.DOWN, Duration.ofMillis(300));
        m.probeSkipped();
        m.summarised(42);
        m.batchSent(true);

        String text = m.render();
        assertThat(text).contains(
                "# TYPE xl_agent_spool_depth gauge\nxl_agent_spool_depth 3\n",
                "xl_agent_send_lag_seconds 1.5\n",
                "xl_agent_probes_total{method=\"SNMP\",status=\"DOWN\"} 1\n",
                "xl_agent_probes_total{method=\"SNMP\",status=\"UP\"} 1\n",
                "# TYPE xl_agent_probe_duration_seconds histogram\n",
                "xl_agent_probe_duration_seconds_bucket{method=\"SNMP\",le=\"0.005\"} 1\n",
                "xl_agent_probe_duration_seconds_bucket{method=\"SNMP\",le=\"0.25\"} 1\n",
                "xl_agent_probe_duration_seconds_bucket{method=\"SNMP\",le=\"0.5\"} 2\n",
                "xl_agent_probe_duration_seconds_bucket{method=\"SNMP\",le=\"+Inf\"} 2\n",
                "xl_agent_probe_duration_seconds_count{method=\"SNMP\"} 2\n",
                "xl_agent_probes_skipped_total 1\n",
                "xl_agent_spool_summarised_total 42\n",
                "xl_agent_batches_sent_total 1\n",
                "xl_agent_batches_duplicate_total 1\n");
        assertThat(text.lines()).allMatch(l -> l.startsWith("# HELP ") || l.startsWith("# TYPE ") || l.matches("xl_agent_\\w+(\\{.*})? \\S+"));
    }

    @Test
    void serves_metrics_over_http_on_loopback() throws Exception {
        AgentMetrics m = new AgentMetrics();
        m.summarised(7);
        try (MetricsServer server = new MetricsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), m)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains(AgentMetrics.CONTENT_TYPE);
            assertThat(r.body()).contains("xl_agent_spool_summarised_total 7");
        }
    }
}
