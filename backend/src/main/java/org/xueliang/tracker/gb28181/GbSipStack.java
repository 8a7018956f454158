package org.xueliang.tracker.gb28181;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.PortCheck;

/**
 * The JAIN-SIP stack of the GB/T 28181 server: one provider with a UDP and a TCP listening point on the same port
 * ({@code XL_GB_SIP_PORT}, 0 = a free one), started with the application when {@code XL_GB_ENABLED=true} and stopped
 * before the database goes away (so the last keepalives are flushed). Requests go to {@link GbSipListener}.
 */
@Component
class GbSipStack implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GbSipStack.class);
    /** SipFactory keeps stacks by name: each start (several application contexts in one test JVM) gets its own. */
    private static final AtomicInteger STARTS = new AtomicInteger();
    /** TCP messages beyond this are refused by the stack; a MANSCDP body of a well-behaved device is far smaller. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int UDP_BUFFER_BYTES = 4 << 20;

    private final GbSettings settings;
    private final GbSipListener listener;
    private final KeepaliveRecorder keepalives;
    private volatile SipStack stack;
    private volatile SipProvider provider;
    private volatile int port;
    private final SipFactories factories;

    GbSipStack(GbSettings settings, SipFactories factories, GbSipListener listener, KeepaliveRecorder keepalives) {
        this.settings = settings;
        this.factories = factories;
        this.listener = listener;
        this.keepalives = keepalives;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || stack != null) {
            return;
        }
        try {
            SipStack created = factories.sip().createSipStack(stackProperties());
            int chosen = settings.sipPort() == 0 ? freePort(settings.sipHost()) : settings.sipPort();
            ListeningPoint udp = listen(created, chosen, ListeningPoint.UDP);
            ListeningPoint tcp = listen(created, chosen, ListeningPoint.TCP);
            SipProvider p = created.createSipProvider(udp);
            p.addListeningPoint(tcp);
            p.addSipListener(listener);
            created.start();
            stack = created;
            provider = p;
            port = chosen;
            keepalives.start();
            log.info("GB/T 28181 server {} listening on {}:{} (UDP and TCP), domain {}", settings.serverId(),
                    settings.sipHost(), chosen, settings.domain());
        } catch (SipException | TooManyListenersException e) {
            throw new IllegalStateException("the GB/T 28181 SIP stack did not start: " + e.getMessage(), e);
        }
    }

    private ListeningPoint listen(SipStack created, int chosen, String transport) {
        try {
            return created.createListeningPoint(settings.sipHost(), chosen, transport);
        } catch (InvalidArgumentException | TransportNotSupportedException e) {
            stopQuietly(created);
            String line = PortCheck.inUse(new PortCheck.Wanted(chosen, settings.sipHost(), ListeningPoint.UDP.equals(transport),
                    "XL_GB_SIP_PORT", "xl.gb.sip-port"));
            throw new IllegalStateException(line, e);
        }
    }

    private static Properties stackProperties() {
        Properties p = new Properties();
        // The stack logs under its name: "gb28181.sip.N" falls under the logging level set for "gb28181.sip" (application.yml).
        p.setProperty("javax.sip.STACK_NAME", "gb28181.sip." + STARTS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Requests are handled on a pool, not one thread: REGISTER reads and writes the database.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "8");
        // Catalog NOTIFYs arrive within the subscription the server made without a dialog of the stack's.
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // A register storm arrives faster than it is parsed for moments: the kernel's default UDP buffer (~200 KiB)
        // dropped REGISTERs, each then late by the device's 500 ms retransmission. Capped by net.core.rmem_max.
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        return p;
    }

    /** A port free for both UDP and TCP on {@code host} right now (the stack binds it a moment later). */
    static int freePort(String host) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
                int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(InetAddress.getByName(host), candidate));
                    return candidate;
                } catch (IOException takenForTcp) {
                    // try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port on " + host + " for the GB/T 28181 server", e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + host);
    }

    /**
     * A stack that never listened: jain-sip's stop() can fail on it (a NullPointerException inside), which used to hide
     * the line that says which port was taken.
     */
    private static void stopQuietly(SipStack created) {
        try {
            created.stop();
        } catch (RuntimeException e) {
            log.debug("stopping a SIP stack that never listened: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        SipStack s = stack;
        if (s == null) {
            return;
        }
        keepalives.stop();
        stack = null;
        provider = null;
        s.stop();
        log.info("GB/T 28181 server stopped");
    }

    @Override
    public boolean isRunning() {
        return stack != null;
    }

    /** Early to start? No: after everything else (the web server's phase), and so stopped first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    SipProvider provider() {
        SipProvider p = provider;
        if (p == null) {
            throw new IllegalStateException("the GB/T 28181 server is not running");
        }
        return p;
    }

    boolean running() {
        return provider != null;
    }

    /** The port UDP and TCP listen on (the chosen one when the setting is 0). */
    int port() {
        return port;
    }

    String host() {
        return settings.sipHost();
    }
}
