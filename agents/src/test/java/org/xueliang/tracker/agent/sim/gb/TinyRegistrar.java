package org.xueliang.tracker.agent.sim.gb;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.clientauthutils.DigestServerAuthenticationHelper;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpException;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * A small GB/T 28181 platform for the simulator's tests, on its own JAIN-SIP stack: REGISTER with a digest
 * challenge issued by JAIN-SIP's {@link DigestServerAuthenticationHelper} and checked here
 * (its own check reads Proxy-Authorization only), 403 for a wrong password, 200 with Date and Expires; keepalives counted; every other MANSCDP body
 * kept; queries (MESSAGE) and a Catalog SUBSCRIBE sent to a registered device's Contact.
 */
final class TinyRegistrar implements AutoCloseable {

    static final String SERVER_ID = "14082400002000000001";
    static final String DOMAIN = "1408240000";

    private static final AtomicInteger STACKS = new AtomicInteger();

    final Map<String, ContactHeader> registered = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> keepalives = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    final List<String> unregistered = new CopyOnWriteArrayList<>();
    /** Bodies other than keepalives, from MESSAGE and NOTIFY, as (sender code, body). */
    final List<Map.Entry<String, ManscdpMessage>> bodies = new CopyOnWriteArrayList<>();
    final List<Integer> subscribeAnswers = new CopyOnWriteArrayList<>();

    private final Map<String, String> passwords;
    private final SipStack stack;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final MessageFactory messages;
    private final DigestServerAuthenticationHelper digest;
    private final String transport;
    private final int port;
    private final AtomicInteger sn = new AtomicInteger(100);

