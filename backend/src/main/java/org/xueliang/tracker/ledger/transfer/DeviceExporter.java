package org.xueliang.tracker.ledger.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFilter;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.LedgerReference;
import org.xueliang.tracker.ledger.Site;

/**
 * Export of the devices a list filter selects (within the user's projects), as CSV or XLSX, in
 * asset-tag order: one row per device, the columns of {@link DeviceColumns}. Built so that the
 * file imports back with no change.
 */
@Service
class DeviceExporter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final DeviceService service;
    private final DeviceRepository devices;
    private final LedgerReference.Loader references;
    private final Clock clock;

    DeviceExporter(DeviceService service, DeviceRepository devices, LedgerReference.Loader references, Clock clock) {
        this.service = service;
        this.devices = devices;
        this.references = references;
        this.clock = clock;
    }

    ExportFile export(DeviceFilter filter, SpreadsheetFormat format) {
        LedgerReference reference = references.load();
        List<Device> selected = service.all(filter);
        Map<Long, String> uplinkTags = uplinkTags(selected);
        List<List<Object>> rows = new ArrayList<>();
        for (Device device : selected) {
            rows.add(row(device, reference, uplinkTags));
        }
        List<String> header = DeviceColumns.headerNames();
        byte[] content = format == SpreadsheetFormat.XLSX
                ? XlsxDeviceWriter.write(header, rows)
                : CsvDeviceWriter.write(header, rows);
        String fileName = "devices-" + FILE_DATE.format(LocalDate.now(clock)) + "." + format.extension();
        return new ExportFile(fileName, format.contentType(), content);
    }

    private static List<Object> row(Device device, LedgerReference reference, Map<Long, String> uplinkTags) {
        List<Object> row = new ArrayList<>(Arrays.asList(DeviceColumns.values(device.fields())));
        Site site = device.getSiteId() == null ? null : reference.sites().get(device.getSiteId());
        row.add(site == null ? null : site.getCode());
        row.add(device.getUplinkDeviceId() == null ? null : uplinkTags.get(device.getUplinkDeviceId()));
        return row;
    }

    /** Asset tag by id of the exported devices' uplinks, which the filter may have left out (one query for those). */
    private Map<Long, String> uplinkTags(List<Device> selected) {
        Map<Long, String> tags = new HashMap<>();
        selected.forEach(d -> tags.put(d.getId(), d.getAssetTag()));
        Set<Long> missing = new HashSet<>();
        selected.stream().map(Device::getUplinkDeviceId).filter(id -> id != null && !tags.containsKey(id)).forEach(missing::add);
        if (!missing.isEmpty()) {
            devices.findAllById(missing).forEach(d -> tags.put(d.getId(), d.getAssetTag()));
        }
        return tags;
    }
}
