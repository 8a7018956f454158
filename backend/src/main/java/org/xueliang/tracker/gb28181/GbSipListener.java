package org.xueliang.tracker.gb28181;

import java.text.ParseException;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import gov.nist.javax.sip.Utils;

/**
 * The SIP stack's listener: each request in a server transaction (a retransmission is absorbed by the stack), REGISTER
 * to {@link RegisterHandler}, MESSAGE and NOTIFY to {@link MessageHandler}, OPTIONS answered 200, anything else 501.
 * Final answers to the server's own requests become {@link GbRequestAnswered} events.
 */
@Component
class GbSipListener implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(GbSipListener.class);

    private final SipFactories sip;
    private final RegisterHandler register;
    private final MessageHandler messages;
    private final ApplicationEventPublisher events;

    GbSipListener(SipFactories sip, RegisterHandler register, MessageHandler messages, ApplicationEventPublisher events) {
        this.sip = sip;
        this.register = register;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return; // ends a transaction of a request this server refused; nothing to answer
        }
        ServerTransaction transaction = event.getServerTransaction();
        try {
            if (transaction == null) {
                transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            return;
        } catch (TransactionUnavailableException e) {
            log.debug("GB/T 28181 request not taken: {}", e.getMessage());
            return;
        }
        Response now;
        try {
            now = answer(request, transaction);
        } catch (ParseException | RuntimeException e) {
            log.warn("GB/T 28181 {} not answered: {}", request.getMethod(), e.toString());
            send(transaction, request, null);
            return;
        }
        if (now != null) {
            send(transaction, request, now);
        }
    }

    /** Sends {@code response}, or a 500 when it is null (the request could not be handled) or cannot be sent. */
    private void send(ServerTransaction transaction, Request request, Response response) {
        try {
            if (response == null) {
                response = sip.messages().createResponse(Response.SERVER_INTERNAL_ERROR, request);
            }
            transaction.sendResponse(tagged(response));
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            log.warn("GB/T 28181 {} not answered: {}", request.getMethod(), e.toString());
            if (response != null && response.getStatusCode() != Response.SERVER_INTERNAL_ERROR) {
                send(transaction, request, null);
            }
        }
    }

    /** The answer to send now; null when it is sent later (an accepted REGISTER, once its row is written). */
    private Response answer(Request request, ServerTransaction transaction) throws ParseException {
        SipPeer peer = SipPeer.of(request, transaction);
        return switch (request.getMethod()) {
            case Request.REGISTER -> register.handle(request, peer, later -> send(transaction, request, later));
            case Request.MESSAGE, Request.NOTIFY -> messages.handle(request, peer);
            case Request.OPTIONS -> sip.messages().createResponse(Response.OK, request);
            default -> sip.messages().createResponse(Response.NOT_IMPLEMENTED, request);
        };
    }

    private static Response tagged(Response r) throws ParseException {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(Utils.getInstance().generateTag());
        }
        return r;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() < 200) {
            return;
        }
        ClientTransaction t = event.getClientTransaction();
        if (t != null && t.getApplicationData() instanceof SentRequest sent) {
            events.publishEvent(new GbRequestAnswered(sent.deviceCode(), method(response), sent.cmdType(), response.getStatusCode()));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction t = event.getClientTransaction();
        if (t != null && t.getApplicationData() instanceof SentRequest sent) {
            events.publishEvent(new GbRequestAnswered(sent.deviceCode(), t.getRequest().getMethod(), sent.cmdType(),
                    Response.REQUEST_TIMEOUT));
        }
    }

    private static String method(Response response) {
        return ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("GB/T 28181 I/O error with {}:{} over {}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs: AUTOMATIC_DIALOG_SUPPORT is off
    }

    /** What a client transaction of {@link SipGbOutbound} carries, to name its answer. */
    record SentRequest(String deviceCode, String cmdType) {
    }
}
