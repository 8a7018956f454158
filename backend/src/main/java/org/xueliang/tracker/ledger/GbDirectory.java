package org.xueliang.tracker.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.shared.SecretCipher;

/**
 * The ledger as the GB/T 28181 server sees it: which ledger device carries a national code, and the device's own
 * REGISTER password (an encrypted credential of kind GB28181). Read-only; edits go through {@link DeviceService}.
 */
@Service
public class GbDirectory {

    private final JdbcTemplate jdbc;
    private final CredentialRepository credentials;
    private final SecretCipher cipher;

    GbDirectory(JdbcTemplate jdbc, CredentialRepository credentials, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.cipher = cipher;
    }

    /** Ledger device ids by national code, for the codes that a ledger device carries. */
    @Transactional(readOnly = true)
    public Map<String, Long> deviceIdsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        entriesByCode(codes).forEach((code, entry) -> ids.put(code, entry.deviceId()));
        return ids;
    }

    /** The project of the ledger device carrying each code, for the codes that a ledger device carries. */
    @Transactional(readOnly = true)
    public Map<String, Long> projectIdsByCode(Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        entriesByCode(codes).forEach((code, entry) -> ids.put(code, entry.projectId()));
        return ids;
    }

    /** A ledger device as the GB/T 28181 views need it: its project (for the user's scope) and national code. */
    public record Entry(long deviceId, long projectId, String gbCode) {
    }

    /** The ledger device {@code deviceId}, with its national code (null when it has none). */
    @Transactional(readOnly = true)
    public Optional<Entry> entry(long deviceId) {
        return jdbc.query("SELECT id, project_id, gb_code FROM device WHERE id = ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3)), deviceId).stream().findFirst();
    }

    /** The ledger devices carrying these national codes, by code. */
    @Transactional(readOnly = true)
    public Map<String, Entry> entriesByCode(Collection<String> codes) {
        Map<String, Entry> entries = new HashMap<>();
        List<String> distinct = codes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            String in = chunk.stream().map(c -> "?").collect(Collectors.joining(","));
            jdbc.query("SELECT id, project_id, gb_code FROM device WHERE gb_code IN (" + in + ")",
                    rs -> { entries.put(rs.getString(3), new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3))); },
                    chunk.toArray());
        }
        return entries;
    }

    /**
     * The national codes whose ledger device holds its own GB/T 28181 password credential (no secrets): a REGISTER
     * of any other code uses the server's default, so the SIP server needs {@link #passwordOf} only for these.
     */
    @Transactional(readOnly = true)
    public Set<String> codesWithOwnPassword() {
        return new HashSet<>(jdbc.queryForList("SELECT gb_code FROM device WHERE gb_code IS NOT NULL AND gb_credential_id IS NOT NULL",
                String.class));
    }

    /** The device's own GB/T 28181 password, if the ledger holds one; empty means the server's default applies. */
    @Transactional(readOnly = true)
    public Optional<String> passwordOf(String code) {
        List<Long> credentialIds = jdbc.queryForList("SELECT gb_credential_id FROM device WHERE gb_code = ?"
                + " AND gb_credential_id IS NOT NULL", Long.class, code);
        return credentialIds.stream().findFirst().flatMap(credentials::findById)
                .filter(c -> c.getKind() == Credential.Kind.GB28181 && c.hasSecret())
                .map(c -> c.secret(cipher));
    }
}
