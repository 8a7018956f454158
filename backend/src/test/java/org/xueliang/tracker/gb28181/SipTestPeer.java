package org.xueliang.tracker.gb28181;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device as the tests play it: SIP requests written as text (so the tests can also send what no SIP library
 * would — garbage, forged nonces, oversize bodies) over UDP or TCP from a loopback address, and the replies read
 * back. Digest answers computed here independently of the server's code (RFC 2617, no qop).
 */
public final class SipTestPeer implements Closeable {

    private final String transport;
    private final String serverHost;
    private final int serverPort;
    private final DatagramSocket udp;
    private final Socket tcp;
    private int cseq;

    public record Reply(int status, String text) {
        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$").matcher(text);
            return m.find() ? m.group(1) : null;
        }

        public String param(String header, String param) {
            String h = header(header);
            if (h == null) {
                return null;
            }
            Matcher m = Pattern.compile(param + "=\"?([^\",]*)\"?").matcher(h);
            return m.find() ? m.group(1) : null;
        }
    }

    public SipTestPeer(String transport, String localHost, String serverHost, int serverPort) throws IOException {
        this.transport = transport.toUpperCase(Locale.ROOT);
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        if ("TCP".equals(this.transport)) {
            tcp = new Socket();
            tcp.bind(new InetSocketAddress(InetAddress.getByName(localHost), 0));
            tcp.connect(new InetSocketAddress(serverHost, serverPort), 2000);
            tcp.setSoTimeout(5000);
            udp = null;
        } else {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localHost), 0));
            udp.setSoTimeout(5000);
            tcp = null;
        }
    }

    public String localHost() {
        return udp != null ? udp.getLocalAddress().getHostAddress() : tcp.getLocalAddress().getHostAddress();
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    /** REGISTER without credentials: the server's 401 challenge. */
    public Reply register(String code, int expires) throws IOException {
        return send(request("REGISTER", code, "sip:" + GbServerTestSupport.SERVER_ID + "@" + GbServerTestSupport.DOMAIN, expires,
                null, null, null));
    }

    /** The full exchange: REGISTER, 401, REGISTER with the digest of {@code password}; the final reply. */
    public Reply registerWith(String code, String password, int expires) throws IOException {
        Reply challenge = register(code, expires);
        if (challenge.status() != 401) {
            return challenge;
        }
        return registerAnswering(code, password, expires, challenge.param("WWW-Authenticate", "nonce"),
                challenge.param("WWW-Authenticate", "realm"));
    }

    public Reply registerAnswering(String code, String password, int expires, String nonce, String realm) throws IOException {
        String uri = "sip:" + GbServerTestSupport.SERVER_ID + "@" + GbServerTestSupport.DOMAIN;
        String response = md5(md5(code + ":" + realm + ":" + password) + ":" + nonce + ":" + md5("REGISTER:" + uri));
        String auth = "Digest username=\"" + code + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5";
        return send(request("REGISTER", code, uri, expires, auth, null, null));
    }

    /** A MESSAGE with a MANSCDP body (bytes as given). */
    public Reply message(String code, byte[] body) throws IOException {
        return send(request("MESSAGE", code, "sip:" + GbServerTestSupport.SERVER_ID + "@" + GbServerTestSupport.DOMAIN, -1, null,
                "Application/MANSCDP+xml", body));
    }

    public Reply keepalive(String code, long sn) throws IOException {
        return message(code, ("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>" + sn
                + "</SN>\r\n<DeviceID>" + code + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    public String request(String method, String code, String uri, int expires, String authorization, String contentType, byte[] body) {
        cseq++;
        StringBuilder s = new StringBuilder();
        s.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
        s.append("Via: SIP/2.0/").append(transport).append(' ').append(localHost()).append(':').append(localPort())
                .append(";rport;branch=z9hG4bK").append(UUID.randomUUID().toString().replace("-", "")).append("\r\n");
        s.append("Max-Forwards: 70\r\n");
        s.append("From: <sip:").append(code).append('@').append(GbServerTestSupport.DOMAIN).append(">;tag=").append(cseq).append("t\r\n");
        s.append("To: <sip:").append("REGISTER".equals(method) ? code : GbServerTestSupport.SERVER_ID).append('@')
                .append(GbServerTestSupport.DOMAIN).append(">\r\n");
        s.append("Call-ID: ").append(code).append('-').append(method).append('-').append(cseq).append("@test\r\n");
        s.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        s.append("Contact: <sip:").append(code).append('@').append(localHost()).append(':').append(localPort()).append(">\r\n");
        if (expires >= 0) {
            s.append("Expires: ").append(expires).append("\r\n");
        }
        if (authorization != null) {
            s.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            s.append("Content-Type: ").append(contentType).append("\r\n");
        }
        s.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        return s.toString() + (body == null ? "" : new String(body, StandardCharsets.ISO_8859_1));
    }

    /** Sends raw bytes (ISO-8859-1 text keeps each byte) and reads the final reply; status 0 when none came. */
    public Reply send(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.ISO_8859_1));
        while (true) {
            String text = read();
            if (text == null) {
                return new Reply(0, "");
            }
            if (text.startsWith("SIP/2.0 ")) {
                int status = Integer.parseInt(text.substring(8, 11));
                if (status >= 200 || status == 401) {
                    return new Reply(status, text);
                }
            }
        }
    }

    public void write(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverHost), serverPort));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** The next message the server sends (a reply or a request of its own), or null after the timeout. */
    public String read() throws IOException {
        try {
            if (udp != null) {
                byte[] buf = new byte[65536];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                return new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            }
            return readTcpMessage(tcp.getInputStream());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private static String readTcpMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                if (h.isBlank()) {
                    head.reset(); // keep-alive CRLFs
                    continue;
                }
                Matcher m = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)").matcher(h);
                int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                byte[] body = in.readNBytes(length);
                return h + new String(body, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** Answers a request the server sent with 200 (Via, From, To, Call-ID, CSeq copied). */
    public void answerOk(String request) throws IOException {
        StringBuilder s = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:") || lower.startsWith("cseq:")) {
                s.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                s.append(line).append(";tag=peer\r\n");
            }
            if (line.isEmpty()) {
                break;
            }
        }
        s.append("Content-Length: 0\r\n\r\n");
        write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
