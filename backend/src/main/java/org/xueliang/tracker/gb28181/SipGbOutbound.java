package org.xueliang.tracker.gb28181;

import java.nio.charset.Charset;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

import gov.nist.javax.sip.Utils;

/**
 * {@link GbOutbound} over the SIP stack: each request a client transaction (retransmitted over UDP, timed out by the
 * stack) to the host, port and transport the device registered from, as read from {@code gb_registration} — so a
 * replica that did not take the REGISTER sends as well (over TCP it opens its own connection). From is the server's
 * id at its domain. The body is written in GB2312 (GB18030 bytes), which devices expect. The answer becomes a
 * {@link GbRequestAnswered} event.
 */
@Component
class SipGbOutbound implements GbOutbound {

    private static final Logger log = LoggerFactory.getLogger(SipGbOutbound.class);
    static final Charset BODY_CHARSET = Charset.forName("GB18030");

    private final GbSipStack stack;
    private final SipFactories sip;
    private final GbRegistrations registrations;
    private final GbSettings settings;
    private final Clock clock;
    private final AtomicLong cseq = new AtomicLong();

    SipGbOutbound(GbSipStack stack, SipFactories sip, GbRegistrations registrations, GbSettings settings, Clock clock) {
        this.stack = stack;
        this.sip = sip;
        this.registrations = registrations;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean message(String deviceCode, ManscdpMessage body) {
        return send(deviceCode, Request.MESSAGE, body, -1);
    }

    @Override
    public boolean subscribeCatalog(String deviceCode, ManscdpMessage body, int expiresSeconds) {
        return send(deviceCode, Request.SUBSCRIBE, body, expiresSeconds);
    }

    private boolean send(String deviceCode, String method, ManscdpMessage body, int expiresSeconds) {
        if (!stack.running()) {
            return false;
        }
        Optional<GbRegistrations.Address> to = registrations.current(deviceCode, clock.instant());
        if (to.isEmpty()) {
            return false;
        }
        try {
            SipProvider provider = stack.provider();
            Request request = request(provider, to.get(), method, body, expiresSeconds);
            ClientTransaction t = provider.getNewClientTransaction(request);
            t.setApplicationData(new GbSipListener.SentRequest(deviceCode, body.cmdType()));
            t.sendRequest();
            return true;
        } catch (ParseException | InvalidArgumentException | SipException e) {
            log.warn("GB/T 28181 {} {} to {} not sent: {}", method, body.cmdType(), deviceCode, e.toString());
            return false;
        }
    }

    private Request request(SipProvider provider, GbRegistrations.Address to, String method, ManscdpMessage body, int expiresSeconds)
            throws ParseException, InvalidArgumentException {
        String transport = "TCP".equalsIgnoreCase(to.transport()) ? ListeningPoint.TCP : ListeningPoint.UDP;
        SipURI target = sip.addresses().createSipURI(to.deviceCode(), to.host() + ":" + to.port());
        if (ListeningPoint.TCP.equals(transport)) {
            target.setTransportParam("tcp");
        }
        Address server = sip.addresses().createAddress(sip.addresses().createSipURI(settings.serverId(), settings.domain()));
        FromHeader from = sip.headers().createFromHeader(server, Utils.getInstance().generateTag());
        ToHeader toHeader = sip.headers().createToHeader(
                sip.addresses().createAddress(sip.addresses().createSipURI(to.deviceCode(), to.deviceCode().substring(0, 10))), null);
        ViaHeader via = sip.headers().createViaHeader(stack.host(), stack.port(), transport, Utils.getInstance().generateBranchId());
        via.setRPort();
        CallIdHeader callId = provider.getNewCallId();
        Request r = sip.messages().createRequest(target, method, callId,
                sip.headers().createCSeqHeader(cseq.incrementAndGet() % Integer.MAX_VALUE + 1, method), from, toHeader,
                List.of(via), sip.headers().createMaxForwardsHeader(70));
        if (Request.SUBSCRIBE.equals(method)) {
            r.addHeader(sip.headers().createEventHeader("Catalog"));
            r.addHeader(sip.headers().createExpiresHeader(expiresSeconds));
            SipURI contact = sip.addresses().createSipURI(settings.serverId(), stack.host() + ":" + stack.port());
            r.addHeader(sip.headers().createContactHeader(sip.addresses().createAddress(contact)));
        }
        ContentTypeHeader type = sip.headers().createContentTypeHeader("Application", "MANSCDP+xml");
        r.setContent(Manscdp.write(body, BODY_CHARSET), type);
        return r;
    }
}
