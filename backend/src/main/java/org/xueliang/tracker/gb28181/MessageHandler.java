package org.xueliang.tracker.gb28181;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpException;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * MESSAGE and NOTIFY with a MANSCDP body. A body that does not parse gets 400 and nothing happens. Keepalive
 * (Notify) gets 200 and is counted by {@link KeepaliveRecorder} (counted only for a device registered from that host;
 * others get 200 too, so a device that lost its registration is not pushed into a retry storm — it re-registers when
 * its own registration runs out). Any other CmdType from a registered device gets 200 and goes to its
 * {@link ManscdpHandler} through {@link ManscdpDispatcher}; from a device not registered now, 403.
 */
@Component
class MessageHandler {

    static final String KEEPALIVE = "Keepalive";

    private final SipFactories sip;
    private final KeepaliveRecorder keepalives;
    private final GbRegistrations registrations;
    private final ManscdpDispatcher dispatcher;
    private final Clock clock;

    MessageHandler(SipFactories sip, KeepaliveRecorder keepalives, GbRegistrations registrations, ManscdpDispatcher dispatcher,
                   Clock clock) {
        this.sip = sip;
        this.keepalives = keepalives;
        this.registrations = registrations;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    Response handle(Request request, SipPeer peer) throws ParseException {
        Instant now = clock.instant();
        byte[] body = request.getRawContent();
        if (!peer.hasDeviceCode()) {
            return sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        if (body == null || body.length == 0) {
            return sip.messages().createResponse(Response.BAD_REQUEST, request);
        }
        ManscdpMessage message;
        try {
            message = Manscdp.parse(body);
        } catch (ManscdpException e) {
            Response bad = sip.messages().createResponse(Response.BAD_REQUEST, request);
            bad.setReasonPhrase("Bad MANSCDP body");
            return bad;
        }
        if (KEEPALIVE.equalsIgnoreCase(message.cmdType())) {
            keepalives.received(peer.deviceCode(), peer.host(), now);
            return sip.messages().createResponse(Response.OK, request);
        }
        if (registrations.current(peer.deviceCode(), now).isEmpty()) {
            return sip.messages().createResponse(Response.FORBIDDEN, request);
        }
        dispatcher.dispatch(peer.deviceCode(), message, now);
        return sip.messages().createResponse(Response.OK, request);
    }
}
