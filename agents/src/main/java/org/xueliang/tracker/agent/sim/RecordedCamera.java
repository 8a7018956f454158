package org.xueliang.tracker.agent.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xueliang.tracker.agent.onvif.Soap;
import org.xueliang.tracker.agent.onvif.XmlNode;

/**
 * Replays a camera recorded as {@code <dir>/device_management/<Op>Response.xml},
 * {@code <dir>/media1/…} and {@code <dir>/media2/…} (the easy_onvif layout). An operation without a
 * recording gets an ActionNotSupported fault. Every http(s)/rtsp host inside XAddr, XAddrs and Uri
 * elements is rewritten to the simulator's own loopback address, so a client following them never
 * leaves 127.0.0.0/8. Any GET is answered with a JPEG frame; no credentials are checked.
 */
public final class RecordedCamera implements SimCamera {

    private static final Pattern URI_IN_ELEMENT = Pattern.compile(
            "(<(?:[\\w.-]+:)?(?:XAddr|XAddrs|Uri)>\\s*)(https?|rtsp)://[^/<\\s]+");

    private static final Pattern XADDRS = Pattern.compile("(<(?:[\\w.-]+:)?XAddrs>)([^<]*)");

    private final InetAddress address;
    private final Path dir;
    private final AtomicLong frames = new AtomicLong();

    public RecordedCamera(InetAddress address, Path dir) {
        if (!Files.isDirectory(dir.resolve("device_management"))) {
            throw new IllegalArgumentException(dir + " has no device_management/ folder: not a recorded camera");
        }
        this.address = address;
        this.dir = dir;
    }

    @Override
    public InetAddress address() {
        return address;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Answer soap(XmlNode envelope, XmlNode op, String base, Instant now) {
        String file = op.localName() + "Response.xml";
        List<String> folders = switch (op.namespace()) {
            case Soap.MEDIA2_NS -> List.of("media2", "media1");
            case Soap.MEDIA_NS -> List.of("media1", "media2");
            default -> List.of("device_management", "media1", "media2");
        };
        for (String f : folders) {
            Path p = dir.resolve(f).resolve(file);
            if (Files.isRegularFile(p)) {
                try {
                    String xml = Files.readString(p, StandardCharsets.UTF_8);
                    return Answers.soapEnvelope(rewriteHosts(xml, base));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Answers.actionNotSupported(op.localName());
    }

    @Override
    public Answer get(String pathAndQuery, String authorization, Instant now) {
        return Answers.jpeg(Jpegs.noisy(frames.incrementAndGet()));
    }

    /**
     * Points every URI inside XAddr/XAddrs/Uri elements at {@code base} (http://own-address:port);
     * rtsp URIs keep their scheme and get the own host. Namespace declarations are left alone.
     */
    static String rewriteHosts(String xml, String base) {
        String host = base.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        Matcher m = URI_IN_ELEMENT.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String replacement = m.group(2).equals("rtsp") ? m.group(1) + "rtsp://" + host : m.group(1) + base;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return rewriteLists(out.toString(), base);
    }

    /** XAddrs may hold several space-separated URIs; the regex above rewrote the first only. */
    private static String rewriteLists(String xml, String base) {
        Matcher m = XADDRS.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String list = m.group(2).replaceAll("https?://[^/\\s]+", Matcher.quoteReplacement(base));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + list));
        }
        m.appendTail(out);
        return out.toString();
    }
}
