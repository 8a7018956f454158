package org.xueliang.tracker.label;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFilter;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.PdfCells;

/**
 * Which devices a print covers and what their labels say. A selection ({@code deviceIds}) is taken whole or refused
 * (404 for an id that is missing or outside the caller's projects, as the ledger answers); a filter covers the
 * matching devices within the caller's projects. At most {@link #MAX_LABELS} labels a request, checked before any
 * device is loaded. Printing changes nothing, so it is not audited (docs/LABELS.md).
 */
@Service
class LabelService {

    /** 5,000 labels: 209 A4 sheets of 24; more is a filter to narrow or several prints. */
    static final int MAX_LABELS = 5000;

    private final DeviceService devices;
    private final SiteRepository sites;
    private final String pdfFont;

    LabelService(DeviceService devices, SiteRepository sites,
                 @Value("${xl.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String pdfFont) {
        this.devices = devices;
        this.sites = sites;
        this.pdfFont = pdfFont;
    }

    /** The selected devices' labels as a PDF in {@code layout}; {@code baseUrl} prefixes the QR codes' addresses. */
    byte[] selection(Collection<Long> deviceIds, LabelLayout layout, String baseUrl) {
        if (deviceIds.isEmpty() || deviceIds.contains(null)) {
            throw ApiException.badRequest("deviceIds", "deviceIds must be device ids separated by commas, at least one");
        }
        if (deviceIds.stream().distinct().count() > MAX_LABELS) {
            throw ApiException.badRequest("deviceIds", "at most " + MAX_LABELS + " labels can be printed at once");
        }
        return pdf(devices.selected(deviceIds), layout, baseUrl);
    }

    /** The labels of the devices matching {@code filter} as a PDF in {@code layout}. */
    byte[] filtered(DeviceFilter filter, LabelLayout layout, String baseUrl) {
        long matching = devices.count(filter);
        if (matching == 0) {
            throw ApiException.badRequest("filter", "no device matches the filter: there is nothing to print");
        }
        if (matching > MAX_LABELS) {
            throw ApiException.badRequest("filter", matching + " devices match the filter; at most " + MAX_LABELS
                    + " labels can be printed at once: narrow the filter (siteId, category, q) or print in parts");
        }
        return pdf(devices.all(filter), layout, baseUrl);
    }

    private byte[] pdf(List<Device> chosen, LabelLayout layout, String baseUrl) {
        var font = PdfCells.font(pdfFont); // first: a missing font is a 503 before any work
        Map<Long, String> siteNames = sites.findAllById(chosen.stream().map(Device::getSiteId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Site::getId, Site::getName));
        Function<Device, PrintedLabel> label = d -> new PrintedLabel(new LabelCode(d.getId(), d.getAssetTag()).text(baseUrl),
                d.getAssetTag(), d.getName(), d.getGbCode(), d.getSiteId() == null ? null : siteNames.get(d.getSiteId()));
        return LabelSheet.write(chosen.stream().map(label).toList(), layout, font);
    }
}
