package org.xueliang.tracker.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return byCode(codes, "id");
    }

    /** The project of the ledger device carrying each code, for the codes that a ledger device carries. */
    @Transactional(readOnly = true)
    public Map<String, Long> projectIdsByCode(Collection<String> codes) {
        return byCode(codes, "project_id");
    }

    private Map<String, Long> byCode(Collection<String> codes, String column) {
        Map<String, Long> ids = new HashMap<>();
        List<String> distinct = codes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            String in = chunk.stream().map(c -> "?").collect(Collectors.joining(","));
            jdbc.query("SELECT gb_code, " + column + " FROM device WHERE gb_code IN (" + in + ")",
                    rs -> { ids.put(rs.getString(1), rs.getLong(2)); }, chunk.toArray());
        }
        return ids;
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
