package org.xueliang.tracker.archive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.gb28181.GbCatalogEntries;
import org.xueliang.tracker.gb28181.GbCatalogEntries.Reported;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.monitoring.DeviceFactReads;

/**
 * The archive against what the cameras report about themselves: the GB/T 28181 Catalog item (name, model, PTZType,
 * coordinates) or DeviceInfo (model), and the model the camera's own probe reports (from {@code device_fact}): ONVIF
 * DeviceInformation, or the ENTITY-MIB chassis of a camera probed over SNMP. Only values both sides know are compared;
 * names and models ignoring case and surrounding blanks, coordinates within {@value #COORDINATE_TOLERANCE}° (about
 * 50 m).
 */
@Service
class ArchiveMismatches {

    static final double COORDINATE_TOLERANCE = 0.0005;

    private final GbCatalogEntries gb;
    private final DeviceFactReads facts;

    ArchiveMismatches(GbCatalogEntries gb, DeviceFactReads facts) {
        this.gb = gb;
        this.facts = facts;
    }

    List<ArchiveView.Mismatch> of(List<CameraArchive> archives) {
        Map<String, Reported> reported = gb.of(archives.stream().map(a -> a.camera().gbCode()).filter(Objects::nonNull).toList());
        Map<Long, Map<String, String>> reportedFacts = facts.of(archives.stream().map(a -> a.camera().id()).toList(),
                List.of(Facts.MODEL));
        List<ArchiveView.Mismatch> out = new ArrayList<>();
        for (CameraArchive a : archives) {
            Camera c = a.camera();
            Reported r = c.gbCode() == null ? null : reported.get(c.gbCode());
            if (r != null) {
                String source = r.source() == GbCatalogEntries.Source.CATALOG ? "GB_CATALOG" : "GB_DEVICE_INFO";
                text(out, a, "name", source, a.value(ArchiveField.NAME), r.name());
                text(out, a, "model", source, a.value(ArchiveField.MODEL), r.model());
                ArchiveCodes.cameraTypeOfGb(r.ptzType()).ifPresent(t -> text(out, a, "cameraType", source,
                        a.value(ArchiveField.CAMERA_TYPE), t.name()));
                coordinates(out, a, source, r.longitude(), r.latitude());
            }
            String probe = modelReportingProbe(c.probeMethod());
            if (probe != null) {
                text(out, a, "model", probe, a.value(ArchiveField.MODEL),
                        reportedFacts.getOrDefault(c.id(), Map.of()).get(Facts.MODEL));
            }
        }
        return out;
    }

    /**
     * The source of the {@code model} fact: the probe the ledger assigns, when it is one that reads models. A model
     * left from a probe method the camera no longer has is not its current word, and is not compared.
     */
    static String modelReportingProbe(String probeMethod) {
        return "ONVIF".equals(probeMethod) || "SNMP".equals(probeMethod) ? probeMethod : null;
    }

    private static void text(List<ArchiveView.Mismatch> out, CameraArchive a, String field, String source, String ours,
                             String theirs) {
        if (ours == null || theirs == null || ours.isBlank() || theirs.isBlank()) {
            return;
        }
        if (!ours.trim().equalsIgnoreCase(theirs.trim())) {
            out.add(mismatch(a, field, source, ours.trim(), theirs.trim()));
        }
    }

    private static void coordinates(List<ArchiveView.Mismatch> out, CameraArchive a, String source, BigDecimal lon,
                                    BigDecimal lat) {
        String ourLon = a.value(ArchiveField.LONGITUDE);
        String ourLat = a.value(ArchiveField.LATITUDE);
        // 0,0 is what a device without a position sends
        if (lon == null || lat == null || ourLon == null || ourLat == null || (lon.signum() == 0 && lat.signum() == 0)) {
            return;
        }
        try {
            double dLon = Math.abs(Double.parseDouble(ourLon) - lon.doubleValue());
            double dLat = Math.abs(Double.parseDouble(ourLat) - lat.doubleValue());
            if (dLon > COORDINATE_TOLERANCE || dLat > COORDINATE_TOLERANCE) {
                out.add(mismatch(a, "coordinates", source, ourLon + "," + ourLat,
                        ArchiveService.plain(lon) + "," + ArchiveService.plain(lat)));
            }
        } catch (NumberFormatException e) {
            // an invalid coordinate is the rules' finding, not a mismatch
        }
    }

    private static ArchiveView.Mismatch mismatch(CameraArchive a, String field, String source, String ours, String theirs) {
        Camera c = a.camera();
        return new ArchiveView.Mismatch(c.id(), c.assetTag(), c.name(), field, source, ours, theirs);
    }
}