    TinyRegistrar(String transport, Map<String, String> passwords) throws Exception {
        this.transport = transport;
        this.passwords = passwords;
        SipFactory f = SipFactory.getInstance();
        f.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "tiny-registrar-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = f.createSipStack(p);
        headers = f.createHeaderFactory();
        addresses = f.createAddressFactory();
        messages = f.createMessageFactory();
        digest = new DigestServerAuthenticationHelper();
        int free;
        if (transport.equals("udp")) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                free = s.getLocalPort();
            }
        } else {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = s.getLocalPort();
            }
        }
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", free, transport);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(new Listener());
        port = lp.getPort();
        stack.start();
    }

    int port() {
        return port;
    }

    int keepalivesOf(String code) {
        AtomicInteger n = keepalives.get(code);
        return n == null ? 0 : n.get();
    }

    List<ManscdpMessage> bodies(String code, String cmdType) {
        return bodies.stream().filter(e -> e.getKey().equals(code) && e.getValue().cmdType().equals(cmdType))
                .map(Map.Entry::getValue).toList();
    }

    /** Sends a MANSCDP query in a MESSAGE to the registered device {@code code}. */
    void query(String code, String cmdType, String deviceId, Map<String, String> fields) throws Exception {
        ManscdpMessage q = ManscdpMessage.of(ManscdpMessage.Root.Query, cmdType, sn.incrementAndGet(), deviceId, fields);
        Request r = toDevice(code, Request.MESSAGE);
        r.setContent(Manscdp.write(q, StandardCharsets.UTF_8), headers.createContentTypeHeader("Application", "MANSCDP+xml"));
        provider.getNewClientTransaction(r).sendRequest();
    }

    /** Sends SUBSCRIBE (Event: Catalog) to the registered device; its NOTIFYs come back in this dialog. */
    void subscribeCatalog(String code) throws Exception {
        Request r = toDevice(code, Request.SUBSCRIBE);
        r.addHeader(headers.createEventHeader("Catalog"));
        r.addHeader(headers.createExpiresHeader(3600));
        r.addHeader(headers.createContactHeader(addresses.createAddress(addresses.createSipURI(SERVER_ID, "127.0.0.1:" + port))));
        ManscdpMessage q = ManscdpMessage.of(ManscdpMessage.Root.Query, "Catalog", sn.incrementAndGet(), code, Map.of());
        r.setContent(Manscdp.write(q, StandardCharsets.UTF_8), headers.createContentTypeHeader("Application", "MANSCDP+xml"));
        ClientTransaction ct = provider.getNewClientTransaction(r);
        provider.getNewDialog(ct);
        ct.sendRequest();
    }

    private Request toDevice(String code, String method) throws Exception {
        ContactHeader contact = registered.get(code);
        if (contact == null) {
            throw new IllegalStateException(code + " is not registered");
        }
        SipURI target = (SipURI) contact.getAddress().getURI().clone();
        SipURI from = addresses.createSipURI(SERVER_ID, DOMAIN);
        SipURI to = addresses.createSipURI(code, DOMAIN);
        ViaHeader via = headers.createViaHeader("127.0.0.1", port, transport, null);
        CallIdHeader call = provider.getNewCallId();
        return messages.createRequest(target, method, call, headers.createCSeqHeader(1L, method),
                headers.createFromHeader(addresses.createAddress(from), Long.toHexString(System.nanoTime())),
                headers.createToHeader(addresses.createAddress(to), null), new ArrayList<>(List.of(via)),
                headers.createMaxForwardsHeader(70));
    }

    private void onRegister(RequestEvent e) throws Exception {
        Request r = e.getRequest();
        String code = ((SipURI) ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        String password = passwords.get(code);
        if (r.getHeader(javax.sip.header.AuthorizationHeader.NAME) == null) {
            Response challenge = messages.createResponse(Response.UNAUTHORIZED, r);
            digest.generateChallenge(headers, challenge, DOMAIN);
            send(e, challenge);
            return;
        }
        if (password == null || !digestMatches(r, password)) {
            refused.add(code);
            send(e, messages.createResponse(Response.FORBIDDEN, r));
            return;
        }
        int expires = r.getExpires() == null ? 3600 : r.getExpires().getExpires();
        Response ok = messages.createResponse(Response.OK, r);
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
        ok.addHeader(headers.createDateHeader(now));
        ok.addHeader(headers.createExpiresHeader(expires));
        if (expires == 0) {
            registered.remove(code);
            unregistered.add(code);
        } else {
            registered.put(code, (ContactHeader) r.getHeader(ContactHeader.NAME));
        }
        send(e, ok);
    }

    /** RFC 2617 without qop (the challenge offers none), computed here rather than by the code under test. */
    private static boolean digestMatches(Request r, String password) throws Exception {
        javax.sip.header.AuthorizationHeader a = (javax.sip.header.AuthorizationHeader) r.getHeader(javax.sip.header.AuthorizationHeader.NAME);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        java.util.HexFormat hex = java.util.HexFormat.of();
        String ha1 = hex.formatHex(md5.digest((a.getUsername() + ":" + a.getRealm() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        String ha2 = hex.formatHex(md5.digest((r.getMethod() + ":" + a.getURI()).getBytes(StandardCharsets.UTF_8)));
        String expected = hex.formatHex(md5.digest((ha1 + ":" + a.getNonce() + ":" + ha2).getBytes(StandardCharsets.UTF_8)));
        return a.getRealm().equals(DOMAIN) && expected.equals(a.getResponse());
    }

    private void onBody(RequestEvent e) throws Exception {
        Request r = e.getRequest();
        String code = ((SipURI) ((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        ManscdpMessage m;
        try {
            m = Manscdp.parse(r.getRawContent());
        } catch (ManscdpException bad) {
            send(e, messages.createResponse(Response.BAD_REQUEST, r));
            return;
        }
        send(e, messages.createResponse(Response.OK, r));
        if (m.cmdType().equals("Keepalive")) {
            keepalives.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        } else {
            bodies.add(Map.entry(code, m));
        }
    }

    private void send(RequestEvent e, Response response) throws Exception {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(Long.toHexString(System.nanoTime()));
        }
        ServerTransaction st = e.getServerTransaction() != null ? e.getServerTransaction()
                : provider.getNewServerTransaction(e.getRequest());
        st.sendResponse(response);
    }

    @Override
    public void close() {
        stack.stop();
    }

    private final class Listener implements SipListener {
        @Override
        public void processRequest(RequestEvent e) {
            try {
                switch (e.getRequest().getMethod()) {
                    case Request.REGISTER -> onRegister(e);
                    case Request.MESSAGE, Request.NOTIFY -> onBody(e);
                    default -> send(e, messages.createResponse(Response.NOT_IMPLEMENTED, e.getRequest()));
                }
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public void processResponse(ResponseEvent e) {
            if (e.getResponse().getHeader(javax.sip.header.CSeqHeader.NAME) instanceof javax.sip.header.CSeqHeader cs
                    && cs.getMethod().equals(Request.SUBSCRIBE)) {
                subscribeAnswers.add(e.getResponse().getStatusCode());
            }
        }

        @Override
        public void processTimeout(TimeoutEvent e) {
        }

        @Override
        public void processIOException(IOExceptionEvent e) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent e) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent e) {
        }
    }
}
