package org.xueliang.tracker.shared;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request, for the texts it gets back: a valid {@code lang} query parameter, else
 * the first of zh-CN / en that Accept-Language names, else zh-CN (the product's default; a browser
 * that asks for French gets Chinese, not a mix). The web UI sends Accept-Language from its own switch.
 * An invalid {@code lang} is ignored here and answered with a 400 by the endpoints that take it.
 */
@Component("localeResolver")
public class LanguageResolver implements LocaleResolver {

    private static final List<Locale> SUPPORTED = List.of(Texts.ZH_CN, Texts.EN);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            try {
                Locale parsed = Texts.parseLang(lang);
                if (parsed != null) {
                    return parsed;
                }
            } catch (ApiException invalid) {
                // the endpoint validates it and answers 400; here it just does not count
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Texts.ZH_CN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                for (Locale supported : SUPPORTED) {
                    if (tag.equals("*")) {
                        return Texts.ZH_CN;
                    }
                    if (tag.startsWith(supported.getLanguage())) {
                        return supported;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Texts.ZH_CN;
        }
        return Texts.ZH_CN;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language follows each request's lang parameter or Accept-Language");
    }
}
