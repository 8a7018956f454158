package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.xueliang.tracker.shared.FieldProblem;

/**
 * Checks a device's fields on their own and against the reference data: required fields, formats
 * (asset tag, MAC, IP), references that must exist, and lifecycle dates that tell a consistent
 * story (each step on or after the one before, none in the future, none beyond the current state).
 * Pure: the same rules serve the API and every import row.
 */
public final class DeviceFieldsValidator {

    static final Pattern ASSET_TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");
    static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(%[A-Za-z0-9]+)?");
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999999.99");

    private DeviceFieldsValidator() {
    }

    public static List<FieldProblem> validate(DeviceFields f, LedgerReference ref, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        if (f.projectId() == null) {
            p.add(new FieldProblem("projectId", "is required"));
        } else if (!ref.projectIds().contains(f.projectId())) {
            p.add(new FieldProblem("projectId", "project " + f.projectId() + " does not exist"));
        }
        if (blank(f.assetTag())) {
            p.add(new FieldProblem("assetTag", "is required"));
        } else if (!ASSET_TAG.matcher(f.assetTag()).matches()) {
            p.add(new FieldProblem("assetTag", "use 1-64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit"));
        }
        if (blank(f.category())) {
            p.add(new FieldProblem("category", "is required"));
        } else if (!ref.categoryCodes().contains(f.category())) {
            p.add(new FieldProblem("category", "unknown category '" + f.category() + "'"));
        }
        if (f.siteId() != null && !ref.sites().containsKey(f.siteId())) {
            p.add(new FieldProblem("siteId", "site " + f.siteId() + " does not exist"));
        }
        if (f.constructionItemId() != null) {
            ConstructionItem item = ref.items().get(f.constructionItemId());
            if (item == null) {
                p.add(new FieldProblem("constructionItemId", "construction item " + f.constructionItemId() + " does not exist"));
            } else if (f.projectId() != null && !item.getProjectId().equals(f.projectId())) {
                p.add(new FieldProblem("constructionItemId", "construction item " + f.constructionItemId() + " belongs to another project"));
            }
        }
        maxLength(p, "name", f.name(), 200);
        maxLength(p, "vendor", f.vendor(), 100);
        maxLength(p, "model", f.model(), 100);
        maxLength(p, "serialNumber", f.serialNumber(), 100);
        maxLength(p, "firmware", f.firmware(), 100);
        maxLength(p, "notes", f.notes(), 1000);
        if (!blank(f.macAddress()) && !MAC.matcher(f.macAddress()).matches()) {
            p.add(new FieldProblem("macAddress", "'" + f.macAddress() + "' is not a MAC address like AA:BB:CC:DD:EE:FF"));
        }
        if (!blank(f.ipAddress()) && !isIpLiteral(f.ipAddress())) {
            p.add(new FieldProblem("ipAddress", "'" + f.ipAddress() + "' is not an IPv4 or IPv6 address"));
        }
        if (f.unitPrice() != null && (f.unitPrice().signum() < 0 || f.unitPrice().compareTo(MAX_PRICE) > 0)) {
            p.add(new FieldProblem("unitPrice", "must be between 0 and " + MAX_PRICE.toPlainString()));
        }
        if (f.unitPrice() != null && f.unitPrice().scale() > 2) {
            p.add(new FieldProblem("unitPrice", "at most two decimals (yuan and fen)"));
        }
        if (f.probePort() != null && (f.probePort() < 1 || f.probePort() > 65535)) {
            p.add(new FieldProblem("probePort", "must be between 1 and 65535"));
        }
        checkProbe(f, p);
        checkDateRange(f, p);
        checkLifecycleDates(f, today, p);
        return p;
    }

