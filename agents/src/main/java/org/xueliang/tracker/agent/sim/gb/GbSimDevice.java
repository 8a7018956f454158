package org.xueliang.tracker.agent.sim.gb;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/**
 * One simulated GB/T 28181 device (an IPC or an NVR with channels) as MANSCDP content: what it answers to each query
 * and what it notifies, with its faults applied. No SIP here ({@link GbSimulator} carries these bodies), so the
 * answers are tested on their own.
 *
 * <p>An IPC has one channel whose code is its own (as many IPCs report, so a channel event reaches the same ledger
 * camera); an NVR's channels carry their own camera codes (type 131).
 */
public final class GbSimDevice {

    public enum Kind { IPC, NVR }

    /** Catalog and RecordInfo items per MESSAGE: a large answer comes in parts, each with SumNum (as NVRs do). */
    static final int ITEMS_PER_PART = 8;
    /** Recorded files are an hour long; RecordInfo lists one item per file that overlaps the asked window. */
    static final Duration FILE_LENGTH = Duration.ofHours(1);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final String code;
    private final Kind kind;
    private final String password;
    private final List<String> channels;
    private final GbFaults faults;
    private final ZoneId zone;
    private final Instant started;
    private final Map<String, Described> described;

    /**
     * What a channel's Catalog item says about the camera as its installer configured it (any part null = the
     * simulator's own placeholder): the demo makes the ledger's cameras report their ledger name, model and site
     * position, with a few deliberate differences.
     */
    public record Described(String name, String model, String longitude, String latitude) {
    }

    public GbSimDevice(String code, Kind kind, String password, List<String> channels, GbFaults faults, ZoneId zone,
                       Instant started) {
        this(code, kind, password, channels, faults, zone, started, Map.of());
    }

    public GbSimDevice(String code, Kind kind, String password, List<String> channels, GbFaults faults, ZoneId zone,
                       Instant started, Map<String, Described> described) {
        if (!code.matches("\\d{20}")) {
            throw new IllegalArgumentException("a GB/T 28181 code has 20 digits: " + code);
        }
        this.code = code;
        this.kind = kind;
        this.password = password;
        this.channels = List.copyOf(channels);
        this.faults = faults;
        this.zone = zone;
        this.started = started;
        this.described = Map.copyOf(described);
    }

    public String code() { return code; }

    public Kind kind() { return kind; }

    public List<String> channels() { return channels; }

    public GbFaults faults() { return faults; }

    /** The password it answers the digest challenge with (wrong under the wrong-password fault). */
    String passwordToSend() {
        return faults.wrongPassword() ? password + "-wrong" : password;
    }

    boolean keepsAlive(Instant now) {
        return faults.keepsAlive(Duration.between(started, now));
    }

    /** The channel whose video is lost at {@code now}, or null. */
    String lostChannel(Instant now) {
        Instant lost = videoLostAt();
        Instant back = videoBackAt();
        if (lost == null || now.isBefore(lost) || (back != null && !now.isBefore(back))) {
            return null;
        }
        return vlostChannel();
    }

    /** The channel the vlost fault names (whether or not its video is lost yet), or null. */
    String vlostChannel() {
        int c = faults.vlostChannel();
        return c < 0 || c >= channels.size() ? null : channels.get(c);
    }

    /** When the video of the vlost channel goes (null: never or no such channel). */
    Instant videoLostAt() {
        return vlostChannel() == null ? null : started.plus(faults.vlostAfter());
    }

    /** When the video of the vlost channel comes back (null: never, or no such channel). */
    Instant videoBackAt() {
        Instant lost = videoLostAt();
        return lost == null || faults.vlostFor() == null ? null : lost.plus(faults.vlostFor());
    }

    ManscdpMessage keepalive(long sn) {
        return ManscdpMessage.of(Root.Notify, "Keepalive", sn, code, Map.of("Status", "OK"));
    }

