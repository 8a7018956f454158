package org.xueliang.tracker.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for people: every text a person reads on the backend (exports, check messages, evidence) comes
 * from the message bundles under {@code i18n/} (zh-CN in the plain file, English in {@code _en}). The
 * API keeps its codes; a text beside a code is looked up here in the request's language
 * ({@link LanguageResolver}: {@code lang} parameter, else Accept-Language, else zh-CN).
 *
 * <p>Keys are grouped by file: {@code terms} (enum labels shared by modules: states, policies,
 * severities, sources, indicator levels), {@code checks}, {@code evidence}, {@code exports}.
 * A missing key is a bug, so it fails loudly rather than printing the key to a user.
 */
@Component
public class Texts {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text of {@code key} in {@code locale}, with {@code {0}}-style arguments filled in. */
    public String get(Locale locale, String key, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            throw new IllegalStateException("no text for key '" + key + "' in the message bundles (i18n/*.properties)", e);
        }
    }

    /** The label of an enum constant: key {@code prefix.CONSTANT}. */
    public String label(Locale locale, String prefix, Enum<?> value) {
        return value == null ? "" : get(locale, prefix + "." + value.name());
    }

    /** The language of the current request (zh-CN outside of one). */
    public static Locale current() {
        Locale l = LocaleContextHolder.getLocale();
        return EN.getLanguage().equals(l.getLanguage()) ? EN : ZH_CN;
    }

    /**
     * A {@code lang} parameter as a locale: {@code zh-CN} (or {@code zh}) and {@code en}; null or blank
     * gives null (the caller falls back to the request's language); anything else is a 400.
     */
    public static Locale parseLang(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        return switch (lang.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "zh-cn", "zh", "zh-hans" -> ZH_CN;
            case "en", "en-us", "en-gb" -> EN;
            default -> throw ApiException.badRequest("lang", "lang must be zh-CN or en");
        };
    }

    /** {@code lang} if given, else the request's language. */
    public static Locale langOrCurrent(String lang) {
        Locale parsed = parseLang(lang);
        return parsed != null ? parsed : current();
    }
}
