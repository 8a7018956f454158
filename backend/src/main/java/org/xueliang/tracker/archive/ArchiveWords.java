package org.xueliang.tracker.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.archive.ArchiveRules.Verdict;
import org.xueliang.tracker.shared.Texts;

/** The archive's words for people from {@code i18n/archive*.properties}: field names, code labels, problems. */
@Component
class ArchiveWords {

    /** Separators people use between several functions in a cell: 、 , ， ; ； and /. */
    static final String LIST_SEPARATORS = "[、,，;；/]";

    private final Texts texts;

    ArchiveWords(Texts texts) {
        this.texts = texts;
    }

    String texts(Locale locale, String key, Object... args) {
        return texts.get(locale, key, args);
    }

    String field(Locale locale, ArchiveField f) {
        return texts.get(locale, "archive.field." + f.code());
    }

    String label(Locale locale, ArchiveField f, String code) {
        return texts.get(locale, f.labelPrefix() + "." + code);
    }

    /** What is wrong with a field, in words: "必填" or the problem's message. */
    String message(Locale locale, Verdict v) {
        return switch (v.status()) {
            case OK -> null;
            case MISSING -> texts.get(locale, "archive.problem.MISSING");
            case INVALID -> texts.get(locale, "archive.problem." + v.problem());
        };
    }

    /** A value as a person reads it: enumerations as labels (several joined with 、), the rest as they are. */
    String display(Locale locale, ArchiveField f, String value) {
        if (value == null || f.codes() == null) {
            return value;
        }
        List<String> parts = Arrays.stream(value.split(",")).map(String::trim).toList();
        return String.join("、", parts.stream().map(p -> ArchiveCodes.codes(f.codes()).contains(p) ? label(locale, f, p) : p)
                .toList());
    }

    /** A cell back to codes: each part a code or a label in either language; unknown parts stay as they are. */
    String parse(ArchiveField f, String cell) {
        if (cell == null || cell.isBlank() || f.codes() == null) {
            return cell;
        }
        List<String> parts = Arrays.stream(cell.split(LIST_SEPARATORS)).map(String::trim).filter(p -> !p.isEmpty()).toList();
        return String.join(",", parts.stream().map(p -> code(f, p).orElse(p)).toList());
    }

    private Optional<String> code(ArchiveField f, String text) {
        for (String code : ArchiveCodes.codes(f.codes())) {
            if (code.equalsIgnoreCase(text) || label(Texts.ZH_CN, f, code).equals(text)
                    || label(Texts.EN, f, code).equalsIgnoreCase(text)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    ArchiveView.FieldCheck check(Locale locale, Verdict v) {
        ArchiveField f = v.field();
        return new ArchiveView.FieldCheck(f.code(), field(locale, f), f.required(), f.ledger(), v.status().name(),
                v.problem(), message(locale, v));
    }
}
