package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.util.Locale;

import org.xueliang.tracker.assessment.AssessmentSheet.Deduction;
import org.xueliang.tracker.shared.Texts;

/** A sheet's codes in words for people, in one language (i18n/assessment*.properties); the API and the exports share it. */
record AssessmentWords(Texts texts, Locale locale) {

    /** Any text of the bundles, with {0}-style arguments. */
    String text(String key, Object... args) {
        return texts.get(locale, key, args);
    }

    /** A bundle entry holding a list separated by "|". */
    java.util.List<String> list(String key) {
        return java.util.List.of(texts.get(locale, key).split("\\|"));
    }

    /** A share as "95.12%", or "—" when there is none. */
    String percentOrDash(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    String indicator(String code) {
        return texts.get(locale, "assessment.indicator." + code);
    }

    String rule(String code) {
        return texts.get(locale, "assessment.rule." + code);
    }

    String unit(String unit) {
        return texts.get(locale, "assessment.unit." + unit);
    }

    String state(String state) {
        return texts.get(locale, "assessment.state." + state);
    }

    String status(String status) {
        return texts.get(locale, "assessment.status." + status);
    }

    String finding(String code) {
        String key = "assessment.finding." + code;
        try {
            return texts.get(locale, key);
        } catch (IllegalStateException e) {
            return code;
        }
    }

    String grouping(String groupBy) {
        return texts.get(locale, "assessment.groupBy." + groupBy);
    }

    String notMeasured() {
        return texts.get(locale, "assessment.notMeasured");
    }

    String syntheticNotice() {
        return texts.get(locale, "assessment.syntheticNotice");
    }

    /** The rule in one line: "在线率低于 95%：每项扣 5 分，最多 5 分". */
    String ruleText(Deduction d) {
        AssessmentRule.Code kind = AssessmentRule.Code.valueOf(d.rule());
        String threshold = kind.indicator() != null ? percent(d.threshold()) : d.threshold().stripTrailingZeros().toPlainString();
        return texts.get(locale, "assessment.ruleText." + (kind.indicator() != null ? "INDICATOR" : kind.name()),
                rule(d.rule()), threshold, d.deductionPerUnit().stripTrailingZeros().toPlainString(), unit(d.unit()),
                d.cap().stripTrailingZeros().toPlainString());
    }

    /**
     * The month's 维护及时性 in one line with the counts behind it ("维护及时性 75.00%：已判定 4 张工单中按时修复 3 张，
     * 本月开单 5 张"), or that no module keeps work orders (older sheets, or none in the application).
     */
    String repairs(RepairTimeliness.Repairs r) {
        if (r == null) {
            return text("assessment.repairs.notMeasured");
        }
        return text("assessment.repairs.line", r.timeliness() == null ? text("assessment.repairs.noneDecided")
                : percentOrDash(r.timeliness()), r.decided(), r.repairedInTime(), r.orders());
    }

    /** 0.9512 as "95.12%". */
    static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A share in [0, 1] as "95.12%", or 未测. */
    String percentOrNotMeasured(Double share) {
        return share == null ? texts.get(locale, "assessment.notMeasured.short") : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
