package org.xueliang.tracker.stocktake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.StockItem;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;

/**
 * A session's report: found (expected and seen), missing (expected, not seen), unexpected (seen, not expected: it
 * belongs to another site, township or project), changed (seen somewhere else than the ledger said at the first
 * scan, or with another serial number or asset tag than the ledger's) and 盘点率 = found ÷ expected.
 */
@Component
public class StocktakeReports {

    /** The fields a scan can contradict the ledger on; {@code siteId} and {@code township} are the device's location. */
    static final String SITE = "siteId";
    static final String TOWNSHIP = "township";
    static final String SERIAL = "serialNumber";
    static final String TAG = "assetTag";

    /**
     * One contradiction: {@code ledger} is what the ledger says (a site's name for a location), {@code seen} what the
     * scan said; {@code fromSiteId}/{@code toSiteId} name the sites of a site change, the move closing can apply.
     */
    public record Change(long deviceId, String field, String ledger, String seen, Long fromSiteId, Long toSiteId) {
    }

    /** A device named in the report, as a person knows it. */
    public record Device(long id, String assetTag, String name, String siteName) {
    }

    public record Report(long stocktakeId, StocktakeState state, int expected, List<Long> found, List<Long> missing,
                  List<Long> unexpected, List<Change> changed, BigDecimal rate, Map<Long, Device> devices) {
    }

    private final StocktakeStore store;
    private final DeviceDirectory directory;
    private final SiteRepository sites;

    StocktakeReports(StocktakeStore store, DeviceDirectory directory, SiteRepository sites) {
        this.store = store;
        this.directory = directory;
        this.sites = sites;
    }

    Report of(Stocktake session) {
        List<Long> expected = store.expected(session.id());
        List<StocktakeStore.Seen> seen = store.seen(session.id());
        Set<Long> seenIds = seen.stream().map(StocktakeStore.Seen::deviceId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> expectedIds = new HashSet<>(expected);
        List<Long> found = expected.stream().filter(seenIds::contains).toList();
        List<Long> missing = expected.stream().filter(id -> !seenIds.contains(id)).toList();
        List<Long> unexpected = seenIds.stream().filter(id -> !expectedIds.contains(id)).toList();
        Set<Long> named = new LinkedHashSet<>(expected);
        named.addAll(seenIds);
        Map<Long, StockItem> ledger = directory.stockItems(named);
        Places places = places(seen, session);
        List<Change> changed = new ArrayList<>();
        for (StocktakeStore.Seen s : seen) {
            location(session, s, places).ifPresent(changed::add);
            StockItem now = ledger.get(s.deviceId());
            if (now == null) {
                continue; // deleted from the ledger since: nothing left to compare with
            }
            if (s.serialSeen() != null && !s.serialSeen().equalsIgnoreCase(Objects.toString(now.serialNumber(), ""))) {
                changed.add(new Change(s.deviceId(), SERIAL, now.serialNumber(), s.serialSeen(), null, null));
            }
            if (s.tagSeen() != null && !s.tagSeen().equals(now.assetTag())) {
                changed.add(new Change(s.deviceId(), TAG, now.assetTag(), s.tagSeen(), null, null));
            }
        }
        Map<Long, Device> devices = new TreeMap<>();
        ledger.values().forEach(d -> devices.put(d.id(), new Device(d.id(), d.assetTag(), d.name(), d.siteName())));
        BigDecimal rate = expected.isEmpty() ? null
                : BigDecimal.valueOf(found.size()).divide(BigDecimal.valueOf(expected.size()), 4, RoundingMode.HALF_UP);
        return new Report(session.id(), session.state(), expected.size(), found, missing, unexpected, changed, rate, devices);
    }

    /** A device scanned at a site (township) the ledger did not put it at when it was first scanned. */
    private static java.util.Optional<Change> location(Stocktake session, StocktakeStore.Seen s, Places places) {
        if (session.siteId() != null && !session.siteId().equals(s.ledgerSiteId())) {
            return java.util.Optional.of(new Change(s.deviceId(), SITE, places.names().get(s.ledgerSiteId()),
                    places.names().get(session.siteId()), s.ledgerSiteId(), session.siteId()));
        }
        if (session.township() != null) {
            String township = places.townships().get(s.ledgerSiteId());
            if (!session.township().equals(township)) {
                return java.util.Optional.of(new Change(s.deviceId(), TOWNSHIP, township, session.township(), null, null));
            }
        }
        return java.util.Optional.empty();
    }

    /** The names and townships of the sites a report mentions, by site id. */
    private record Places(Map<Long, String> names, Map<Long, String> townships) {
    }

    private Places places(List<StocktakeStore.Seen> seen, Stocktake session) {
        Set<Long> ids = new HashSet<>();
        seen.forEach(s -> {
            if (s.ledgerSiteId() != null) {
                ids.add(s.ledgerSiteId());
            }
        });
        if (session.siteId() != null) {
            ids.add(session.siteId());
        }
        Places places = new Places(new java.util.HashMap<>(), new java.util.HashMap<>());
        for (Site site : sites.findAllById(ids)) {
            places.names().put(site.getId(), site.getName());
            places.townships().put(site.getId(), site.getTownship());
        }
        return places;
    }
}
