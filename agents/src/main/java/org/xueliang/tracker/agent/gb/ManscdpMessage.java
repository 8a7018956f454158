package org.xueliang.tracker.agent.gb;

import java.util.List;
import java.util.Map;

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
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        items = items == null ? List.of() : items.stream().map(Map::copyOf).toList();
    }

    public static ManscdpMessage of(Root root, String cmdType, long sn, String deviceId, Map<String, String> fields) {
        return new ManscdpMessage(root, cmdType, sn, deviceId, fields, null, List.of(), null);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