    /** The dates a ledger can mean; beyond them a date is a typo, and some databases cannot even store it (a 409, not a field error). */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private static void checkDateRange(DeviceFields f, List<FieldProblem> p) {
        java.util.Map<String, LocalDate> dates = new java.util.LinkedHashMap<>();
        dates.put("plannedOn", f.plannedOn());
        dates.put("deliveredOn", f.deliveredOn());
        dates.put("installedOn", f.installedOn());
        dates.put("acceptedOn", f.acceptedOn());
        dates.put("inServiceOn", f.inServiceOn());
        dates.put("faultyOn", f.faultyOn());
        dates.put("retiredOn", f.retiredOn());
        dates.put("warrantyEnd", f.warrantyEnd());
        dates.forEach((field, date) -> {
            if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
                p.add(new FieldProblem(field, "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE));
            }
        });
    }

    static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static void checkProbe(DeviceFields f, List<FieldProblem> p) {
        if (f.probeHost() != null && !f.probeHost().isBlank()
                && (f.probeHost().length() > 255 || !(isIpLiteral(f.probeHost()) || HOST_NAME.matcher(f.probeHost()).matches()))) {
            p.add(new FieldProblem("probeHost", "'" + f.probeHost() + "' is neither an IP address nor a host name"));
        }
        if (f.probeIntervalSeconds() != null && (f.probeIntervalSeconds() < 10 || f.probeIntervalSeconds() > 86_400)) {
            p.add(new FieldProblem("probeIntervalSeconds", "must be between 10 and 86400 seconds"));
        }
        if (f.probeTimeoutMs() != null && (f.probeTimeoutMs() < 100 || f.probeTimeoutMs() > 60_000)) {
            p.add(new FieldProblem("probeTimeoutMs", "must be between 100 and 60000 ms"));
        } else if (f.probeTimeoutMs() != null && f.probeIntervalSeconds() != null
                && f.probeTimeoutMs() >= f.probeIntervalSeconds() * 1000L) {
            p.add(new FieldProblem("probeTimeoutMs", "must be shorter than the probe interval"));
        }
        if (f.probeZone() != null && !f.probeZone().isBlank() && !ZONE.matcher(f.probeZone()).matches()) {
            p.add(new FieldProblem("probeZone", "use 1-64 letters, digits, '.', '_' or '-'"));
        }
    }

    static boolean isIpLiteral(String s) {
        return IPV4.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches());
    }

    private static void checkLifecycleDates(DeviceFields f, LocalDate today, List<FieldProblem> p) {
        Lifecycle state = f.lifecycle() == null ? Lifecycle.PLANNED : f.lifecycle();
        record Step(String field, LocalDate date, Lifecycle reachedIn) {
        }
        List<Step> path = List.of(
                new Step("plannedOn", f.plannedOn(), Lifecycle.PLANNED),
                new Step("deliveredOn", f.deliveredOn(), Lifecycle.DELIVERED),
                new Step("installedOn", f.installedOn(), Lifecycle.INSTALLED),
                new Step("acceptedOn", f.acceptedOn(), Lifecycle.ACCEPTED),
                new Step("inServiceOn", f.inServiceOn(), Lifecycle.IN_SERVICE));
        LocalDate previous = null;
        String previousField = null;
        for (Step step : path) {
            if (step.date() == null) {
                continue;
            }
            if (today != null && step.date().isAfter(today)) {
                p.add(new FieldProblem(step.field(), "is in the future"));
            }
            if (state != Lifecycle.RETIRED && step.reachedIn().rank() > state.rank()) {
                p.add(new FieldProblem(step.field(), "is set but the device is only " + state));
            }
            if (previous != null && step.date().isBefore(previous)) {
                p.add(new FieldProblem(step.field(), "is before " + previousField + " (" + previous + ")"));
            }
            previous = step.date();
            previousField = step.field();
        }
        String required = switch (state) {
            case PLANNED -> null;
            case DELIVERED -> f.deliveredOn() == null ? "deliveredOn" : null;
            case INSTALLED -> f.installedOn() == null ? "installedOn" : null;
            case ACCEPTED -> f.acceptedOn() == null ? "acceptedOn" : null;
            case IN_SERVICE -> f.inServiceOn() == null ? "inServiceOn" : null;
            case FAULTY -> f.faultyOn() == null ? "faultyOn" : null;
            case RETIRED -> f.retiredOn() == null ? "retiredOn" : null;
        };
        if (required != null) {
            p.add(new FieldProblem(required, "is required for a device in state " + state));
        }
        if (f.faultyOn() != null && state.rank() < Lifecycle.IN_SERVICE.rank() && state != Lifecycle.RETIRED) {
            p.add(new FieldProblem("faultyOn", "is set but the device was never in service"));
        }
        if (f.faultyOn() != null && f.inServiceOn() != null && f.faultyOn().isBefore(f.inServiceOn())) {
            p.add(new FieldProblem("faultyOn", "is before inServiceOn (" + f.inServiceOn() + ")"));
        }
        if (f.retiredOn() != null && state != Lifecycle.RETIRED) {
            p.add(new FieldProblem("retiredOn", "is set but the device is not RETIRED"));
        }
        if (f.retiredOn() != null && previous != null && f.retiredOn().isBefore(previous)) {
            p.add(new FieldProblem("retiredOn", "is before " + previousField + " (" + previous + ")"));
        }
        for (var extra : List.of(new Step("faultyOn", f.faultyOn(), Lifecycle.FAULTY), new Step("retiredOn", f.retiredOn(), Lifecycle.RETIRED))) {
            if (extra.date() != null && today != null && extra.date().isAfter(today)) {
                p.add(new FieldProblem(extra.field(), "is in the future"));
            }
        }
    }

    private static void maxLength(List<FieldProblem> p, String field, String value, int max) {
        if (value != null && value.length() > max) {
            p.add(new FieldProblem(field, "is longer than " + max + " characters"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
