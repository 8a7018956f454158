package org.xueliang.tracker.agent.gb;

import java.util.Locale;
import java.util.Map;

/**
 * Reading MANSCDP element texts into typed values, shared by the typed readers. Optional descriptive values are read
 * leniently (devices fill them with junk: an empty element, "null", a number out of range): what cannot be read is
 * absent (null) rather than a refused document, so one bad field never loses the channel or report around it.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** The trimmed text, or null when absent or blank. */
    static String text(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return t.isEmpty() ? null : t;
    }

    /** The trimmed text in upper case (codes such as ON, OFFLINE, VLOST), or null. */
    static String code(Map<String, String> fields, String name) {
        String t = text(fields, name);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    /** The text, which must be there: identities (a DeviceID) and the like. */
    static String required(Map<String, String> fields, String name, String what) throws ManscdpException {
        String t = text(fields, name);
        if (t == null) {
            throw new ManscdpException(what + " without " + name);
        }
        return t;
    }

    /** A whole number in [min, max], else null. */
    static Integer integer(Map<String, String> fields, String name, int min, int max) {
        Long v = longValue(fields, name, min, max);
        return v == null ? null : v.intValue();
    }

    /** A whole number in [min, max], else null. */
    static Long longValue(Map<String, String> fields, String name, long min, long max) {
        String t = text(fields, name);
        if (t == null || t.length() > 20) {
            return null;
        }
        try {
            long v = Long.parseLong(t);
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite decimal number in [min, max], else null. */
    static Double decimal(Map<String, String> fields, String name, double min, double max) {
        String t = text(fields, name);
        // digits, sign, point and an exponent at most; longer is not a coordinate
        if (t == null || t.length() > 32) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) && v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "1" true, "0" false (GB/T 28181 flags such as Parental), else null. */
    static Boolean flag(Map<String, String> fields, String name) {
        String t = text(fields, name);
        return "1".equals(t) ? Boolean.TRUE : "0".equals(t) ? Boolean.FALSE : null;
    }

    /** True for {@code yes}, false for {@code no} (case-insensitive), else null: ONLINE/OFFLINE, ON/OFF, OK/ERROR. */
    static Boolean either(String code, String yes, String no) {
        if (yes.equals(code)) {
            return Boolean.TRUE;
        }
        return no.equals(code) ? Boolean.FALSE : null;
    }
}
