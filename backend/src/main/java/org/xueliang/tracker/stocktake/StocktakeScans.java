package org.xueliang.tracker.stocktake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.label.LabelCode;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.StockItem;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Coordinates;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * Scans into an open session: what a label's QR code holds ({@link LabelCode}) or an asset tag typed by hand, with an
 * optional position from the phone and the serial number read off the device. A code naming no device of the caller's
 * projects is a 422 and stores nothing; a device scanned again is recorded as a scan but found once.
 */
@Service
public class StocktakeScans {

    static final int MAX_CODE = 500;

    /** The body of {@code POST /api/v1/stocktakes/{id}/scans}. */
    public record ScanRequest(String code, BigDecimal latitude, BigDecimal longitude, String serial) {
    }

    /** What a scan did: the device, whether it was seen before in this session, whether the session expected it. */
    public record ScanResult(long deviceId, String assetTag, String name, String siteName, boolean repeated, boolean expected,
                             Stocktake stocktake) {
    }

    private final StocktakeService sessions;
    private final StocktakeStore store;
    private final DeviceDirectory directory;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    StocktakeScans(StocktakeService sessions, StocktakeStore store, DeviceDirectory directory, CurrentUser currentUser,
                   AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ScanResult scan(long stocktakeId, ScanRequest in) {
        validate(in);
        Stocktake session = sessions.visible(stocktakeId);
        String code = in.code().trim();
        Optional<LabelCode> label = LabelCode.parse(code);
        StockItem device = resolve(code, label)
                .orElseThrow(() -> ApiException.invalid("code", "no device of your projects has this label or asset tag"));
        if (!store.touchOpen(stocktakeId)) {
            throw ApiException.conflict("stocktake " + stocktakeId + " is closed: it takes no more scans");
        }
        String serial = in.serial() == null || in.serial().isBlank() ? null : in.serial().trim();
        StocktakeStore.Scan scan = new StocktakeStore.Scan(stocktakeId, device.id(), code, clock.instant(),
                AuditTrail.currentActor(), in.latitude(), in.longitude(), label.map(LabelCode::assetTag).orElse(null), serial,
                device.siteId());
        store.log(scan);
        boolean first = store.found(scan);
        boolean expected = store.expects(stocktakeId, device.id());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deviceId", device.id());
        after.put("assetTag", device.assetTag());
        after.put("repeated", !first);
        after.put("expected", expected);
        if (in.latitude() != null) {
            after.put("latitude", in.latitude());
            after.put("longitude", in.longitude());
        }
        if (serial != null) {
            after.put("serial", serial);
        }
        audit.record(session.projectId(), "STOCKTAKE_SCAN", "Stocktake", stocktakeId,
                "Stocktake " + stocktakeId + ": scanned " + device.assetTag(), null, after);
        return new ScanResult(device.id(), device.assetTag(), device.name(), device.siteName(), !first, expected,
                sessions.named(store.find(stocktakeId).orElseThrow()));
    }

    /**
     * The device a code names, within the caller's projects: a label's device id (its printed tag is compared later),
     * else the tag printed on the label, else the code as an asset tag.
     */
    private Optional<StockItem> resolve(String code, Optional<LabelCode> label) {
        Optional<Long> id = label.map(LabelCode::deviceId)
                .filter(d -> directory.stockItems(List.of(d)).containsKey(d))
                .or(() -> directory.idOfAssetTag(label.map(LabelCode::assetTag).orElse(code)));
        return id.map(d -> directory.stockItems(List.of(d)).get(d)).filter(d -> currentUser.scope().allows(d.projectId()));
    }

    private static void validate(ScanRequest in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in == null || in.code() == null || in.code().isBlank()) {
            throw ApiException.invalid("code", "is required: what the label's QR code holds, or an asset tag");
        }
        if (in.code().length() > MAX_CODE) {
            problems.add(new FieldProblem("code", "at most " + MAX_CODE + " characters"));
        }
        if (in.serial() != null && in.serial().length() > 100) {
            problems.add(new FieldProblem("serial", "at most 100 characters"));
        }
        Coordinates.check(in.latitude(), in.longitude(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
