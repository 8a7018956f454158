package org.xueliang.tracker.gb28181;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret that signs digest nonces, one row in {@code gb_server_key} shared by every replica: a nonce one replica
 * issued verifies on any other. Made by the first replica that needs it (the primary key lets one INSERT win).
 */
@Component
class GbServerKey {

    private static final int ID = 1;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] secret;

    GbServerKey(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = HexFormat.of().parseHex(loadOrCreate());
            secret = s;
        }
        return s;
    }

    private String loadOrCreate() {
        List<String> stored = jdbc.queryForList("SELECT secret FROM gb_server_key WHERE id = ?", String.class, ID);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.update("INSERT INTO gb_server_key (id, secret, created_at) VALUES (?, ?, ?)", ID,
                    HexFormat.of().formatHex(fresh), GbDb.ts(clock.instant()));
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            // its key it is
        }
        return jdbc.queryForObject("SELECT secret FROM gb_server_key WHERE id = ?", String.class, ID);
    }
}
