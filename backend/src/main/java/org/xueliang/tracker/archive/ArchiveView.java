package org.xueliang.tracker.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/devices/{id}/archive}: the stored archive ({@code archive}, own fields only, absent = not filled
 * in), the values in force ({@code values}: ledger fields, stored fields, defaults; {@code defaulted} names the
 * defaults), each field's check with a message in the reader's language, the figures, and what the device itself
 * reports where it differs.
 */
public record ArchiveView(long deviceId, long projectId, String assetTag, String name, String siteName, String township,
                          Map<String, String> archive, Map<String, String> values, List<String> defaulted,
                          List<FieldCheck> checks, int validFields, int requiredFields, double completeness,
                          boolean complete, Instant updatedAt, List<Mismatch> mismatches) {

    /** One field: required or not, kept in the ledger or here, OK / MISSING / INVALID with the problem code. */
    public record FieldCheck(String field, String label, boolean required, boolean ledger, String status, String problem,
                             String message) {
    }

    /** A field whose value differs from what the device reports ({@code source}: GB_CATALOG, GB_DEVICE_INFO, ONVIF, SNMP). */
    public record Mismatch(long deviceId, String assetTag, String name, String field, String source, String archive,
                           String reported) {
    }

    /** One camera in {@code GET /api/v1/projects/{id}/archives}. */
    public record Row(long deviceId, String assetTag, String name, String categoryCode, String siteName, String township,
                      String maintenanceUnit, int validFields, int requiredFields, double completeness, boolean complete,
                      List<String> missing, List<String> invalid) {
    }

    /** One group of {@code GET /api/v1/projects/{id}/archive-rates}. */
    public record Rate(String key, String label, int cameras, int completeCameras, long validFields, long requiredFields,
                       Double archiveCompleteness, Double filingRate) {
    }

    public record Rates(long projectId, String groupBy, Rate total, List<Rate> groups) {
    }
}
