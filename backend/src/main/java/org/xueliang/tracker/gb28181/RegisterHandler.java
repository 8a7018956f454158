package org.xueliang.tracker.gb28181;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Consumer;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.audit.AuditTrail;

import gov.nist.javax.sip.Utils;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;

/**
 * REGISTER (GB/T 28181 §9.1): MD5 digest challenge (realm = the server's domain, a signed stateless nonce), the
 * password from the device's ledger credential or else the server default, 403 for a wrong one (audited, and
 * throttled per code and host), 200 with Expires and the server's time in {@code Date} (校时) for a right one, and
 * Expires 0 ends the registration. The digest is checked here, on the SIP thread; the row is written by
 * {@link RegistrationWriter} in a group with other REGISTERs, and the 200 is sent once it is committed. A fresh
 * registration publishes {@link GbDeviceRegistered} in that transaction, so listeners after commit see the row.
 */
@Component
class RegisterHandler {

    static final String ACTION_REFUSED = "GB_REGISTER_REFUSED";
    static final String ACTION_THROTTLED = "GB_REGISTER_THROTTLED";
    static final String AUDIT_ENTITY = "GbDevice";
    /** GB/T 28181 §9.10: the server's local time in the 200's Date header, with milliseconds. */
    static final DateTimeFormatter GB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final int MAX_EXPIRES_SECONDS = 86_400;
    private static final int MIN_EXPIRES_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(RegisterHandler.class);

    private final GbSettings settings;
    private final SipFactories sip;
    private final DigestNonces nonces;
    private final RegisterThrottle throttle;
    private final RegistrationWriter writer;
    private final GbPasswords passwords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    RegisterHandler(GbSettings settings, SipFactories sip, DigestNonces nonces, RegisterThrottle throttle, RegistrationWriter writer,
                    GbPasswords passwords, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.settings = settings;
        this.sip = sip;
        this.nonces = nonces;
        this.throttle = throttle;
        this.writer = writer;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Answers a REGISTER: a refusal or a challenge at once (returned), an accepted one once its row is written
     * ({@link RegistrationWriter} calls {@code later} with the 200, or with null when it could not be written; this
     * method then returns null).
     */
    Response handle(Request request, SipPeer peer, Consumer<Response> later) throws ParseException {
        if (!peer.hasDeviceCode()) {
            return sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        Instant now = clock.instant();
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        RegisterThrottle.Standing standing = throttle.standing(peer.deviceCode(), peer.host(), now);
        if (standing == RegisterThrottle.Standing.BLOCKED) {
            return sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        if (auth == null || !settings.domain().equals(auth.getRealm())) {
            return challenge(request, peer, false);
        }
        switch (nonces.check(auth.getNonce(), peer.host())) {
            case FORGED:
                log.debug("GB/T 28181 REGISTER of {} from {}: a nonce this server did not issue to that host", peer.deviceCode(), peer.host());
                return challenge(request, peer, false);
            case STALE:
                return challenge(request, peer, true);
            default:
                break;
        }
        String password = passwords.passwordOf(peer.deviceCode());
        if (password.isEmpty() || !DigestResponse.matches(auth, Request.REGISTER, password)) {
            refuse(peer, now, password.isEmpty());
            return sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        int expires = requestedExpires(request);
        writer.submit(new RegistrationWriter.Entry(new GbRegistrations.Registration(peer.address(), contact(request), expires, now),
                expires == 0, standing == RegisterThrottle.Standing.COUNTING, registered(request, expires, now), later));
        return null;
    }

    private Response challenge(Request request, SipPeer peer, boolean stale) throws ParseException {
        Response r = sip.messages().createResponse(Response.UNAUTHORIZED, request);
        WWWAuthenticateHeader w = sip.headers().createWWWAuthenticateHeader("Digest");
        w.setRealm(settings.domain());
        w.setNonce(nonces.issue(peer.host()));
        w.setAlgorithm("MD5");
        if (stale) {
            w.setParameter("stale", "true");
        }
        r.addHeader(w);
        tag(r);
        return r;
    }

    private void refuse(SipPeer peer, Instant now, boolean noPassword) {
        tx.executeWithoutResult(status -> {
            boolean nowBlocked = throttle.failed(peer.deviceCode(), peer.host(), now);
            Map<String, Object> detail = Map.of("host", peer.host(), "transport", peer.transport());
            audit.recordAs(AuditTrail.SYSTEM_ACTOR, ACTION_REFUSED, AUDIT_ENTITY, peer.deviceCode(),
                    noPassword ? "REGISTER refused: no password is set for this device and no default (XL_GB_PASSWORD)"
                            : "REGISTER refused: wrong digest from " + peer.host(), null, detail);
            if (nowBlocked) {
                audit.recordAs(AuditTrail.SYSTEM_ACTOR, ACTION_THROTTLED, AUDIT_ENTITY, peer.deviceCode(),
                        "REGISTER from " + peer.host() + " refused unchecked for " + settings.authBlock() + " after "
                                + settings.authMaxFailures() + " failures", null, detail);
            }
        });
        log.warn("GB/T 28181 REGISTER of {} from {} refused", peer.deviceCode(), peer.host());
    }

    private Response registered(Request request, int expires, Instant now) throws ParseException {
        Response r = sip.messages().createResponse(Response.OK, request);
        ExtensionHeaderImpl date = new ExtensionHeaderImpl("Date");
        date.setValue(GB_DATE.format(now.atZone(clock.getZone())));
        r.setHeader(date);
        try {
            r.setHeader(sip.headers().createExpiresHeader(expires));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("expires is bounded", e);
        }
        ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            r.addHeader((ContactHeader) ((ContactHeader) contacts.next()).clone());
        }
        tag(r);
        return r;
    }

    private static void tag(Response r) throws ParseException {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(Utils.getInstance().generateTag());
        }
    }

    /** Expires header, else the Contact's expires parameter, else the default; 0 stays 0, others are bounded. */
    private int requestedExpires(Request request) {
        int asked = -1;
        ExpiresHeader e = request.getExpires();
        if (e != null) {
            asked = e.getExpires();
        } else if (request.getHeader(ContactHeader.NAME) instanceof ContactHeader c && c.getExpires() >= 0) {
            asked = c.getExpires();
        }
        if (asked == 0) {
            return 0;
        }
        if (asked < 0) {
            return settings.registerExpiresSeconds();
        }
        return Math.max(MIN_EXPIRES_SECONDS, Math.min(MAX_EXPIRES_SECONDS, asked));
    }

    private static String contact(Request request) {
        return request.getHeader(ContactHeader.NAME) instanceof ContactHeader c ? c.getAddress().toString() : null;
    }
}
