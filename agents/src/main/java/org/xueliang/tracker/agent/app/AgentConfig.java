package org.xueliang.tracker.agent.app;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.runtime.ProberWarmUp;
import org.xueliang.tracker.agent.spool.Spool;

/**
 * The standalone agent's configuration, from the command line, a properties file ({@code --config FILE}: keys
 * server, token, spool, metrics, concurrency, spoolMaxMb, ackLog, warmUp) or, for the token, the environment variable
 * {@value #TOKEN_ENV} (so it does not show in {@code ps}). Command-line options win over the file, the file
 * over the environment. {@link #toString()} never shows the token. Several backend replicas: repeat
 * {@code --server} or give a comma-separated list (also in the file); the agent fails over between them in
 * that order ({@code transport.FailoverClient}).
 */
public record AgentConfig(List<URI> servers, String token, Path spool, InetSocketAddress metrics, int concurrency, long spoolMaxBytes,
                          Path ackLog, Duration warmUp) {

    public static final String TOKEN_ENV = "XL_AGENT_TOKEN";

    static final String USAGE = """
            Usage: java -jar xueliang-agent.jar --server URL[,URL…] --spool DIR [--token T] [--metrics HOST:PORT]
                                                [--concurrency N] [--spool-max-mb N] [--ack-log FILE] [--warm-up PT4S]
                   java -jar xueliang-agent.jar --config FILE
              --server       backend base URL, e.g. https://tracker.example:8443. Several replicas: repeat the option or
                             separate URLs by commas; the agent sticks to one that answers and fails over to the next
                             when it is unreachable or answers 5xx (results wait in the spool meanwhile)
              --token        the agent's bearer token (better: environment variable XL_AGENT_TOKEN, or token= in the config file)
              --spool        directory of the disk spool (one per agent)
              --metrics      serve Prometheus metrics at http://HOST:PORT/metrics
              --concurrency  probes in flight at most (default 512)
              --spool-max-mb spool size limit in MiB (default 256); beyond it only state changes are kept
              --ack-log      append every acknowledged batch and its results' keys to FILE (see docs/AGENT-PROTOCOL.md)
              --warm-up      at start, probe simulated devices on 127.0.0.1 for at most this long (ISO-8601, default PT4S;
                             PT0S: off) so that the first real cycle runs on compiled code
              --config       java.util.Properties file with keys server, token, spool, metrics, concurrency, spoolMaxMb, ackLog,
                             warmUp
            """;

    private static final Map<String, String> OPTIONS = Map.of("--server", "server", "--token", "token", "--spool", "spool",
            "--metrics", "metrics", "--concurrency", "concurrency", "--spool-max-mb", "spoolMaxMb", "--config", "config",
            "--ack-log", "ackLog", "--warm-up", "warmUp");

    public static AgentConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = OPTIONS.get(args[i]);
            if (key == null) {
                throw new IllegalArgumentException("Unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[++i];
            // --server may be repeated: the URLs add up, in the order given
            given.merge(key, value, (before, more) -> "server".equals(key) ? before + "," + more : more);
        }
        Map<String, String> values = new HashMap<>();
        if (env.get(TOKEN_ENV) != null && !env.get(TOKEN_ENV).isBlank()) {
            values.put("token", env.get(TOKEN_ENV).trim());
        }
        if (given.containsKey("config")) {
            values.putAll(readProperties(Path.of(given.get("config"))));
        }
        values.putAll(given);
        List<URI> servers = servers(require(values, "server"));
        String token = require(values, "token");
        String spool = require(values, "spool");
        return new AgentConfig(servers, token, Path.of(spool), values.containsKey("metrics") ? address(values.get("metrics")) : null,
                number(values, "concurrency", AgentSettings.DEFAULT_CONCURRENCY),
                number(values, "spoolMaxMb", (int) (Spool.DEFAULT_MAX_BYTES >> 20)) * 1024L * 1024L,
                values.containsKey("ackLog") ? Path.of(values.get("ackLog")) : null,
                duration(values, "warmUp", ProberWarmUp.DEFAULT_BUDGET));
    }

    private static List<URI> servers(String list) {
        List<URI> servers = new ArrayList<>();
        for (String server : list.split(",")) {
            if (server.isBlank()) {
                continue;
            }
            URI uri = URI.create(server.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("server must be an http(s) URL, got " + server.trim());
            }
            if (!servers.contains(uri)) {
                servers.add(uri);
            }
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("Missing server");
        }
        return List.copyOf(servers);
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        values.keySet().stream().filter(k -> !OPTIONS.containsValue(k) || k.equals("config")).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("Unknown key '" + k + "' in " + file);
        });
        return values;
    }

    private static String require(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Missing " + key + ("token".equals(key) ? " (--token, token= in --config, or " + TOKEN_ENV + ")" : ""));
        }
        return v;
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        return parsed(values, key, fallback, "a positive whole number", v -> {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        });
    }

    private static Duration duration(Map<String, String> values, String key, Duration fallback) {
        return parsed(values, key, fallback, "an ISO-8601 duration such as PT4S (PT0S: off)", v -> {
            Duration d = Duration.parse(v);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        });
    }

    /** The value of {@code key} read by {@code parse}, or {@code fallback} when absent; a bad value says what was expected. */
    private static <T> T parsed(Map<String, String> values, String key, T fallback, String expected, Function<String, T> parse) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be " + expected + ", got " + v, e);
        }
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("metrics must be HOST:PORT, got " + hostPort);
        }
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metrics must be HOST:PORT, got " + hostPort, e);
        }
    }

    @Override
    public String toString() {
        return "AgentConfig[servers=" + servers + ", token=***, spool=" + spool + ", metrics=" + metrics + ", concurrency="
                + concurrency + ", spoolMaxBytes=" + spoolMaxBytes + ", ackLog=" + ackLog + ", warmUp=" + warmUp + "]";
    }
}
