package org.xueliang.tracker.agent.sim;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.xueliang.tracker.agent.onvif.HttpDigest;
import org.xueliang.tracker.agent.onvif.RecordingSearch;
import org.xueliang.tracker.agent.onvif.SafeXml;
import org.xueliang.tracker.agent.onvif.WsUsernameToken;
import org.xueliang.tracker.agent.onvif.XmlNode;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;

/**
 * A synthetic ONVIF camera: identity, credentials, its own clock (true time plus drift) and
 * scripted {@link CameraFaults}. It checks WS-UsernameToken digests and their Created freshness
 * against its own clock, like real devices do, and wants HTTP Digest for snapshots.
 */
public final class SimulatedCamera implements SimCamera {

    /** Devices reject a UsernameToken whose Created is further than this from their own clock. */
    static final Duration CREATED_WINDOW = Duration.ofMinutes(5);

    private final InetAddress address;
    private final Identity identity;
    private final String username;
    private final String password;
    private final CameraFaults faults = new CameraFaults();
    private final AtomicLong frames = new AtomicLong();
    private final String digestNonce;
    private final Answer digestChallenge;
    private final SimRecordings recordings = new SimRecordings();
    /** The answers that depend on the camera and its base address only, made on first use. */
    private volatile FixedAnswers fixed;

    private static final Answer PROFILES = Answers.soap("<trt:GetProfilesResponse>"
            + "<trt:Profiles token=\"profile_1\" fixed=\"true\"><tt:Name>mainStream</tt:Name></trt:Profiles>"
            + "<trt:Profiles token=\"profile_2\" fixed=\"true\"><tt:Name>subStream</tt:Name></trt:Profiles>"
            + "</trt:GetProfilesResponse>");

    /** The simulator passes each camera one base (http://address:port); another base gets new answers. */
    private record FixedAnswers(String base, Answer deviceInformation, Answer services, Answer capabilities) {
    }

    public record Identity(String manufacturer, String model, String firmware, String serial, String hardwareId) {
    }

    public SimulatedCamera(InetAddress address, Identity identity, String username, String password) {
        this.address = address;
        this.identity = identity;
        this.username = username;
        this.password = password;
        this.digestNonce = Base64.getEncoder().encodeToString(("sim-" + address.getHostAddress()).getBytes());
        this.digestChallenge = Answers.digestChallenge("XL-Sim", digestNonce);
    }

    /** A camera with a plausible identity derived from its address. */
    public static SimulatedCamera standard(InetAddress address, String username, String password) {
        String tail = address.getHostAddress().replace('.', '-');
        return new SimulatedCamera(address, new Identity("Xueliang Sim", "XL-IPC-2000", "V1.0.0 build 260101",
                "SIM-" + tail, "HW-" + tail), username, password);
    }

    public CameraFaults faults() {
        return faults;
    }

    public Identity identity() {
        return identity;
    }

    @Override
    public InetAddress address() {
        return address;
    }

    @Override
    public boolean isDown(Instant now) {
        return faults.isDown(now);
    }

    @Override
    public Duration delay() {
        return faults.delay();
    }

    @Override
    public Answer soap(XmlNode envelope, XmlNode op, String base, Instant now) {
        Instant deviceNow = now.plus(faults.clockDrift());
        String name = op.localName();
        if (name.equals("GetSystemDateAndTime")) {
            return Answers.soap(systemDateAndTime(deviceNow));
        }
        if (!authorized(envelope, deviceNow)) {
            return Answers.notAuthorized();
        }
        Answer search = recordings.answer(name, op, faults, deviceNow);
        if (search != null) {
            return search;
        }
        return switch (name) {
            case "GetDeviceInformation" -> fixed(base).deviceInformation();
            case "GetServices" -> fixed(base).services();
            case "GetCapabilities" -> fixed(base).capabilities();
            case "GetProfiles" -> PROFILES;
            case "GetSnapshotUri" -> Answers.soap("<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>" + base
                    + "/snapshot/" + SafeXml.escape(op.findText("ProfileToken").orElse("profile_1"))
                    + "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
                    + "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout>"
                    + "</trt:MediaUri></trt:GetSnapshotUriResponse>");
            default -> Answers.actionNotSupported(name);
        };
    }

    private FixedAnswers fixed(String base) {
        FixedAnswers f = fixed;
        if (f == null || !f.base().equals(base)) {
            f = new FixedAnswers(base, deviceInformation(identity), services(base), capabilities(base));
            fixed = f;
        }
        return f;
    }

    private static Answer deviceInformation(Identity id) {
        return Answers.soap("<tds:GetDeviceInformationResponse>" + el("tds:Manufacturer", id.manufacturer())
                + el("tds:Model", id.model()) + el("tds:FirmwareVersion", id.firmware())
                + el("tds:SerialNumber", id.serial()) + el("tds:HardwareId", id.hardwareId())
                + "</tds:GetDeviceInformationResponse>");
    }

