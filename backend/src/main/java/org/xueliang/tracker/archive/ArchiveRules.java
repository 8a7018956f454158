package org.xueliang.tracker.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.xueliang.tracker.ledger.GbCode;

/**
 * The validation rules of the 一机一档, per field, as plain functions of the field's text (docs/ARCHIVE.md "Rules").
 * A blank value is MISSING; a value that breaks its field's rule is INVALID with a problem code (bundle key
 * {@code archive.problem.<CODE>}); anything else is OK. No Spring, no database: {@code ArchiveRulesTest} is a case
 * table.
 */
public final class ArchiveRules {

    /** The most characters a text field keeps (the column). */
    static final int MAX_TEXT = 200;
    static final int MAX_ADDRESS = 300;
    static final int MAX_RETENTION_DAYS = 3650;

    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}");
    /** 手机 (1[3-9] + 9 digits) or 固话 (area code 0 + 2–3 digits, optional hyphen, 7–8 digits, optional extension). */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

    private ArchiveRules() {
    }

    public enum Status { OK, MISSING, INVALID }

    /** One field's verdict; {@code problem} is set for INVALID only. */
    public record Verdict(ArchiveField field, Status status, String problem) {
    }

    /** The county's bounding box (degrees, WGS-84 as GB/T 28181 carries them): coordinates must fall inside it. */
    public record CountyBox(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {

        /** No county known: only the ranges of longitude and latitude. */
        public static final CountyBox WORLD = new CountyBox(-180, -90, 180, 90);

        public boolean containsLongitude(double lon) {
            return lon >= minLongitude && lon <= maxLongitude;
        }

        public boolean containsLatitude(double lat) {
            return lat >= minLatitude && lat <= maxLatitude;
        }

        /**
         * The box around {@code points} ({longitude, latitude}) widened by {@code margin} degrees on every side — the
         * project's sites span the county's populated part, and a camera stands near a site; WORLD without points.
         */
        public static CountyBox around(List<double[]> points, double margin) {
            if (points.isEmpty()) {
                return WORLD;
            }
            double minLon = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double maxLon = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            double minLat = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double maxLat = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            return new CountyBox(minLon - margin, minLat - margin, maxLon + margin, maxLat + margin);
        }

        /** "minLon,minLat,maxLon,maxLat" (the setting {@code xl.archive.county-box}). */
        public static CountyBox parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw new IllegalArgumentException("xl.archive.county-box needs minLon,minLat,maxLon,maxLat, got '" + text + "'");
            }
            double[] v = Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.trim())).toArray();
            if (v[0] >= v[2] || v[1] >= v[3]) {
                throw new IllegalArgumentException("xl.archive.county-box: min must be below max in '" + text + "'");
            }
            return new CountyBox(v[0], v[1], v[2], v[3]);
        }
    }

    /** What the rules compare against: the project's 行政区划代码 (may be null) and the county's box. */
    public record Context(String projectRegion, CountyBox box) {
    }

    /** The verdict of every field of {@code values} (field → text; absent or blank = missing), in field order. */
    public static List<Verdict> judge(Map<ArchiveField, String> values, Context context) {
        List<Verdict> out = new ArrayList<>();
        for (ArchiveField f : ArchiveField.values()) {
            out.add(judge(f, values.get(f), context));
        }
        return out;
    }

    public static Verdict judge(ArchiveField field, String value, Context context) {
        if (value == null || value.isBlank()) {
            return new Verdict(field, Status.MISSING, null);
        }
        return problem(field, value.trim(), context).map(p -> new Verdict(field, Status.INVALID, p))
                .orElse(new Verdict(field, Status.OK, null));
    }

    /** The problem code of a non-blank, trimmed {@code value}, or empty when it is valid. */
    static Optional<String> problem(ArchiveField field, String value, Context context) {
        return switch (field.kind()) {
            case GB_CODE -> gbCode(value, context.projectRegion());
            case TEXT -> value.length() > MAX_TEXT ? Optional.of("TOO_LONG") : Optional.empty();
            case ADDRESS -> value.length() > MAX_ADDRESS ? Optional.of("TOO_LONG") : Optional.empty();
            case REGION -> !REGION.matcher(value).matches() ? Optional.of("REGION_FORMAT")
                    : context.projectRegion() != null && !context.projectRegion().isBlank()
                            && !value.equals(context.projectRegion().trim()) ? Optional.of("REGION_OTHER") : Optional.empty();
            case LONGITUDE -> coordinate(value, -180, 180, context.box()::containsLongitude);
            case LATITUDE -> coordinate(value, -90, 90, context.box()::containsLatitude);
            case ENUM -> ArchiveCodes.codes(field.codes()).contains(value) ? Optional.empty() : Optional.of("UNKNOWN_CODE");
            case ENUM_SET -> codeSet(value, field);
            case IP -> IPV4.matcher(value).matches() ? Optional.empty() : Optional.of("IP_FORMAT");
            case MAC -> MAC.matcher(value).matches() ? Optional.empty() : Optional.of("MAC_FORMAT");
            case DATE -> date(value);
            case PHONE -> PHONE.matcher(value.replace(" ", "")).matches() ? Optional.empty() : Optional.of("PHONE_FORMAT");
            case DAYS -> days(value);
        };
    }

    private static Optional<String> gbCode(String value, String region) {
        Optional<GbCode.Problem> p = GbCode.check(value, region);
        if (p.isPresent()) {
            return Optional.of("GB_" + p.get().name());
        }
        return new GbCode(value).isCamera() ? Optional.empty() : Optional.of("GB_NOT_CAMERA");
    }

    private static Optional<String> coordinate(String value, double min, double max,
                                               java.util.function.DoublePredicate inBox) {
        BigDecimal d;
        try {
            d = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Optional.of("COORDINATE_FORMAT");
        }
        if (d.doubleValue() < min || d.doubleValue() > max || d.stripTrailingZeros().scale() > 6) {
            return Optional.of("COORDINATE_FORMAT");
        }
        return inBox.test(d.doubleValue()) ? Optional.empty() : Optional.of("OUTSIDE_COUNTY");
    }

    private static Optional<String> codeSet(String value, ArchiveField field) {
        List<String> known = ArchiveCodes.codes(field.codes());
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",")) {
            String code = part.trim();
            if (!known.contains(code)) {
                return Optional.of("UNKNOWN_CODE");
            }
            if (!seen.add(code)) {
                return Optional.of("DUPLICATE_CODE");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> date(String value) {
        try {
            LocalDate.parse(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("DATE_FORMAT");
        }
    }

    private static Optional<String> days(String value) {
        try {
            int days = Integer.parseInt(value);
            return days >= 1 && days <= MAX_RETENTION_DAYS ? Optional.empty() : Optional.of("DAYS_RANGE");
        } catch (NumberFormatException e) {
            return Optional.of("DAYS_RANGE");
        }
    }

    /** Valid required fields of {@code verdicts}. */
    public static int validRequired(List<Verdict> verdicts) {
        return (int) verdicts.stream().filter(v -> v.field().required() && v.status() == Status.OK).count();
    }
}
