package org.xueliang.tracker.ledger;

import java.util.Map;
import java.util.Optional;

/**
 * A 20-digit national device code (国标编码, GB/T 28181 Appendix D), as plain rules:
 * <pre>
 *   digits  1–8   centre code: 行政区划代码 (6: province, city, county) + 2-digit grassroots unit
 *   digits  9–10  industry code (行业编码)
 *   digits 11–13  type code (类型编码): 111 DVR, 118 NVR, 131 camera, 132 IPC, 200 platform …
 *   digit  14     network code (网络标识)
 *   digits 15–20  serial
 * </pre>
 */
public record GbCode(String value) {

    /** Type codes of GB/T 28181-2016/2022 Appendix D that a ledger device can carry, with their code (for messages). */
    public static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("111", "DVR"), Map.entry("112", "VIDEO_SERVER"), Map.entry("113", "ENCODER"),
            Map.entry("114", "DECODER"), Map.entry("115", "VIDEO_SWITCH"), Map.entry("116", "AUDIO_SWITCH"),
            Map.entry("117", "ALARM_CONTROLLER"), Map.entry("118", "NVR"), Map.entry("119", "HVR"),
            Map.entry("130", "EXTENSION"), Map.entry("131", "CAMERA"), Map.entry("132", "IPC"),
            Map.entry("133", "DISPLAY"), Map.entry("134", "ALARM_INPUT"), Map.entry("135", "ALARM_OUTPUT"),
            Map.entry("136", "VOICE_INPUT"), Map.entry("137", "VOICE_OUTPUT"), Map.entry("138", "MOBILE_TRANSMISSION"),
            Map.entry("139", "OTHER_PERIPHERAL"), Map.entry("140", "ALARM_OUTPUT_DEVICE"),
            Map.entry("200", "PLATFORM"), Map.entry("201", "WEB_SERVER"), Map.entry("202", "MEDIA_DISTRIBUTOR"),
            Map.entry("203", "PROXY_SERVER"), Map.entry("204", "SECURITY_SERVER"), Map.entry("205", "ALARM_SERVER"),
            Map.entry("206", "DATABASE_SERVER"), Map.entry("207", "GIS_SERVER"), Map.entry("208", "MANAGEMENT_SERVER"),
            Map.entry("209", "GATEWAY"), Map.entry("210", "MEDIA_STORAGE_SERVER"), Map.entry("211", "SIGNALLING_GATEWAY"),
            Map.entry("215", "BUSINESS_GROUP"), Map.entry("216", "VIRTUAL_ORGANISATION"));

    /** Why a text is not a valid code: a message key suffix the callers turn into words. */
    public enum Problem { FORMAT, REGION, TYPE }

    public String centre() { return value.substring(0, 8); }

    public String region() { return value.substring(0, 6); }

    public String industry() { return value.substring(8, 10); }

    public String type() { return value.substring(10, 13); }

    public String network() { return value.substring(13, 14); }

    public String serial() { return value.substring(14, 20); }

    /** A recorder with channels (DVR, NVR, HVR, video server): its Catalog lists cameras. */
    public boolean isRecorder() {
        return switch (type()) {
            case "111", "112", "118", "119" -> true;
            default -> false;
        };
    }

    /** A camera (131 camera, 132 IPC). */
    public boolean isCamera() {
        return type().equals("131") || type().equals("132");
    }

    /** 20 digits with a known type code; no check of the region (see {@link #check}). */
    public static Optional<GbCode> parse(String text) {
        return check(text, null).isPresent() ? Optional.empty() : Optional.of(new GbCode(text.trim()));
    }

    /**
     * The first problem of {@code text} as a device code in a project whose 行政区划代码 is {@code regionCode}
     * (null: any region), or empty when it is valid.
     */
    public static Optional<Problem> check(String text, String regionCode) {
        if (text == null) {
            return Optional.of(Problem.FORMAT);
        }
        String t = text.trim();
        if (t.length() != 20 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Problem.FORMAT);
        }
        if (regionCode != null && !regionCode.isBlank() && !t.startsWith(regionCode.trim())) {
            return Optional.of(Problem.REGION);
        }
        if (!TYPES.containsKey(t.substring(10, 13))) {
            return Optional.of(Problem.TYPE);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
