package org.xueliang.tracker.agent.onvif;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xueliang.tracker.agent.probe.Reason;

/** Typed readings of the few ONVIF answers the prober uses; each takes the first Body element. */
public final class OnvifResponses {

    private OnvifResponses() {
    }

    /** The device clock: UTC instant, how it was derived, and the raw time zone string. */
    public record DeviceTime(Instant utc, boolean fromLocalTime, String timeZone, String mode) {
    }

    public record DeviceInformation(String manufacturer, String model, String firmware, String serial,
                                    String hardwareId) {
    }

    /** Service namespace → XAddr as the device reported them (never rewritten). */
    public record Services(Map<String, String> xaddrs) {

        public Optional<String> mediaXAddr() {
            return Optional.ofNullable(xaddrs.get(Soap.MEDIA_NS));
        }
    }

    public record Profile(String token, String name) {
    }

    public static DeviceTime systemDateAndTime(XmlNode body) throws OnvifException {
        expect(body, "GetSystemDateAndTimeResponse");
        XmlNode sdt = body.find("SystemDateAndTime")
                .orElseThrow(() -> bad("GetSystemDateAndTimeResponse without SystemDateAndTime"));
        String tz = sdt.path("TimeZone", "TZ").map(n -> n.text().trim()).orElse("");
        String mode = sdt.child("DateTimeType").map(n -> n.text().trim()).orElse("");
        Optional<XmlNode> utc = sdt.child("UTCDateTime");
        if (utc.isPresent()) {
            return new DeviceTime(dateTime(utc.get()).toInstant(ZoneOffset.UTC), false, tz, mode);
        }
        XmlNode local = sdt.child("LocalDateTime")
                .orElseThrow(() -> bad("SystemDateAndTime has neither UTCDateTime nor LocalDateTime"));
        ZoneOffset offset = posixOffset(tz).orElse(ZoneOffset.UTC);
        return new DeviceTime(dateTime(local).toInstant(offset), true, tz, mode);
    }

    public static DeviceInformation deviceInformation(XmlNode body) throws OnvifException {
        expect(body, "GetDeviceInformationResponse");
        return new DeviceInformation(text(body, "Manufacturer"), text(body, "Model"), text(body, "FirmwareVersion"),
                text(body, "SerialNumber"), text(body, "HardwareId"));
    }

    public static Services services(XmlNode body) throws OnvifException {
        expect(body, "GetServicesResponse");
        Map<String, String> map = new LinkedHashMap<>();
        for (XmlNode s : body.childrenNamed("Service")) {
            String ns = s.child("Namespace").map(n -> n.text().trim()).orElse("");
            String xaddr = s.child("XAddr").map(n -> n.text().trim()).orElse("");
            if (!ns.isEmpty() && !xaddr.isEmpty()) {
                map.putIfAbsent(ns, xaddr);
            }
        }
        if (map.isEmpty()) {
            throw bad("GetServicesResponse lists no service");
        }
        return new Services(Map.copyOf(map));
    }

    /** GetCapabilities, mapped onto the same namespace → XAddr view as GetServices. */
    public static Services capabilities(XmlNode body) throws OnvifException {
        expect(body, "GetCapabilitiesResponse");
        XmlNode caps = body.child("Capabilities").orElseThrow(() -> bad("GetCapabilitiesResponse without Capabilities"));
        Map<String, String> map = new LinkedHashMap<>();
        caps.path("Device", "XAddr").ifPresent(n -> map.put(Soap.DEVICE_NS, n.text().trim()));
        caps.path("Media", "XAddr").ifPresent(n -> map.put(Soap.MEDIA_NS, n.text().trim()));
        caps.path("Events", "XAddr").ifPresent(n -> map.put("http://www.onvif.org/ver10/events/wsdl", n.text().trim()));
        caps.path("PTZ", "XAddr").ifPresent(n -> map.put("http://www.onvif.org/ver20/ptz/wsdl", n.text().trim()));
        caps.path("Imaging", "XAddr").ifPresent(n -> map.put("http://www.onvif.org/ver20/imaging/wsdl", n.text().trim()));
        map.values().removeIf(String::isEmpty);
        if (map.isEmpty()) {
            throw bad("GetCapabilitiesResponse lists no XAddr");
        }
        return new Services(Map.copyOf(map));
    }

    /** Media1 or media2 GetProfiles: the profile tokens in device order. */
    public static List<Profile> profiles(XmlNode body) throws OnvifException {
        expect(body, "GetProfilesResponse");
        List<Profile> out = new ArrayList<>();
        for (XmlNode p : body.childrenNamed("Profiles")) {
            String token = p.attribute("token");
            if (token != null && !token.isBlank()) {
                out.add(new Profile(token.trim(), p.child("Name").map(n -> n.text().trim()).orElse("")));
            }
        }
        return List.copyOf(out);
    }

    /** Media1 ({@code MediaUri/Uri}) or media2 ({@code Uri}) GetSnapshotUri. */
    public static String snapshotUri(XmlNode body) throws OnvifException {
        expect(body, "GetSnapshotUriResponse");
        String uri = body.findText("Uri").orElse("");
        if (uri.isEmpty()) {
            throw bad("GetSnapshotUriResponse without a Uri");
        }
        return uri;
    }

    private static LocalDateTime dateTime(XmlNode dt) throws OnvifException {
        try {
            return LocalDateTime.of(num(dt, "Date", "Year"), num(dt, "Date", "Month"), num(dt, "Date", "Day"),
                    num(dt, "Time", "Hour"), num(dt, "Time", "Minute"), num(dt, "Time", "Second"));
        } catch (DateTimeException e) {
            throw bad("impossible date/time: " + e.getMessage());
        }
    }

    private static int num(XmlNode dt, String group, String field) throws OnvifException {
        String s = dt.path(group, field).map(n -> n.text().trim()).orElseThrow(() -> bad("date/time without " + field));
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad("date/time " + field + " is not a number: " + s);
        }
    }

    private static final Pattern POSIX_TZ = Pattern.compile("^(?:[A-Za-z]{3,}|<[^>]+>)([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    /**
     * The standard-time offset of a POSIX TZ string ("CST-8" is UTC+8, "EST-1:00:00" UTC+1, "BRT3"
     * UTC-3). POSIX signs are inverted relative to ISO. Daylight rules are ignored.
     */
    public static Optional<ZoneOffset> posixOffset(String tz) {
        Matcher m = POSIX_TZ.matcher(tz == null ? "" : tz.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(2));
        int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sec = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int total = h * 3600 + min * 60 + sec;
        if (total > 18 * 3600) {
            return Optional.empty();
        }
        return Optional.of(ZoneOffset.ofTotalSeconds("-".equals(m.group(1)) ? total : -total));
    }

    private static void expect(XmlNode body, String local) throws OnvifException {
        if (!body.localName().equals(local)) {
            throw bad("expected " + local + " but the device answered " + body.localName());
        }
    }

    private static String text(XmlNode body, String local) {
        return body.child(local).map(n -> n.text().trim()).orElse("");
    }

    private static OnvifException bad(String message) {
        return new OnvifException(Reason.BAD_RESPONSE, message);
    }
}
