package org.xueliang.tracker.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xueliang.tracker.shared.Texts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A text for people kept as a message-bundle key and its arguments, so that it is rendered in the
 * reader's language when read — a row's formula, an evidence summary or a check's explanation is
 * built when the evaluation is computed (and frozen when it is signed), but exported in zh-CN or en
 * long after. An argument is itself a phrase: a term (a key without arguments, e.g. a policy label),
 * or a literal ({@code text}: a number, a date, a name), optionally with its English form
 * ({@code textEn}) when the words come from data kept in both languages (device category names).
 *
 * <p>A plain JSON string reads as a literal: rows and snapshots stored before phrases existed held
 * their formula and evidence summary as (Chinese) text.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Phrase(String key, List<Phrase> args, String text, String textEn) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Phrase {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The text of {@code key} with {@code args}: a phrase stays one, null prints "—", anything else as its plain text. */
    public static Phrase of(String key, Object... args) {
        List<Phrase> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof Phrase p ? p : literal(a == null ? "—" : a.toString()));
        }
        return new Phrase(key, list, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Phrase literal(String text) {
        return new Phrase(null, List.of(), text, null);
    }

    /** A literal that has its words in both languages (from data kept in both, e.g. category names). */
    public static Phrase literal(String zh, String en) {
        return new Phrase(null, List.of(), zh, en);
    }

    public String render(Texts texts, Locale locale) {
        if (key == null) {
            return Texts.EN.equals(locale) && textEn != null ? textEn : text;
        }
        return texts.get(locale, key, args.stream().map(a -> a.render(texts, locale)).toArray());
    }

    /** The phrase in {@code locale}, or null for none. */
    public static String render(Phrase phrase, Texts texts, Locale locale) {
        return phrase == null ? null : phrase.render(texts, locale);
    }
}
