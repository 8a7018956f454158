package org.xueliang.tracker.monitoring.agent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.transport.Heartbeat;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Hashes;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/**
 * Probe agents: created by an admin with a bearer token shown once and stored only as its SHA-256
 * (tokens are 256 random bits, so a fast hash is enough and lets every request be checked with one
 * indexed lookup), revocable, and reporting heartbeats with their spool figures.
 */
@Service
@Transactional
public class AgentService {

    public static final String TOKEN_PREFIX = "xla_";

    /**
     * An agent as the admin pages show it. {@code clockSkewMs} is the agent's clock minus the backend's at its last
     * heartbeat (positive: the agent is ahead; null: not reported, an agent older than the field);
     * {@code clockSkewAllowedMs} is the skew beyond which its results are refused as dated in the future.
     */
    public record AgentView(long id, String name, String zone, boolean embedded, Instant createdAt, Instant revokedAt,
                            Instant lastHeartbeatAt, long lastSeq, String agentVersion, Integer spoolDepth, Long spoolBytes,
                            Long sendLagMs, Long summarisedResults, Long clockSkewMs, long clockSkewAllowedMs, String lastEpoch) {
    }

    public record CreatedAgent(AgentView agent, String token) {
    }

    /**
     * One applied batch of an agent (a row of {@code agent_batch}): the sequence accounting of exactly-once ingest.
     * {@code resultCount} results arrived, {@code refusedCount} of them were refused one by one, the rest stored.
     * {@code epoch} is the spool the batch came from ({@code legacy}: sent without one, or applied before epochs).
     */
    public record AppliedBatch(long seq, Instant receivedAt, int resultCount, int refusedCount, String epoch) {
    }

    public static final int MAX_BATCHES = 5000;
    private static final long MAX_SKEW_SECONDS = 100L * 366 * 86_400;

