package org.xueliang.tracker.agent.sim.gb;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.DateHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpException;
import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;

/**
 * Many simulated GB/T 28181 devices on one JAIN-SIP stack and one loopback port: each device registers (answering the
 * digest challenge), keeps alive, answers Catalog / DeviceInfo / DeviceStatus / RecordInfo queries and Catalog
 * SUBSCRIBEs, and unregisters (Expires 0) on {@link #close()}. Requests to the devices are routed by the Request-URI
 * user (else the To user): a device's code, or one of its channels' codes.
 *
 * <p>Registrations go through a window of at most {@code registerWindow} REGISTERs in flight, so a storm of 10,000
 * paces itself on the server's answers instead of overrunning its UDP buffer. A device that is refused or not
 * answered tries again after {@code retry}; one whose keepalives fail three times in a row registers again, as real
 * devices do. Every outgoing request goes to the server's address (the stack's outbound proxy), addressed to
 * {@code sip:SERVER_ID@DOMAIN} like a device configured with the platform's id and domain.
 */
public final class GbSimulator implements AutoCloseable {

    /** How the devices reach the server, and how they behave on the wire. */
    public record Options(String serverHost, int serverPort, String serverId, String domain, String transport,
                          Duration keepalive, int expiresSeconds, String listenHost, int listenPort, int registerWindow,
                          Duration retry, Charset charset) {
        public Options {
            transport = transport.toLowerCase(java.util.Locale.ROOT);
            if (!transport.equals("udp") && !transport.equals("tcp")) {
                throw new IllegalArgumentException("--transport is udp or tcp, not " + transport);
            }
            LoopbackAddresses.parse(serverHost);
            LoopbackAddresses.parse(listenHost);
            if (!serverId.matches("\\d{20}") || !domain.matches("\\d{10}")) {
                throw new IllegalArgumentException("the server id has 20 digits and the domain 10");
            }
            if (keepalive.isNegative() || keepalive.isZero() || expiresSeconds < 60 || registerWindow < 1) {
                throw new IllegalArgumentException("keepalive > 0, expires >= 60 s, register window >= 1");
            }
        }

        /** Loopback on both sides, GB2312 bodies, Expires 3600, 200 REGISTERs in flight, retry after 30 s. */
        public static Options of(String serverHost, int serverPort, String serverId, String domain, String transport,
                                 Duration keepalive) {
            return new Options(serverHost, serverPort, serverId, domain, transport, keepalive, 3600, "127.0.0.1", 0, 200,
                    Duration.ofSeconds(30), Charset.forName("GB18030"));
        }
    }

    /** Counters for the command line's progress lines and the benchmark. */
    public record Stats(int devices, int registered, long allRegisteredMillis, long keepalivesSent, long keepalivesOk,
                        long refused, long queriesAnswered, long notifies) {
    }

