package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Digest access authentication (RFC 7616, MD5 and SHA-256, qop=auth or none), used when a
 * device answers 401 with {@code WWW-Authenticate: Digest ...} (snapshot URIs, some SOAP endpoints).
 * The simulator uses {@link #response} to check what clients send.
 */
public final class HttpDigest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpDigest() {
    }

    /** A parsed Digest challenge. */
    public record Challenge(String realm, String nonce, String opaque, String algorithm, String qop) {
    }

    /** The Digest challenge among the WWW-Authenticate headers, if any. */
    public static Optional<Challenge> challenge(List<String> wwwAuthenticate) {
        for (String h : wwwAuthenticate) {
            String t = h.trim();
            if (t.regionMatches(true, 0, "Digest ", 0, 7)) {
                Map<String, String> p = params(t.substring(7));
                if (p.containsKey("nonce")) {
                    String qop = p.getOrDefault("qop", "");
                    String chosen = qop.isEmpty() ? "" : (List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
                            .contains("auth") ? "auth" : "unsupported");
                    return Optional.of(new Challenge(p.getOrDefault("realm", ""), p.get("nonce"), p.get("opaque"),
                            p.getOrDefault("algorithm", "MD5"), chosen));
                }
            }
        }
        return Optional.empty();
    }

    /** The Authorization header value answering a challenge, with a fresh client nonce. */
    public static String authorization(Challenge c, String method, String uri, String user, String password) {
        byte[] cn = new byte[12];
        RANDOM.nextBytes(cn);
        return authorization(c, method, uri, user, password, HexFormat.of().formatHex(cn), 1);
    }

    static String authorization(Challenge c, String method, String uri, String user, String password, String cnonce,
                                int nc) {
        String ncHex = String.format("%08x", nc);
        String resp = response(c.algorithm(), user, c.realm(), password, method, uri, c.nonce(), ncHex, cnonce, c.qop());
        StringBuilder b = new StringBuilder("Digest username=\"").append(quote(user)).append("\", realm=\"")
                .append(quote(c.realm())).append("\", uri=\"").append(quote(uri)).append("\", algorithm=")
                .append(c.algorithm()).append(", nonce=\"").append(quote(c.nonce())).append('"');
        if (!c.qop().isEmpty()) {
            b.append(", nc=").append(ncHex).append(", cnonce=\"").append(quote(cnonce)).append("\", qop=").append(c.qop());
        }
        b.append(", response=\"").append(resp).append('"');
        if (c.opaque() != null) {
            b.append(", opaque=\"").append(quote(c.opaque())).append('"');
        }
        return b.toString();
    }

    /** The request-digest of RFC 7616 §3.4.1 (no -sess variants). */
    public static String response(String algorithm, String user, String realm, String password, String method,
                                  String uri, String nonce, String nc, String cnonce, String qop) {
        String alg = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(alg, user + ":" + realm + ":" + password);
        String ha2 = hash(alg, method + ":" + uri);
        String data = qop == null || qop.isEmpty()
                ? ha1 + ":" + nonce + ":" + ha2
                : ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2;
        return hash(alg, data);
    }

    /** Comma-separated auth-params, values quoted or not. */
    public static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    v.append(s.charAt(i++));
                }
            }
            out.put(key, v.toString().trim());
        }
        return out;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String hash(String alg, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }
}