    private final RowMapper<AgentView> rows;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AgentService(JdbcTemplate jdbc, AuditTrail audit, Clock clock, AgentLimits limits) {
        long allowedSkew = limits.maxClockSkew().toMillis();
        this.rows = (rs, n) -> new AgentView(rs.getLong("id"), rs.getString("name"),
                rs.getString("zone"), rs.getBoolean("embedded"), StatusStore.instant(rs.getTimestamp("created_at")),
                StatusStore.instant(rs.getTimestamp("revoked_at")), StatusStore.instant(rs.getTimestamp("last_heartbeat_at")),
                rs.getLong("last_seq"), rs.getString("agent_version"), (Integer) rs.getObject("spool_depth"),
                rs.getObject("spool_bytes", Long.class), rs.getObject("send_lag_ms", Long.class),
                rs.getObject("summarised_results", Long.class), rs.getObject("clock_skew_ms", Long.class), allowedSkew,
                rs.getString("last_epoch"));
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public CreatedAgent create(String name, String zone, boolean embedded) {
        checkNameAndZone(name, zone);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            jdbc.update("INSERT INTO probe_agent (name, zone, token_hash, embedded, created_at) VALUES (?,?,?,?,?)",
                    name, zone, Hashes.sha256Hex(token), embedded, StatusStore.ts(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("An agent named " + name + " exists already");
        }
        AgentView view = jdbc.queryForObject("SELECT * FROM probe_agent WHERE name = ?", rows, name);
        audit.record("CREATE", "Agent", view.id(), "Created agent " + name + " for zone " + zone, null, view);
        return new CreatedAgent(view, token);
    }

    /**
     * The id of the backend's own agent row, created on first use. Its token is random and never
     * shown: the embedded agent talks to the services in-process, not over HTTP.
     *
     * <p>Insert-or-ignore first, read after (issue 12: first-start writes are race-free): replicas starting
     * at once all try the INSERT, the unique name lets one row in, and each then reads that row. Reading first
     * would fix this transaction's snapshot (MariaDB's REPEATABLE READ) before a concurrent replica commits,
     * and a check-then-insert would fail with a duplicate name.
     */
    public long ensureEmbedded(String name, String zone) {
        checkNameAndZone(name, zone);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        int inserted = jdbc.update("INSERT IGNORE INTO probe_agent (name, zone, token_hash, embedded, created_at) VALUES (?,?,?,?,?)",
                name, zone, Hashes.sha256Hex(TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)), true,
                StatusStore.ts(clock.instant()));
        AgentView view = jdbc.queryForObject("SELECT * FROM probe_agent WHERE name = ?", rows, name);
        if (!view.embedded()) {
            throw ApiException.conflict("An agent named " + name + " exists already");
        }
        if (inserted == 1) {
            audit.record("CREATE", "Agent", view.id(), "Created agent " + name + " for zone " + zone, null, view);
        } else if (view.revokedAt() != null
                && jdbc.update("UPDATE probe_agent SET revoked_at = NULL WHERE id = ? AND revoked_at IS NOT NULL", view.id()) == 1) {
            // A replica back after its row was retired (same replica id, kept in its data dir) takes its row up again.
            audit.record("REINSTATE", "Agent", view.id(), "Reinstated the retired embedded agent " + name, view, get(view.id()));
        }
        return view.id();
    }

    /**
     * Retires the embedded agents of replicas silent since before {@code silentSince} (removed for good, or a data dir
     * wiped so the replica came back under a new id): their rows stay, because their batches and results refer to
     * them, but marked revoked, so the agents page shows them as retired rather than as an agent in trouble. A replica
     * that comes back reinstates its row in {@link #ensureEmbedded}. Returns the names retired.
     */
    @Transactional
    public List<String> retireSilentEmbedded(Instant silentSince) {
        List<AgentView> silent = jdbc.query("SELECT * FROM probe_agent WHERE embedded = TRUE AND revoked_at IS NULL"
                + " AND COALESCE(last_heartbeat_at, created_at) < ? ORDER BY id FOR UPDATE", rows, StatusStore.ts(silentSince));
        List<String> retired = new java.util.ArrayList<>();
        for (AgentView before : silent) {
            jdbc.update("UPDATE probe_agent SET revoked_at = ? WHERE id = ?", StatusStore.ts(clock.instant()), before.id());
            audit.record("RETIRE", "Agent", before.id(), "Retired the embedded agent " + before.name()
                    + ", silent since " + (before.lastHeartbeatAt() == null ? before.createdAt() : before.lastHeartbeatAt()), before, get(before.id()));
            retired.add(before.name());
        }
        return retired;
    }

    /**
     * The names of the embedded agents of {@code zone} (one per backend replica) that are alive: not revoked, last
     * heartbeat at or after {@code heartbeatSince}. A replica that stopped, or was removed for good, drops out of this
     * list on its own; its row stays, shown with its late heartbeat.
     */
    @Transactional(readOnly = true)
    public List<String> liveEmbedded(String zone, Instant heartbeatSince) {
        return jdbc.queryForList("SELECT name FROM probe_agent WHERE embedded = TRUE AND zone = ? AND revoked_at IS NULL"
                + " AND last_heartbeat_at >= ? ORDER BY name", String.class, zone, StatusStore.ts(heartbeatSince));
    }

    @Transactional(readOnly = true)
    public List<AgentView> list() {
        return jdbc.query("SELECT * FROM probe_agent ORDER BY name", rows);
    }

    @Transactional(readOnly = true)
    public AgentView get(long id) {
        return jdbc.query("SELECT * FROM probe_agent WHERE id = ?", rows, id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Agent", id));
    }

    /**
     * The batches applied for an agent from {@code fromSeq} on, in seq order, at most {@code limit}. An agent whose spool
     * was re-created has batches of several epochs: the same seq may then appear once per epoch.
     */
    @Transactional(readOnly = true)
    public List<AppliedBatch> batches(long id, long fromSeq, int limit) {
        if (limit < 1 || limit > MAX_BATCHES) {
            throw ApiException.badRequest("limit", "must be between 1 and " + MAX_BATCHES);
        }
        get(id);
        return jdbc.query("SELECT seq, received_at, result_count, refused_count, epoch FROM agent_batch WHERE agent_id = ? AND seq >= ?"
                        + " ORDER BY seq, received_at LIMIT ?",
                (rs, n) -> new AppliedBatch(rs.getLong("seq"), StatusStore.instant(rs.getTimestamp("received_at")),
                        rs.getInt("result_count"), rs.getInt("refused_count"), rs.getString("epoch")), id, fromSeq, limit);
    }

    private static void checkNameAndZone(String name, String zone) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{2,64}")) {
            throw ApiException.invalid("name", "use 2-64 letters, digits, '.', '_' or '-'");
        }
        if (zone == null || !zone.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiException.invalid("zone", "use 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /**
     * Renames an agent or moves it to another probe zone (its devices follow their own {@code probe.zone}:
     * the next assignment pull answers the new zone's devices). The token stays; the embedded agent's row
     * belongs to the backend and is not changed here.
     */
    public AgentView update(long id, String name, String zone) {
        AgentView before = get(id);
        if (before.embedded()) {
            throw ApiException.conflict("Agent " + before.name() + " is the backend's embedded agent (zone local);"
                    + " it is configured on the backend, not here");
        }
        checkNameAndZone(name, zone);
        try {
            jdbc.update("UPDATE probe_agent SET name = ?, zone = ? WHERE id = ?", name, zone, id);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("An agent named " + name + " exists already");
        }
        AgentView after = get(id);
        audit.record("UPDATE", "Agent", id, "Agent " + before.name() + " → " + name + ", zone " + before.zone() + " → " + zone,
                before, after);
        return after;
    }

    public AgentView revoke(long id) {
        AgentView before = get(id);
        if (before.revokedAt() != null) {
            return before;
        }
        jdbc.update("UPDATE probe_agent SET revoked_at = ? WHERE id = ?", StatusStore.ts(clock.instant()), id);
        AgentView after = get(id);
        audit.record("REVOKE", "Agent", id, "Revoked the token of agent " + before.name(), before, after);
        return after;
    }

    /**
     * The agent a bearer token belongs to, unless unknown or revoked. One statement, so no transaction: a read-only
     * one cost every agent request a commit and four SET statements on MariaDB (bench/ingest's counters).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<AgentView> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM probe_agent WHERE token_hash = ? AND revoked_at IS NULL", rows, Hashes.sha256Hex(token))
                .stream().findFirst();
    }

    /**
     * Records a heartbeat and the agent's clock skew: its {@code sentAt} minus this server's clock on receipt (the
     * network delay, milliseconds, makes an agent look that much behind). Without {@code sentAt} (older agents) the
     * skew is unknown, not zero.
     */
    public void heartbeat(long agentId, Heartbeat beat) {
        Instant now = clock.instant();
        Long skewMs = beat.sentAt() == null ? null : skewMillis(now, beat.sentAt());
        jdbc.update("UPDATE probe_agent SET last_heartbeat_at = ?, agent_version = ?, spool_depth = ?, spool_bytes = ?,"
                        + " send_lag_ms = ?, clock_skew_ms = ? WHERE id = ?",
                StatusStore.ts(now), beat.agentVersion() == null ? null : truncate(beat.agentVersion()),
                beat.spoolDepth(), beat.spoolBytes(), beat.sendLagMs(), skewMs, agentId);
    }

    /** Agent clock minus server clock; a clock off by more than a century (a garbage {@code sentAt}) reads as a century. */
    public static long skewMillis(Instant server, Instant agent) {
        Duration skew = Duration.between(server, agent);
        if (skew.abs().getSeconds() >= MAX_SKEW_SECONDS) {
            return Long.signum(skew.getSeconds()) * MAX_SKEW_SECONDS * 1000;
        }
        return skew.toMillis();
    }

    private static String truncate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32);
    }
}
