package org.xueliang.tracker.agent.onvif;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * WS-Discovery (the 2005/04 draft ONVIF devices speak): a {@code Probe} for {@code dn:NetworkVideoTransmitter}
 * as SOAP 1.2 over UDP, and the {@code ProbeMatches} that come back within a bounded time.
 *
 * <p>Production sends the probe to the multicast group 239.255.255.250:3702 out of one named interface
 * ({@link #probeMulticast}); tests and demos send it by unicast to a loopback responder ({@link #probeUnicast}).
 * Answers are matched to the probe by {@code RelatesTo}, read with {@link SafeXml} (no DTD, no entities,
 * one datagram ≤ 64 KiB) and deduplicated per (endpoint reference, sender IP): the probe is sent twice, as
 * SOAP-over-UDP recommends, and devices answer each copy.
 */
public final class WsDiscovery {

    public static final String DISCOVERY_NS = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    public static final String ADDRESSING_NS = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String NETWORK_NS = "http://www.onvif.org/ver10/network/wsdl";
    public static final String ACTION_PROBE = DISCOVERY_NS + "/Probe";
    public static final String ACTION_PROBE_MATCHES = DISCOVERY_NS + "/ProbeMatches";
    /** The well-known discovery "To" of a multicast probe. */
    public static final String TO_DISCOVERY = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";
    public static final String TO_ANONYMOUS = ADDRESSING_NS + "/role/anonymous";
    public static final int PORT = 3702;
    public static final InetSocketAddress MULTICAST_GROUP = new InetSocketAddress(ipv4(239, 255, 255, 250), PORT);
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

    /** Largest UDP payload; a bigger answer cannot exist, a truncated one is refused. */
    static final int MAX_DATAGRAM = 65_535;
    /** At most this many distinct matches are kept from one probe. */
    static final int MAX_MATCHES = 10_000;
    static final int SENDS = 2;
    static final Duration REPEAT_AFTER = Duration.ofMillis(100);
    private static final String SCOPE_PREFIX = "onvif://www.onvif.org/";

    private WsDiscovery() {
    }

    /** One device's answer. {@code fromAddress} is the datagram's sender (null when parsed from a file). */
    public record Match(String endpointReference, List<String> xaddrs, List<String> scopes, List<String> types,
                        String metadataVersion, InetSocketAddress fromAddress) {

        public Match {
            xaddrs = List.copyOf(xaddrs);
            scopes = List.copyOf(scopes);
            types = List.copyOf(types);
        }

        /** ONVIF scope {@code onvif://www.onvif.org/name/…}, percent-decoded. */
        public Optional<String> name() {
            return scope("name").stream().findFirst();
        }

        /** ONVIF scope {@code onvif://www.onvif.org/hardware/…}: usually the model. */
        public Optional<String> hardware() {
            return scope("hardware").stream().findFirst();
        }

        /** Every non-empty {@code onvif://www.onvif.org/location/…} scope, joined with ", ". */
        public Optional<String> location() {
            List<String> all = scope("location");
            return all.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", all));
        }

        /** The non-empty values of the ONVIF scopes {@code onvif://www.onvif.org/<key>/<value>}, percent-decoded. */
        public List<String> scope(String key) {
            String want = SCOPE_PREFIX + key.toLowerCase(Locale.ROOT) + "/";
            List<String> out = new ArrayList<>();
            for (String s : scopes) {
                if (s.length() > want.length() && s.toLowerCase(Locale.ROOT).startsWith(want)) {
                    out.add(percentDecoded(s.substring(want.length())));
                }
            }
            return out;
        }

        /** Whether one of the types is ONVIF's NetworkVideoTransmitter (any prefix). */
        public boolean isVideoTransmitter() {
            return types.stream().anyMatch(t -> localPart(t).equals("NetworkVideoTransmitter"));
        }

        /** Hosts of the XAddrs that are absolute URIs, in order, without IPv6 brackets. */
        public List<String> xaddrHosts() {
            List<String> out = new ArrayList<>();
            for (String x : xaddrs) {
                String h = hostOf(x);
                if (h != null && !out.contains(h)) {
                    out.add(h);
                }
            }
            return out;
        }

        /** The device's address: the host of the first usable XAddr, else the sender's IP, else null. */
        public String address() {
            List<String> hosts = xaddrHosts();
            if (!hosts.isEmpty()) {
                return hosts.get(0);
            }
            return fromAddress == null ? null : fromAddress.getAddress().getHostAddress();
        }
    }

    /** What one probe found; {@code ignored} counts datagrams that were not a ProbeMatches to this probe. */
    public record Result(String messageId, InetSocketAddress target, Instant startedAt, List<Match> matches, int ignored) {

        public Result {
            matches = List.copyOf(matches);
        }
    }

    /** A Probe as the responder reads it. {@code types} empty means "any type". */
    public record Probe(String messageId, List<String> types) {

        public Probe {
            types = List.copyOf(types);
        }

        public boolean wantsVideoTransmitters() {
            return types.isEmpty() || types.stream().map(WsDiscovery::localPart)
                    .anyMatch(t -> t.equals("NetworkVideoTransmitter") || t.equals("Device"));
        }
    }

    public static String newMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    // ---- messages ------------------------------------------------------------------------------------

    /** The Probe envelope for {@code dn:NetworkVideoTransmitter}. */
    public static String probeMessage(String messageId) {
        return envelope(header(messageId, null, TO_DISCOVERY, ACTION_PROBE),
                "<d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe>");
    }

    /** A ProbeMatches envelope answering {@code relatesTo} (types are written as given, prefixes dn/tds declared). */
    public static String probeMatchesMessage(String messageId, String relatesTo, List<Match> matches) {
        StringBuilder body = new StringBuilder("<d:ProbeMatches>");
        for (Match m : matches) {
            body.append("<d:ProbeMatch><a:EndpointReference><a:Address>").append(SafeXml.escape(m.endpointReference()))
                    .append("</a:Address></a:EndpointReference>")
                    .append("<d:Types>").append(SafeXml.escape(String.join(" ", m.types()))).append("</d:Types>")
                    .append("<d:Scopes>").append(SafeXml.escape(String.join(" ", m.scopes()))).append("</d:Scopes>")
                    .append("<d:XAddrs>").append(SafeXml.escape(String.join(" ", m.xaddrs()))).append("</d:XAddrs>")
                    .append("<d:MetadataVersion>").append(SafeXml.escape(m.metadataVersion())).append("</d:MetadataVersion>")
                    .append("</d:ProbeMatch>");
        }
        body.append("</d:ProbeMatches>");
        return envelope(header(messageId, relatesTo, TO_ANONYMOUS, ACTION_PROBE_MATCHES), body.toString());
    }

    private static String header(String messageId, String relatesTo, String to, String action) {
        return "<a:MessageID>" + SafeXml.escape(messageId) + "</a:MessageID>"
                + (relatesTo == null ? "" : "<a:RelatesTo>" + SafeXml.escape(relatesTo) + "</a:RelatesTo>")
                + "<a:To s:mustUnderstand=\"true\">" + to + "</a:To>"
                + "<a:Action s:mustUnderstand=\"true\">" + action + "</a:Action>";
    }

    private static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + Soap.ENV_NS + "\" xmlns:a=\"" + ADDRESSING_NS + "\" xmlns:d=\"" + DISCOVERY_NS
                + "\" xmlns:dn=\"" + NETWORK_NS + "\" xmlns:tds=\"" + Soap.DEVICE_NS + "\">"
                + "<s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    // ---- parsing -------------------------------------------------------------------------------------

    /**
     * Reads a ProbeMatches datagram. With {@code expectedRelatesTo} non-null, an answer to another probe is
     * refused. Anything that is not a well-formed ProbeMatches envelope fails with BAD_RESPONSE.
     */
    public static List<Match> parseProbeMatches(byte[] datagram, InetSocketAddress from, String expectedRelatesTo)
            throws OnvifException {
        XmlNode env = envelopeOf(datagram);
        if (expectedRelatesTo != null) {
            String relatesTo = env.path("Header", "RelatesTo").map(n -> n.text().trim()).orElse("");
            if (!relatesTo.equals(expectedRelatesTo)) {
                throw new OnvifException(Reason.BAD_RESPONSE, "RelatesTo '" + relatesTo + "' is not our probe");
            }
        }
        XmlNode matches = env.path("Body", "ProbeMatches")
                .orElseThrow(() -> new OnvifException(Reason.BAD_RESPONSE, "no ProbeMatches in the SOAP Body"));
        List<Match> out = new ArrayList<>();
        for (XmlNode pm : matches.childrenNamed("ProbeMatch")) {
            String epr = pm.path("EndpointReference", "Address").map(n -> n.text().trim()).orElse("");
            if (epr.isEmpty()) {
                throw new OnvifException(Reason.BAD_RESPONSE, "ProbeMatch without an EndpointReference Address");
            }
            out.add(new Match(epr, words(pm, "XAddrs"), words(pm, "Scopes"), words(pm, "Types"),
                    pm.child("MetadataVersion").map(n -> n.text().trim()).orElse(""), from));
        }
        return out;
    }

    /** Reads a Probe datagram (for responders): its MessageID and the Types it asks for. */
    public static Probe parseProbe(byte[] datagram) throws OnvifException {
        XmlNode env = envelopeOf(datagram);
        XmlNode probe = env.path("Body", "Probe")
                .orElseThrow(() -> new OnvifException(Reason.BAD_RESPONSE, "no Probe in the SOAP Body"));
        String id = env.path("Header", "MessageID").map(n -> n.text().trim()).orElse("");
        if (id.isEmpty()) {
            throw new OnvifException(Reason.BAD_RESPONSE, "Probe without a MessageID");
        }
        return new Probe(id, words(probe, "Types"));
    }

    private static XmlNode envelopeOf(byte[] datagram) throws OnvifException {
        if (datagram.length > MAX_DATAGRAM) {
            throw new OnvifException(Reason.BAD_RESPONSE, "datagram of " + datagram.length + " bytes");
        }
        XmlNode env = SafeXml.parse(datagram);
        if (!env.localName().equals("Envelope")) {
            throw new OnvifException(Reason.BAD_RESPONSE, "not a SOAP envelope: root element <" + env.localName() + ">");
        }
        return env;
    }

    private static List<String> words(XmlNode parent, String child) {
        return parent.child(child).map(n -> Arrays.stream(n.text().trim().split("\\s+")).filter(w -> !w.isEmpty()).toList())
                .orElse(List.of());
    }

    static String localPart(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    static String percentDecoded(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%': keep what the device sent
        }
    }

    static String hostOf(String xaddr) {
        try {
            String h = URI.create(xaddr).getHost();
            if (h == null || h.isEmpty()) {
                return null;
            }
            return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- the wire ------------------------------------------------------------------------------------

    /**
     * Probes one unicast address (tests and demos: a loopback responder) and collects answers for {@code timeout}.
     * The socket is bound to loopback when the target is loopback, so nothing leaves the host.
     */
    public static Result probeUnicast(InetSocketAddress target, Duration timeout) throws IOException {
        InetAddress to = target.getAddress();
        if (target.isUnresolved() || to.isMulticastAddress() || to.isAnyLocalAddress() || target.getPort() == 0) {
            throw new IllegalArgumentException(target + " is not a unicast address and port");
        }
        ProtocolFamily family = to instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        try (DatagramChannel ch = DatagramChannel.open(family)) {
            InetAddress local = !to.isLoopbackAddress() ? null
                    : family == StandardProtocolFamily.INET ? ipv4(127, 0, 0, 1) : InetAddress.getByName("::1");
            ch.bind(new InetSocketAddress(local, 0));
            return exchange(ch, target, timeout);
        }
    }

    /** Probes the WS-Discovery multicast group out of {@code nif} (production) and collects answers for {@code timeout}. */
    public static Result probeMulticast(NetworkInterface nif, Duration timeout) throws IOException {
        try (DatagramChannel ch = openMulticast(nif)) {
            return exchange(ch, MULTICAST_GROUP, timeout);
        }
    }

    /** An IPv4 datagram socket whose multicasts leave through {@code nif} with TTL 1 (the local link). */
    static DatagramChannel openMulticast(NetworkInterface nif) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            ch.bind(new InetSocketAddress(0));
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Sends the probe {@value #SENDS} times, {@link #REPEAT_AFTER} apart, and reads answers until the deadline. */
    static Result exchange(DatagramChannel ch, InetSocketAddress target, Duration timeout) throws IOException {
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout " + timeout.toMillis() + " ms is outside 100..10000 ms");
        }
        Instant startedAt = Instant.now();
        String id = newMessageId();
        byte[] probe = probeMessage(id).getBytes(StandardCharsets.UTF_8);
        Map<String, Match> found = new LinkedHashMap<>();
        int ignored = 0;
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20); // a burst of answers from a large segment
        ch.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(MAX_DATAGRAM + 1);
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_READ);
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long nextSend = start;
            int sent = 0;
            for (long now = start; now < deadline; now = System.nanoTime()) {
                if (sent < SENDS && now >= nextSend) {
                    ch.send(ByteBuffer.wrap(probe), target);
                    sent++;
                    nextSend = now + REPEAT_AFTER.toNanos();
                }
                long until = sent < SENDS ? Math.min(deadline, nextSend) : deadline;
                long waitMs = (until - now + 999_999) / 1_000_000;
                if (waitMs > 0) {
                    selector.select(waitMs);
                } else {
                    selector.selectNow();
                }
                selector.selectedKeys().clear();
                SocketAddress from;
                while ((from = ch.receive(buf.clear())) != null) {
                    buf.flip();
                    if (buf.remaining() > MAX_DATAGRAM) {
                        ignored++;
                        continue;
                    }
                    byte[] datagram = new byte[buf.remaining()];
                    buf.get(datagram);
                    try {
                        InetSocketAddress sender = (InetSocketAddress) from;
                        for (Match m : parseProbeMatches(datagram, sender, id)) {
                            if (found.size() < MAX_MATCHES) {
                                found.putIfAbsent(m.endpointReference() + " " + sender.getAddress().getHostAddress(), m);
                            }
                        }
                    } catch (OnvifException e) {
                        ignored++;
                    }
                }
            }
        }
        return new Result(id, target, startedAt, new ArrayList<>(found.values()), ignored);
    }

    /** Scopes as an ONVIF device announces them. */
    public static List<String> scopes(String name, String hardware, String location) {
        return Stream.of(
                        "onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/Profile/Streaming",
                        name == null ? null : SCOPE_PREFIX + "name/" + scopeValue(name),
                        hardware == null ? null : SCOPE_PREFIX + "hardware/" + scopeValue(hardware),
                        location == null ? null : SCOPE_PREFIX + "location/" + scopeValue(location))
                .filter(Objects::nonNull).toList();
    }

    private static String scopeValue(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static InetAddress ipv4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
