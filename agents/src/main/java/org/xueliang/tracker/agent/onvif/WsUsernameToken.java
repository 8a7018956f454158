package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * WS-Security UsernameToken with PasswordDigest, as ONVIF devices expect it:
 * digest = Base64(SHA-1(nonce + created + password)), Created in UTC with a Z. The caller passes
 * Created already corrected by the device's clock offset so devices that check freshness accept it.
 */
public final class WsUsernameToken {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DIGEST_TYPE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    static final String NONCE_ENCODING = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WsUsernameToken() {
    }

    /** Created as devices want it: seconds precision, UTC, trailing Z. */
    public static String created(Instant deviceNow) {
        return DateTimeFormatter.ISO_INSTANT.format(deviceNow.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    /** A Security header block for one request, with a fresh 16-byte nonce. */
    public static String header(String username, String password, Instant deviceNow) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return header(username, password, nonce, created(deviceNow));
    }

    static String header(String username, String password, byte[] nonce, String created) {
        return "<wsse:Security s:mustUnderstand=\"1\" xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<wsse:UsernameToken><wsse:Username>" + SafeXml.escape(username) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + DIGEST_TYPE + "\">" + digest(nonce, created, password) + "</wsse:Password>"
                + "<wsse:Nonce EncodingType=\"" + NONCE_ENCODING + "\">" + Base64.getEncoder().encodeToString(nonce)
                + "</wsse:Nonce><wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }
}
