package org.xueliang.tracker.agent.gb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MANSCDP document (GB/T 28181 §A): {@code <Query>}, {@code <Response>}, {@code <Notify>} or {@code <Control>},
 * as plain data. {@code fields} holds the root's simple child elements by name (Manufacturer, Online, DeviceTime…);
 * {@code items} holds the {@code <Item>}s of the document's one list (DeviceList of a Catalog, RecordList of a
 * RecordInfo, Alarmstatus of a DeviceStatus), each as its simple child elements by name; {@code sumNum} is the
 * total a multi-message answer announces (Catalog and RecordInfo split large lists over several MESSAGEs).
 */
public record ManscdpMessage(Root root, String cmdType, long sn, String deviceId, Map<String, String> fields,
                             String listName, List<Map<String, String>> items, Integer sumNum) {

    public enum Root { Query, Response, Notify, Control }

    public ManscdpMessage {
        fields = fields == null ? Map.of() : ordered(fields);
        items = items == null ? List.of() : items.stream().map(ManscdpMessage::ordered).toList();
    }

    /**
     * An unmodifiable copy that keeps the given order: {@link Manscdp#write} writes elements in it, and devices
     * expect Annex A's order. Null keys and values are refused, as {@code Map.copyOf} does.
     */
    private static Map<String, String> ordered(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "a null field name"),
                Objects.requireNonNull(v, () -> "a null value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    public static ManscdpMessage of(Root root, String cmdType, long sn, String deviceId, Map<String, String> fields) {
        return new ManscdpMessage(root, cmdType, sn, deviceId, fields, null, List.of(), null);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
