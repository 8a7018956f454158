package org.xueliang.tracker.agent.sim.gb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A device's answer to a digest challenge (RFC 2617 / RFC 3261 §22, MD5): the challenge's realm, nonce, opaque and
 * qop read through JAIN-SIP's headers; {@code qop=auth} when offered, with a fresh cnonce and nc 00000001.
 */
final class Digest {

    private Digest() {
    }

    static AuthorizationHeader authorization(HeaderFactory headers, Response challenge, Request request, String user,
                                             String password) throws ParseException {
        WWWAuthenticateHeader w = (WWWAuthenticateHeader) challenge.getHeader(WWWAuthenticateHeader.NAME);
        if (w == null) {
            w = (ProxyAuthenticateHeader) challenge.getHeader(ProxyAuthenticateHeader.NAME);
        }
        if (w == null) {
            throw new ParseException("a " + challenge.getStatusCode() + " without a challenge", 0);
        }
        String uri = request.getRequestURI().toString();
        String realm = w.getRealm();
        String nonce = w.getNonce();
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(request.getMethod() + ":" + uri);
        boolean qopAuth = w.getQop() != null && w.getQop().toLowerCase(Locale.ROOT).contains("auth");
        AuthorizationHeader a = headers.createAuthorizationHeader("Digest");
        a.setUsername(user);
        a.setRealm(realm);
        a.setNonce(nonce);
        a.setURI(request.getRequestURI());
        a.setAlgorithm("MD5");
        if (qopAuth) {
            String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
            String nc = "00000001";
            a.setQop("auth");
            a.setCNonce(cnonce);
            a.setNonceCount(1);
            a.setResponse(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2));
        } else {
            a.setResponse(md5(ha1 + ":" + nonce + ":" + ha2));
        }
        if (w.getOpaque() != null) {
            a.setOpaque(w.getOpaque());
        }
        return a;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
