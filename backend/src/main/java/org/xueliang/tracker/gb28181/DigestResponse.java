package org.xueliang.tracker.gb28181;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sip.header.AuthorizationHeader;

/** The MD5 digest a device must answer (RFC 2617 §3.2.2, with or without qop=auth) and its constant-time check. */
final class DigestResponse {

    private DigestResponse() {
    }

    static String expected(AuthorizationHeader a, String method, String password) {
        String ha1 = md5(a.getUsername() + ":" + a.getRealm() + ":" + password);
        String ha2 = md5(method + ":" + a.getURI());
        String qop = a.getQop();
        if (qop != null && !qop.isEmpty()) {
            String nc = String.format("%08x", a.getNonceCount());
            return md5(ha1 + ":" + a.getNonce() + ":" + nc + ":" + a.getCNonce() + ":" + qop + ":" + ha2);
        }
        return md5(ha1 + ":" + a.getNonce() + ":" + ha2);
    }

    static boolean matches(AuthorizationHeader a, String method, String password) {
        String sent = a.getResponse();
        return sent != null && MessageDigest.isEqual(sent.toLowerCase().getBytes(StandardCharsets.US_ASCII),
                expected(a, method, password).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