    ManscdpMessage deviceInfo(long sn) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("DeviceName", name());
        f.put("Result", "OK");
        f.put("Manufacturer", "Xueliang Sim");
        f.put("Model", kind == Kind.NVR ? "XL-NVR-" + channels.size() : "XL-IPC-2000");
        f.put("Firmware", "V2.8.1 build 260101");
        f.put("Channel", Integer.toString(channels.size()));
        return ManscdpMessage.of(Root.Response, "DeviceInfo", sn, code, f);
    }

    /** DeviceStatus: online, recording, its clock (with drift) in local time, and an alarm for a lost channel. */
    ManscdpMessage deviceStatus(long sn, Instant now) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Result", "OK");
        f.put("Online", "ONLINE");
        f.put("Status", "OK");
        f.put("Encode", "ON");
        f.put("Record", "ON");
        f.put("DeviceTime", local(now.plus(faults.drift())));
        String lost = lostChannel(now);
        List<Map<String, String>> alarms = new ArrayList<>();
        for (String ch : channels) {
            alarms.add(Map.of("DeviceID", ch, "DutyStatus", ch.equals(lost) ? "ALARM" : "OFFDUTY"));
        }
        return new ManscdpMessage(Root.Response, "DeviceStatus", sn, code, f, alarms.isEmpty() ? null : "Alarmstatus",
                alarms, null);
    }

    /** The Catalog answer in parts of {@link #ITEMS_PER_PART}; partial-catalog drops the last part (when there are two or more). */
    List<ManscdpMessage> catalog(long sn) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            items.add(channelItem(i, null));
        }
        List<ManscdpMessage> parts = parts(Root.Response, "Catalog", sn, code, "DeviceList", items, Map.of());
        if (faults.partialCatalog() && parts.size() > 1) {
            return parts.subList(0, parts.size() - 1);
        }
        if (faults.partialCatalog() && parts.size() == 1 && items.size() > 1) {
            // a one-part catalog made partial: half the items, still announcing all of them
            ManscdpMessage only = parts.get(0);
            return List.of(new ManscdpMessage(only.root(), only.cmdType(), sn, code, only.fields(), only.listName(),
                    items.subList(0, items.size() / 2), items.size()));
        }
        return parts;
    }

    /** A NOTIFY Catalog with one channel's event (ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE). */
    ManscdpMessage channelEvent(long sn, String channel, String event) {
        int i = channels.indexOf(channel);
        if (i < 0) {
            throw new IllegalArgumentException(channel + " is not a channel of " + code);
        }
        return new ManscdpMessage(Root.Notify, "Catalog", sn, code, Map.of(), "DeviceList", List.of(channelItem(i, event)), 1);
    }

    /**
     * RecordInfo for one channel between {@code start} and {@code end} (local times as the query gave them):
     * hour-long files up to {@code now}, minus the first minutes of every 6 hours under record-gaps, none older than
     * keep-days allows.
     * An unknown channel gets an empty list (SumNum 0).
     */
    List<ManscdpMessage> recordInfo(long sn, String channel, LocalDateTime start, LocalDateTime end, Instant now) {
        List<Map<String, String>> items = new ArrayList<>();
        LocalDateTime last = end.isAfter(LocalDateTime.ofInstant(now, zone)) ? LocalDateTime.ofInstant(now, zone) : end;
        if (faults.keep() != null) {
            LocalDateTime oldest = LocalDateTime.ofInstant(now.minus(faults.keep()), zone);
            start = start.isBefore(oldest) ? oldest : start;
        }
        if (channels.contains(channel) && start.isBefore(last)) {
            LocalDateTime file = start.withMinute(0).withSecond(0).withNano(0);
            while (file.isBefore(last) && items.size() < 2000) {
                LocalDateTime from = file;
                if (faults.recordGapMinutes() > 0 && file.getHour() % 6 == 0) {
                    from = file.plusMinutes(faults.recordGapMinutes());
                }
                LocalDateTime to = file.plus(FILE_LENGTH);
                from = from.isBefore(start) ? start : from;
                to = to.isAfter(last) ? last : to;
                if (from.isBefore(to)) {
                    Map<String, String> item = new LinkedHashMap<>();
                    item.put("DeviceID", channel);
                    item.put("Name", "channel " + (channels.indexOf(channel) + 1));
                    item.put("FilePath", channel + "/" + from.format(DateTimeFormatter.BASIC_ISO_DATE) + "/" + from.getHour());
                    item.put("Address", "sim");
                    item.put("StartTime", from.format(LOCAL));
                    item.put("EndTime", to.format(LOCAL));
                    item.put("Secrecy", "0");
                    item.put("Type", "time");
                    items.add(item);
                }
                file = file.plus(FILE_LENGTH);
            }
        }
        return parts(Root.Response, "RecordInfo", sn, channel, "RecordList", items, Map.of("Name", name()));
    }

    LocalDateTime parseLocal(String text) {
        return LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, LOCAL);
    }

    String local(Instant t) {
        return LocalDateTime.ofInstant(t, zone).format(LOCAL);
    }

    private Map<String, String> channelItem(int i, String event) {
        String ch = channels.get(i);
        Map<String, String> item = new LinkedHashMap<>();
        item.put("DeviceID", ch);
        Described d = described.getOrDefault(ch, new Described(null, null, null, null));
        item.put("Name", d.name() != null ? d.name() : kind == Kind.NVR ? "通道" + (i + 1) : name());
        item.put("Manufacturer", "Xueliang Sim");
        item.put("Model", d.model() != null ? d.model() : "XL-IPC-2000");
        item.put("Owner", "Owner");
        item.put("CivilCode", code.substring(0, 6));
        item.put("Address", "模拟设备");
        item.put("Parental", "0");
        item.put("ParentID", code);
        item.put("SafetyWay", "0");
        item.put("RegisterWay", "1");
        item.put("Secrecy", "0");
        item.put("Status", "ON");
        item.put("Longitude", d.longitude() != null ? d.longitude() : "110.9" + (i % 10));
        item.put("Latitude", d.latitude() != null ? d.latitude() : "35.6" + (i % 10));
        item.put("Info.PTZType", "3");
        if (event != null) {
            item.put("Event", event);
        }
        return item;
    }

    private String name() {
        return (kind == Kind.NVR ? "模拟NVR " : "模拟摄像机 ") + code.substring(14);
    }

    /** Splits {@code items} into messages of {@link #ITEMS_PER_PART}, each announcing the total (one empty part for none). */
    private static List<ManscdpMessage> parts(Root root, String cmdType, long sn, String deviceId, String listName,
                                              List<Map<String, String>> items, Map<String, String> fields) {
        List<ManscdpMessage> out = new ArrayList<>();
        for (int from = 0; from < items.size() || out.isEmpty(); from += ITEMS_PER_PART) {
            List<Map<String, String>> part = items.subList(Math.min(from, items.size()), Math.min(items.size(), from + ITEMS_PER_PART));
            out.add(new ManscdpMessage(root, cmdType, sn, deviceId, fields, listName, part, items.size()));
        }
        return out;
    }
}
