package org.xueliang.tracker.agent.sim.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated TCP-probed devices (screens, LED controllers, cloud clients) and RTSP servers, each listening
 * on its own loopback address, all served by one selector thread. A plain TCP device accepts and closes;
 * an RTSP device answers OPTIONS with 200 (or 401 under {@link Fault#AUTH_REQUIRED}). Faults: DOWN closes
 * the listener (connects are refused), SILENT accepts but never answers.
 */
public final class TcpDeviceSimulator implements AutoCloseable {

    public enum Kind { TCP, RTSP }

    public enum Fault { NONE, DOWN, SILENT, AUTH_REQUIRED }

    private static final Pattern CSEQ = Pattern.compile("(?im)^CSeq:\\s*(\\d+)");

    private final SelectorLoop loop = new SelectorLoop("tcp-device-sim", this::handle);
    private final List<Device> devices = new ArrayList<>();

    /** One simulated device. */
    public final class Device {
        private final Kind kind;
        private final InetAddress address;
        private volatile int port;
        private volatile Fault fault = Fault.NONE;
        private volatile ServerSocketChannel listener;

        private Device(Kind kind, InetAddress address, int port) {
            this.kind = kind;
            this.address = address;
            this.port = port;
        }

        public String host() {
            return address.getHostAddress();
        }

        public int port() {
            return port;
        }

        public Fault fault() {
            return fault;
        }

        /** Sets a fault; DOWN closes the listening socket, any other reopens it on the same port. */
        public Device fault(Fault f) {
            fault = f;
            if (f == Fault.DOWN) {
                ServerSocketChannel l = listener;
                listener = null;
                if (l != null) {
                    loop.closeAndWait(l);
                }
            } else if (listener == null) {
                open();
            }
            return this;
        }

        private void open() {
            try {
                ServerSocketChannel l = ServerSocketChannel.open();
                l.bind(new InetSocketAddress(address, port), 128);
                l.configureBlocking(false);
                port = ((InetSocketAddress) l.getLocalAddress()).getPort();
                listener = l;
                loop.register(l, SelectionKey.OP_ACCEPT, this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + host() + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    /** A device of {@code kind} on {@code address:port} (port 0: any free port). */
    public synchronized Device add(Kind kind, InetAddress address, int port) {
        Device d = new Device(kind, LoopbackAddresses.requireLoopback(address), port);
        d.open();
        devices.add(d);
        return d;
    }

    /** {@code count} devices on consecutive loopback addresses from {@code base}, all on {@code port}. */
    public List<Device> addFleet(Kind kind, int count, InetAddress base, int port) {
        List<Device> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(add(kind, LoopbackAddresses.nth(base, i), port));
        }
        return out;
    }

    private void handle(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                accept(key);
            } else if (key.isReadable()) {
                read(key);
            }
        } catch (IOException e) {
            key.cancel();
            SelectorLoop.closeQuietly(key.channel());
        }
    }

    private void accept(SelectionKey key) throws IOException {
        Device d = (Device) key.attachment();
        SocketChannel c;
        while ((c = ((ServerSocketChannel) key.channel()).accept()) != null) {
            if (d.kind == Kind.TCP && d.fault != Fault.SILENT) {
                c.close();
                continue;
            }
            c.configureBlocking(false);
            loop.registerNow(c, SelectionKey.OP_READ, new Conn(d));
        }
    }

    private static final class Conn {
        final Device device;
        final ByteBuffer in = ByteBuffer.allocate(4096);

        Conn(Device device) {
            this.device = device;
        }
    }

    private void read(SelectionKey key) throws IOException {
        Conn conn = (Conn) key.attachment();
        SocketChannel c = (SocketChannel) key.channel();
        int n = c.read(conn.in);
        if (n < 0 || !conn.in.hasRemaining()) {
            key.cancel();
            c.close();
            return;
        }
        String text = new String(conn.in.array(), 0, conn.in.position(), StandardCharsets.ISO_8859_1);
        if (!text.contains("\r\n\r\n") || conn.device.fault == Fault.SILENT) {
            return; // wait for the whole request; a silent device never answers
        }
        Matcher m = CSEQ.matcher(text);
        String cseq = m.find() ? m.group(1) : "0";
        String response = conn.device.fault == Fault.AUTH_REQUIRED
                ? "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq + "\r\nWWW-Authenticate: Digest realm=\"xl-sim\", nonce=\"0123456789abcdef\"\r\nServer: xl-sim-rtsp\r\n\r\n"
                : "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\nServer: xl-sim-rtsp\r\n\r\n";
        c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII))); // small: fits the socket buffer
        key.cancel();
        c.close();
    }

    @Override
    public void close() {
        loop.close();
    }
}
