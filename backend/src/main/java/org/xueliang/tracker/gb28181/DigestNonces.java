package org.xueliang.tracker.gb28181;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Stateless digest nonces (RFC 2617 §3.2.1 leaves their form to the server): the time of issue, a random part and an
 * HMAC-SHA256 over both and the source host, keyed by {@link GbServerKey}. Nothing is stored, any replica verifies a
 * nonce another issued, a nonce taken to another host does not verify, and one older than {@link #MAX_AGE} is stale
 * (the device is challenged again, as RFC 2617 "stale=true" describes).
 */
@Component
class DigestNonces {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final int MAC_BYTES = 16;

    enum Verdict { VALID, STALE, FORGED }

    private final GbServerKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();

    DigestNonces(GbServerKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    String issue(String host) {
        byte[] body = ByteBuffer.allocate(16).putLong(clock.millis()).putLong(random.nextLong()).array();
        return HexFormat.of().formatHex(body) + HexFormat.of().formatHex(mac(body, host));
    }

    Verdict check(String nonce, String host) {
        if (nonce == null || nonce.length() != 2 * (16 + MAC_BYTES) || !nonce.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Verdict.FORGED;
        }
        byte[] raw = HexFormat.of().parseHex(nonce.toLowerCase());
        byte[] body = new byte[16];
        byte[] sent = new byte[MAC_BYTES];
        System.arraycopy(raw, 0, body, 0, 16);
        System.arraycopy(raw, 16, sent, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(sent, mac(body, host))) {
            return Verdict.FORGED;
        }
        Instant issued = Instant.ofEpochMilli(ByteBuffer.wrap(body).getLong());
        Instant now = clock.instant();
        return issued.isAfter(now.plusSeconds(5)) || issued.plus(MAX_AGE).isBefore(now) ? Verdict.STALE : Verdict.VALID;
    }

    private byte[] mac(byte[] body, String host) {
        try {
            // One keyed Mac per thread: looking the algorithm up and keying it for every nonce was a tenth of a REGISTER.
            Mac mac = macs.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
                macs.set(mac);
            }
            mac.update(body);
            mac.update(host.getBytes(StandardCharsets.UTF_8));
            byte[] full = mac.doFinal();
            byte[] out = new byte[MAC_BYTES];
            System.arraycopy(full, 0, out, 0, MAC_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