    private static final Logger log = LoggerFactory.getLogger(GbSimulator.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final String MANSCDP = "MANSCDP+xml";
    private static final int KEEPALIVE_FAILURES_BEFORE_REREGISTER = 3;

    private final Options options;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private final Map<String, Line> byAddress = new ConcurrentHashMap<>();
    private final BlockingQueue<Line> toRegister = new LinkedBlockingQueue<>();
    private final Semaphore window;
    private final ScheduledExecutorService timers;
    private final Thread registrar;
    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicLong allRegisteredMillis = new AtomicLong(-1);
    private final AtomicLong keepalivesSent = new AtomicLong();
    private final AtomicLong keepalivesOk = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong notifies = new AtomicLong();
    private final SipStack stack;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final MessageFactory messages;
    private final int port;
    private volatile boolean closing;

    private GbSimulator(Options options, Collection<GbSimDevice> devices) throws SipException {
        this.options = options;
        this.window = new Semaphore(options.registerWindow());
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, r -> daemon(r, "gb-sim-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timers = t;
        for (GbSimDevice d : devices) {
            Line line = new Line(d);
            if (lines.putIfAbsent(d.code(), line) != null) {
                throw new IllegalArgumentException("two simulated devices with the code " + d.code());
            }
        }
        lines.values().forEach(l -> l.device.channels().forEach(ch -> byAddress.putIfAbsent(ch, l)));
        byAddress.putAll(lines);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            headers = factory.createHeaderFactory();
            addresses = factory.createAddressFactory();
            messages = factory.createMessageFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new SipException("JAIN-SIP is not on the class path", e);
        }
        SipStack created = null;
        SipProvider p = null;
        int bound = -1;
        for (int attempt = 0; p == null; attempt++) {
            int wanted = options.listenPort() > 0 ? options.listenPort() : freePort(options.listenHost(), options.transport());
            try {
                created = factory.createSipStack(stackProperties(options));
                ListeningPoint lp = created.createListeningPoint(options.listenHost(), wanted, options.transport());
                p = created.createSipProvider(lp);
                p.addSipListener(new Listener());
                bound = lp.getPort();
            } catch (javax.sip.InvalidArgumentException | javax.sip.TransportNotSupportedException
                     | javax.sip.ObjectInUseException | javax.sip.PeerUnavailableException | TooManyListenersException e) {
                if (created != null) {
                    created.stop();
                }
                p = null;
                if (options.listenPort() > 0 || attempt >= 5) {
                    throw new SipException("cannot listen on " + options.listenHost() + ":" + wanted + "/" + options.transport()
                            + ": " + e.getMessage(), e);
                }
            }
        }
        this.stack = created;
        this.provider = p;
        this.port = bound;
        this.registrar = new Thread(this::registerLoop, "gb-sim-registrar");
        this.registrar.setDaemon(true);
    }

    /** Starts the stack and registers every device (the storm paces itself through the register window). */
    public static GbSimulator start(Options options, Collection<GbSimDevice> devices) throws SipException {
        GbSimulator sim = new GbSimulator(options, devices);
        sim.stack.start();
        sim.registrar.start();
        sim.lines.values().forEach(sim.toRegister::add);
        for (Line l : sim.lines.values()) {
            // Each event is sent as of the instant it stands for: the timer runs on System.nanoTime and may fire a few
            // milliseconds before that instant on the wall clock, where lostChannel(Instant.now()) would still be null.
            sim.at(l.device.videoLostAt(), () -> sim.notifyChannel(l, l.device.lostChannel(l.device.videoLostAt()), "VLOST"));
            sim.at(l.device.videoBackAt(), () -> sim.notifyChannel(l, l.device.vlostChannel(), "ON"));
        }
        return sim;
    }

    private void at(Instant when, Runnable task) {
        if (when != null) {
            timers.schedule(task, Math.max(0, Duration.between(Instant.now(), when).toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** The loopback port the devices send from and listen on. */
    public int port() { return port; }

    public Options options() { return options; }

    public Stats stats() {
        return new Stats(lines.size(), registered.get(), allRegisteredMillis.get(), keepalivesSent.get(), keepalivesOk.get(),
                refused.get(), answered.get(), notifies.get());
    }

    /** Whether the device with {@code code} holds a registration now. */
    public boolean isRegistered(String code) {
        Line l = lines.get(code);
        return l != null && l.registered;
    }

    /** The time the server last set the device's clock to (the Date of its last 200 to REGISTER), or null. */
    public Instant serverDate(String code) {
        Line l = lines.get(code);
        return l == null ? null : l.serverDate;
    }

    /** Unregisters every registered device (Expires 0, waiting up to a few seconds for the answers), then stops. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        registrar.interrupt();
        List<Line> registeredNow = lines.values().stream().filter(l -> l.registered).toList();
        CountDownLatch done = new CountDownLatch(registeredNow.size());
        // one bound for the whole goodbye, so a server that is gone cannot hold the stop for long
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(5, registeredNow.size() / 200));
        for (Line l : registeredNow) {
            l.cancelKeepalives();
            l.unregistered = done;
            try {
                if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                sendRegister(l, 0, null);
            } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException e) {
                window.release();
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            done.await(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        stack.stop();
    }

    // ---------------------------------------------------------------------------------------- registration

    private void registerLoop() {
        try {
            while (!closing) {
                Line l = toRegister.take();
                window.acquire();
                if (closing) {
                    return;
                }
                try {
                    sendRegister(l, options.expiresSeconds(), null);
                } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException e) {
                    window.release();
                    log.debug("REGISTER of {} not sent: {}", l.device.code(), e.getMessage());
                    retryLater(l);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendRegister(Line l, int expires, Response challenge)
            throws SipException, java.text.ParseException, javax.sip.InvalidArgumentException {
        Request r = request(l, Request.REGISTER, l.registerCallId, l.cseq.incrementAndGet(),
                addresses.createSipURI(l.device.code(), options.domain()));
        r.addHeader(headers.createExpiresHeader(expires));
        if (challenge != null) {
            r.addHeader(Digest.authorization(headers, challenge, r, l.device.code(), l.device.passwordToSend()));
        }
        ClientTransaction ct = provider.getNewClientTransaction(r);
        ct.setApplicationData(new Pending(l, Pending.What.REGISTER));
        ct.sendRequest();
    }

    private void onRegisterAnswer(Line l, ClientTransaction ct, Response response) {
        int status = response.getStatusCode();
        Request sent = ct.getRequest();
        int expires = sent.getExpires() == null ? options.expiresSeconds() : sent.getExpires().getExpires();
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && sent.getHeader(javax.sip.header.AuthorizationHeader.NAME) == null) {
            try {
                sendRegister(l, expires, response); // the window permit carries over to the answered challenge
            } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException e) {
                registerFailed(l, expires);
            }
            return;
        }
        if (status >= 200 && status < 300) {
            window.release();
            if (expires == 0) {
                l.registered = false;
                registered.decrementAndGet();
                if (l.unregistered != null) {
                    l.unregistered.countDown();
                }
                return;
            }
            DateHeader date = (DateHeader) response.getHeader(DateHeader.NAME);
            l.serverDate = date == null ? null : date.getDate().toInstant();
            ExpiresHeader granted = response.getExpires();
            int lease = granted == null ? expires : Math.max(60, granted.getExpires());
            if (!l.registered) {
                l.registered = true;
                if (registered.incrementAndGet() == lines.size()) {
                    allRegisteredMillis.compareAndSet(-1, (System.nanoTime() - startedNanos) / 1_000_000);
                }
                l.startKeepalives();
            }
            l.keepaliveFailures.set(0);
            // refresh at 80 % of the lease, like devices do, so it never lapses
            timers.schedule(() -> requeue(l), lease * 800L, TimeUnit.MILLISECONDS);
            return;
        }
        if (status >= 200) {
            refused.incrementAndGet();
            registerFailed(l, expires);
        }
    }

    private void registerFailed(Line l, int expires) {
        window.release();
        if (expires == 0) {
            if (l.unregistered != null) {
                l.unregistered.countDown();
            }
            return;
        }
        if (l.registered) {
            l.registered = false;
            registered.decrementAndGet();
            l.cancelKeepalives();
        }
        retryLater(l);
    }

    private void retryLater(Line l) {
        if (!closing) {
            long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, options.retry().toMillis() / 10));
            timers.schedule(() -> requeue(l), options.retry().toMillis() + jitter, TimeUnit.MILLISECONDS);
        }
    }

    private void requeue(Line l) {
        if (!closing) {
            toRegister.add(l);
        }
    }

    // ---------------------------------------------------------------------------------------- keepalive

    private void keepalive(Line l) {
        if (closing || !l.registered || !l.device.keepsAlive(Instant.now())) {
            return;
        }
        try {
            send(l, Pending.What.KEEPALIVE, l.device.keepalive(l.sn.incrementAndGet()));
            keepalivesSent.incrementAndGet();
        } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException | RuntimeException e) {
            // a periodic task that throws is never run again: count it as a failed keepalive instead
            log.debug("keepalive of {} not sent: {}", l.device.code(), e.toString());
            keepaliveFailed(l);
        }
    }

    private void keepaliveFailed(Line l) {
        if (l.keepaliveFailures.incrementAndGet() >= KEEPALIVE_FAILURES_BEFORE_REREGISTER && l.registered) {
            l.registered = false;
            registered.decrementAndGet();
            l.cancelKeepalives();
            requeue(l);
        }
    }

    // ---------------------------------------------------------------------------------------- requests to the devices

    private void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            return;
        }
        Line l = addressee(request);
        try {
            if (l == null) {
                answer(event, Response.NOT_FOUND);
            } else if (method.equals(Request.MESSAGE)) {
                onMessage(event, l);
            } else if (method.equals(Request.SUBSCRIBE)) {
                onSubscribe(event, l);
            } else {
                answer(event, Response.NOT_IMPLEMENTED);
            }
        } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException e) {
            log.debug("no answer to a {} for {}: {}", method, l == null ? "?" : l.device.code(), e.getMessage());
        }
    }

    private Line addressee(Request request) {
        if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
            Line l = byAddress.get(uri.getUser());
            if (l != null) {
                return l;
            }
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? byAddress.get(u.getUser()) : null;
    }

    private void onMessage(RequestEvent event, Line l) throws SipException, java.text.ParseException, javax.sip.InvalidArgumentException {
        ManscdpMessage query;
        try {
            query = Manscdp.parse(event.getRequest().getRawContent());
        } catch (ManscdpException e) {
            answer(event, Response.BAD_REQUEST);
            return;
        }
        answer(event, Response.OK);
        if (query.root() != ManscdpMessage.Root.Query) {
            return;
        }
        GbSimDevice d = l.device;
        Instant now = Instant.now();
        switch (query.cmdType()) {
            case "Catalog" -> {
                List<ManscdpMessage> parts = d.catalog(query.sn());
                long slow = d.faults().slowCatalog().toMillis();
                for (int i = 0; i < parts.size(); i++) {
                    ManscdpMessage part = parts.get(i);
                    timers.schedule(() -> answerQuery(l, part), slow * (i + 1), TimeUnit.MILLISECONDS);
                }
            }
            case "DeviceInfo" -> timers.execute(() -> answerQuery(l, d.deviceInfo(query.sn())));
            case "DeviceStatus" -> timers.execute(() -> answerQuery(l, d.deviceStatus(query.sn(), now)));
            case "RecordInfo" -> {
                LocalDateTime start;
                LocalDateTime end;
                try {
                    start = d.parseLocal(query.field("StartTime"));
                    end = d.parseLocal(query.field("EndTime"));
                } catch (RuntimeException e) {
                    return; // a query without a window gets its 200 and nothing else, as devices do
                }
                String channel = query.deviceId() == null ? d.code() : query.deviceId();
                d.recordInfo(query.sn(), channel, start, end, now).forEach(part -> timers.execute(() -> answerQuery(l, part)));
            }
            default -> {
            }
        }
    }

    private void answerQuery(Line l, ManscdpMessage body) {
        if (closing) {
            return;
        }
        try {
            send(l, Pending.What.ANSWER, body);
            answered.incrementAndGet();
        } catch (SipException | java.text.ParseException | javax.sip.InvalidArgumentException e) {
            log.debug("{} answer of {} not sent: {}", body.cmdType(), l.device.code(), e.getMessage());
        }
    }

    private void onSubscribe(RequestEvent event, Line l) throws SipException, java.text.ParseException, javax.sip.InvalidArgumentException {
        Request request = event.getRequest();
        EventHeader ev = (EventHeader) request.getHeader(EventHeader.NAME);
        if (ev == null || !ev.getEventType().equalsIgnoreCase("Catalog")) {
            answer(event, 489); // Bad Event
            return;
        }
        int expires = request.getExpires() == null ? 3600 : request.getExpires().getExpires();
        ServerTransaction st = serverTransaction(event);
        Dialog dialog = st.getDialog() != null ? st.getDialog() : provider.getNewDialog(st);
        Response ok = messages.createResponse(Response.OK, request);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(dialog.getLocalTag() != null ? dialog.getLocalTag() : tag());
        ok.addHeader(headers.createExpiresHeader(expires));
        ok.addHeader(contact());
        st.sendResponse(ok);
        l.subscription = expires == 0 ? null : new Subscription(dialog, ev.getEventId(), expires);
        if (l.subscription != null && l.device.lostChannel(Instant.now()) != null) {
            timers.schedule(() -> notifyChannel(l, l.device.lostChannel(Instant.now()), "VLOST"), 200, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends a NOTIFY (Event: Catalog) with {@code event} for {@code channel} to the device's catalog subscriber, in the
     * subscription's dialog, when it has one (a later subscriber gets a VLOST still under way from onSubscribe).
     */
    private void notifyChannel(Line l, String channel, String event) {
        Subscription s = l.subscription;
        if (closing || channel == null || s == null) {
            return;
        }
        try {
            Request notify = s.dialog.createRequest(Request.NOTIFY);
            EventHeader ev = headers.createEventHeader("Catalog");
            if (s.eventId != null) {
                ev.setEventId(s.eventId);
            }
            notify.addHeader(ev);
            notify.addHeader(headers.createSubscriptionStateHeader("active;expires=" + s.expires));
            notify.setContent(Manscdp.write(l.device.channelEvent(l.sn.incrementAndGet(), channel, event), options.charset()),
                    contentType());
            ClientTransaction ct = provider.getNewClientTransaction(notify);
            ct.setApplicationData(new Pending(l, Pending.What.NOTIFY));
            s.dialog.sendRequest(ct);
            notifies.incrementAndGet();
        } catch (SipException | java.text.ParseException e) {
            log.debug("NOTIFY {} of {} not sent: {}", event, l.device.code(), e.getMessage());
        }
    }

    private void answer(RequestEvent event, int status)
            throws SipException, java.text.ParseException, javax.sip.InvalidArgumentException {
        Response r = messages.createResponse(status, event.getRequest());
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(tag());
        }
        serverTransaction(event).sendResponse(r);
    }

    private ServerTransaction serverTransaction(RequestEvent event) throws SipException {
        ServerTransaction st = event.getServerTransaction();
        return st != null ? st : provider.getNewServerTransaction(event.getRequest());
    }

    // ---------------------------------------------------------------------------------------- building requests

    /** A MESSAGE from the device to the server carrying {@code body}. */
    private void send(Line l, Pending.What what, ManscdpMessage body)
            throws SipException, java.text.ParseException, javax.sip.InvalidArgumentException {
        Request r = request(l, Request.MESSAGE, provider.getNewCallId().getCallId(), 1,
                addresses.createSipURI(options.serverId(), options.domain()));
        r.setContent(Manscdp.write(body, options.charset()), contentType());
        ClientTransaction ct = provider.getNewClientTransaction(r);
        ct.setApplicationData(new Pending(l, what));
        ct.sendRequest();
    }

    private Request request(Line l, String method, String callId, long cseq, SipURI toUri)
            throws java.text.ParseException, javax.sip.InvalidArgumentException {
        SipURI from = addresses.createSipURI(l.device.code(), options.domain());
        SipURI requestUri = addresses.createSipURI(options.serverId(), options.domain());
        CallIdHeader call = headers.createCallIdHeader(callId);
        CSeqHeader cs = headers.createCSeqHeader(cseq, method);
        ViaHeader via = headers.createViaHeader(options.listenHost(), port, options.transport(), null);
        via.setRPort();
        Request r = messages.createRequest(requestUri, method, call, cs,
                headers.createFromHeader(addresses.createAddress(from), method.equals(Request.REGISTER) ? l.registerTag : tag()),
                headers.createToHeader(addresses.createAddress(toUri), null), new ArrayList<>(List.of(via)),
                headers.createMaxForwardsHeader(70));
        r.addHeader(contact(l.device.code()));
        return r;
    }

    private javax.sip.header.ContactHeader contact(String user) throws java.text.ParseException {
        SipURI uri = addresses.createSipURI(user, options.listenHost() + ":" + port);
        if (options.transport().equals("tcp")) {
            uri.setTransportParam("tcp");
        }
        Address a = addresses.createAddress(uri);
        return headers.createContactHeader(a);
    }

    private javax.sip.header.ContactHeader contact() throws java.text.ParseException {
        return contact(options.serverId());
    }

    private ContentTypeHeader contentType() throws java.text.ParseException {
        return headers.createContentTypeHeader("Application", MANSCDP);
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    // ---------------------------------------------------------------------------------------- the SIP listener

    /** What a client transaction was for, so its answer or timeout reaches the right device and step. */
    private record Pending(Line line, What what) {
        enum What { REGISTER, KEEPALIVE, ANSWER, NOTIFY }
    }

    private record Subscription(Dialog dialog, String eventId, int expires) {
    }

    private final class Listener implements SipListener {

        @Override
        public void processRequest(RequestEvent event) {
            onRequest(event);
        }

        @Override
        public void processResponse(ResponseEvent event) {
            ClientTransaction ct = event.getClientTransaction();
            if (ct == null || !(ct.getApplicationData() instanceof Pending p)) {
                return; // a retransmitted final answer
            }
            Response r = event.getResponse();
            switch (p.what()) {
                case REGISTER -> onRegisterAnswer(p.line(), ct, r);
                case KEEPALIVE -> {
                    if (r.getStatusCode() >= 200 && r.getStatusCode() < 300) {
                        keepalivesOk.incrementAndGet();
                        p.line().keepaliveFailures.set(0);
                    } else if (r.getStatusCode() >= 300) {
                        keepaliveFailed(p.line());
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            if (event.isServerTransaction() || !(event.getClientTransaction().getApplicationData() instanceof Pending p)) {
                return;
            }
            switch (p.what()) {
                case REGISTER -> {
                    Request sent = event.getClientTransaction().getRequest();
                    registerFailed(p.line(), sent.getExpires() == null ? options.expiresSeconds() : sent.getExpires().getExpires());
                }
                case KEEPALIVE -> keepaliveFailed(p.line());
                default -> {
                }
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            log.debug("SIP I/O error towards {}:{}", event.getHost(), event.getPort());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            for (Line l : lines.values()) {
                if (l.subscription != null && l.subscription.dialog == event.getDialog()) {
                    l.subscription = null;
                }
            }
        }
    }

    /** One device's SIP state. */
    private final class Line {
        final GbSimDevice device;
        final String registerCallId = java.util.UUID.randomUUID().toString();
        final String registerTag = tag();
        final AtomicLong cseq = new AtomicLong();
        final AtomicLong sn = new AtomicLong();
        final AtomicInteger keepaliveFailures = new AtomicInteger();
        volatile boolean registered;
        volatile Instant serverDate;
        volatile Subscription subscription;
        volatile CountDownLatch unregistered;
        private ScheduledFuture<?> keepalives;

        Line(GbSimDevice device) {
            this.device = device;
        }

        synchronized void startKeepalives() {
            if (keepalives == null || keepalives.isDone()) {
                long every = options.keepalive().toMillis();
                keepalives = timers.scheduleAtFixedRate(() -> keepalive(this), every, every, TimeUnit.MILLISECONDS);
            }
        }

        synchronized void cancelKeepalives() {
            if (keepalives != null) {
                keepalives.cancel(false);
                keepalives = null;
            }
        }
    }

    // ---------------------------------------------------------------------------------------- set-up

    private static Properties stackProperties(Options o) {
        Properties p = new Properties();
        // JAIN-SIP logs under the stack's name: inside the backend (demo mode) the level set for "gb28181.sip" applies.
        p.setProperty("javax.sip.STACK_NAME", "gb28181.sip.simulator-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.OUTBOUND_PROXY", o.serverHost() + ":" + o.serverPort() + "/" + o.transport());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        return p;
    }

    /** A port free for {@code transport} on {@code host} now (JAIN-SIP wants a number, not 0). */
    private static int freePort(String host, String transport) {
        InetAddress a = LoopbackAddresses.parse(host);
        try {
            if (transport.equals("udp")) {
                try (DatagramSocket s = new DatagramSocket(0, a)) {
                    return s.getLocalPort();
                }
            }
            try (ServerSocket s = new ServerSocket(0, 1, a)) {
                return s.getLocalPort();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
