package org.xueliang.tracker.gb28181;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What GB/T 28181 devices say about themselves, by national code, for comparisons with the ledger and the 一机一档:
 * the Catalog item a recorder (or the camera itself) lists for the code (name, manufacturer, model, PTZType,
 * coordinates), else the DeviceInfo answer of a camera registered in its own right (manufacturer, model). Read-only,
 * no scope check: callers pass codes of devices the user may already see.
 */
@Service
public class GbCatalogEntries {

    /** Where a {@link Reported} came from. */
    public enum Source { CATALOG, DEVICE_INFO }

    /** A device as GB/T 28181 reports it; every field may be null. */
    public record Reported(String code, Source source, String name, String manufacturer, String model, Integer ptzType,
                           BigDecimal longitude, BigDecimal latitude) {
    }

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    GbCatalogEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest report of each of {@code codes} that GB/T 28181 knows; codes it never heard of are absent. */
    @Transactional(readOnly = true)
    public Map<String, Reported> of(Collection<String> codes) {
        List<String> all = codes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        Map<String, Reported> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> part = all.subList(from, Math.min(all.size(), from + BATCH));
            String in = String.join(",", part.stream().map(c -> "?").toList());
            jdbc.query("SELECT device_code, manufacturer, model FROM gb_registration WHERE device_code IN (" + in + ")",
                    rs -> {
                        String code = rs.getString(1);
                        out.put(code, new Reported(code, Source.DEVICE_INFO, null, rs.getString(2), rs.getString(3), null,
                                null, null));
                    }, part.toArray());
            // the channel's own catalog line wins over DeviceInfo; of several recorders listing it, the latest update
            jdbc.query("SELECT channel_code, name, manufacturer, model, ptz_type, longitude, latitude FROM gb_channel"
                    + " WHERE removed_at IS NULL AND channel_code IN (" + in + ") ORDER BY updated_at", rs -> {
                        String code = rs.getString(1);
                        out.put(code, new Reported(code, Source.CATALOG, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, Integer.class), rs.getBigDecimal(6), rs.getBigDecimal(7)));
                    }, part.toArray());
        }
        return out;
    }
}