    private static Answer services(String base) {
        return Answers.soap("<tds:GetServicesResponse>"
                + service("http://www.onvif.org/ver10/device/wsdl", base + "/onvif/device_service")
                + service("http://www.onvif.org/ver10/media/wsdl", base + "/onvif/media_service")
                + service(RecordingSearch.SEARCH_NS, base + "/onvif/search_service")
                + "</tds:GetServicesResponse>");
    }

    private static Answer capabilities(String base) {
        return Answers.soap("<tds:GetCapabilitiesResponse><tds:Capabilities>"
                + "<tt:Device><tt:XAddr>" + base + "/onvif/device_service</tt:XAddr></tt:Device>"
                + "<tt:Media><tt:XAddr>" + base + "/onvif/media_service</tt:XAddr></tt:Media>"
                + "</tds:Capabilities></tds:GetCapabilitiesResponse>");
    }

    @Override
    public Answer get(String pathAndQuery, String authorization, Instant now) {
        if (!pathAndQuery.startsWith("/snapshot/")) {
            return Answers.notFound();
        }
        if (!digestOk(authorization, pathAndQuery)) {
            return digestChallenge;
        }
        if (faults.has(Fault.BLACK_VIDEO)) {
            return Answers.jpeg(Jpegs.BLACK);
        }
        if (faults.has(Fault.FROZEN_VIDEO)) {
            return Answers.jpeg(VqdPictures.clean(0));
        }
        for (Fault f : VqdPictures.FAULTS) {
            if (faults.has(f)) {
                return Answers.jpeg(VqdPictures.of(f, frames.incrementAndGet()));
            }
        }
        return Answers.jpeg(VqdPictures.clean(frames.incrementAndGet()));
    }

    private boolean authorized(XmlNode envelope, Instant deviceNow) {
        if (faults.has(Fault.AUTH_FAILURE)) {
            return false;
        }
        Optional<XmlNode> token = envelope.child("Header").flatMap(h -> h.find("UsernameToken"));
        if (token.isEmpty()) {
            return false;
        }
        String user = token.get().findText("Username").orElse("");
        String digest = token.get().findText("Password").orElse("");
        String nonce = token.get().findText("Nonce").orElse("");
        String created = token.get().findText("Created").orElse("");
        try {
            Instant c = CreatedInstants.parse(created);
            if (Duration.between(c, deviceNow).abs().compareTo(CREATED_WINDOW) > 0) {
                return false;
            }
            return user.equals(username)
                    && WsUsernameToken.digest(Base64.getDecoder().decode(nonce), created, password).equals(digest);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean digestOk(String authorization, String uri) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)
                || faults.has(Fault.AUTH_FAILURE)) {
            return false;
        }
        Map<String, String> p = HttpDigest.params(authorization.substring(7));
        if (!username.equals(p.get("username")) || !uri.equals(p.get("uri")) || !digestNonce.equals(p.get("nonce"))) {
            return false;
        }
        String expected = HttpDigest.response(p.getOrDefault("algorithm", "MD5"), username, "XL-Sim", password, "GET",
                uri, digestNonce, p.getOrDefault("nc", ""), p.getOrDefault("cnonce", ""), p.getOrDefault("qop", ""));
        return expected.equals(p.get("response"));
    }

    static String systemDateAndTime(Instant deviceNow) {
        LocalDateTime u = LocalDateTime.ofInstant(deviceNow, ZoneOffset.UTC);
        LocalDateTime l = u.plusHours(8);
        return "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                + "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
                + "<tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone>"
                + "<tt:UTCDateTime>" + dateTime(u) + "</tt:UTCDateTime>"
                + "<tt:LocalDateTime>" + dateTime(l) + "</tt:LocalDateTime>"
                + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>";
    }

    private static String dateTime(LocalDateTime t) {
        return "<tt:Time><tt:Hour>" + t.getHour() + "</tt:Hour><tt:Minute>" + t.getMinute() + "</tt:Minute><tt:Second>"
                + t.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>" + t.getYear() + "</tt:Year><tt:Month>"
                + t.getMonthValue() + "</tt:Month><tt:Day>" + t.getDayOfMonth() + "</tt:Day></tt:Date>";
    }

    private static String service(String ns, String xaddr) {
        return "<tds:Service><tds:Namespace>" + ns + "</tds:Namespace><tds:XAddr>" + xaddr
                + "</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>";
    }

    private static String el(String name, String value) {
        return "<" + name + ">" + SafeXml.escape(value) + "</" + name + ">";
    }
}
