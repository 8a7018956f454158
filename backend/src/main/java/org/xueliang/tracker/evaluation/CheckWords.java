package org.xueliang.tracker.evaluation;

import java.util.Locale;

import org.xueliang.tracker.shared.Texts;

/**
 * A check in words for people, from {@code i18n/checks*.properties}: its title states the problem when
 * the check fails (实际完成值未填写) and the good state when it passes; its message says what was found,
 * rendered from the check's phrase in the reader's language (a signed snapshot is exported in zh-CN or
 * en long after signing). Keys are by check family: the code without a per-level suffix
 * ({@code LEVEL1_WEIGHT_OUTPUT} → {@code LEVEL1_WEIGHT}).
 */
public final class CheckWords {

    private CheckWords() {
    }

    public static String family(String code) {
        return code.startsWith("LEVEL1_WEIGHT_") ? "LEVEL1_WEIGHT" : code;
    }

    public static String title(Texts texts, Locale locale, Check check) {
        return title(texts, locale, check.code(), check.passed());
    }

    /** The title of a check by its code, e.g. of an acknowledged warning under 签署说明 (passed = false). */
    public static String title(Texts texts, Locale locale, String code, boolean passed) {
        return texts.get(locale, "check." + family(code) + (passed ? ".ok" : ".problem"));
    }

    public static String severity(Texts texts, Locale locale, Check check) {
        return texts.label(locale, "check.severity", check.severity());
    }

    /**
     * The check's explanation in {@code locale}. A check frozen before explanations were phrases has only
     * its English message: that is what there is.
     */
    public static String message(Texts texts, Locale locale, Check check) {
        return check.explanation() != null ? check.explanation().render(texts, locale) : check.message();
    }
}
