package org.xueliang.tracker.agent.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.xueliang.tracker.agent.onvif.Soap;
import org.xueliang.tracker.agent.sim.SimCamera.Answer;

/** Ready-made simulator answers. */
final class Answers {

    /** The same for every camera and request: made once. */
    private static final Answer NOT_AUTHORIZED = new Answer(400, Soap.CONTENT_TYPE, Soap.fault("Sender",
            "ter:NotAuthorized", null, "Sender not Authorized").getBytes(StandardCharsets.UTF_8), null);

    private Answers() {
    }

    static Answer soap(String bodyXml) {
        return soapEnvelope(Soap.envelope(null, bodyXml));
    }

    static Answer soapEnvelope(String envelope) {
        return new Answer(200, Soap.CONTENT_TYPE, envelope.getBytes(StandardCharsets.UTF_8), null);
    }

    static Answer notAuthorized() {
        return NOT_AUTHORIZED;
    }

    static Answer actionNotSupported(String op) {
        return new Answer(500, Soap.CONTENT_TYPE, Soap.fault("Receiver", "ter:ActionNotSupported", "ter:InvalidOperation",
                "Optional Action Not Implemented: " + op).getBytes(StandardCharsets.UTF_8), null);
    }

    static Answer badRequest(String why) {
        return new Answer(400, Soap.CONTENT_TYPE, Soap.fault("Sender", "ter:InvalidArgVal", null, why)
                .getBytes(StandardCharsets.UTF_8), null);
    }

    static Answer jpeg(byte[] bytes) {
        return new Answer(200, "image/jpeg", bytes, null);
    }

    static Answer digestChallenge(String realm, String nonce) {
        return new Answer(401, "text/plain", "401 Unauthorized".getBytes(StandardCharsets.US_ASCII),
                Map.of("WWW-Authenticate", "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce
                        + "\", algorithm=MD5"));
    }

    static Answer notFound() {
        return new Answer(404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII), null);
    }
}
