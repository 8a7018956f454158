package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which language a request's texts come in: lang parameter, then Accept-Language, then zh-CN. */
class LanguageResolverTest {

    private final LanguageResolver resolver = new LanguageResolver();

    @ParameterizedTest(name = "lang={0} Accept-Language={1} → {2}")
    @CsvSource(nullValues = "-", value = {
        "-,     -,                     zh-CN",
        "-,     en-US,                 en",
        "-,     'zh-CN,zh;q=0.9',      zh-CN",
        "-,     'fr-FR,en;q=0.5',      en",
        "-,     fr,                    zh-CN",
        "-,     '*',                   zh-CN",
        "-,     ';;;garbage',          zh-CN",
        "en,    'zh-CN',               en",
        "zh-CN, en-US,                 zh-CN",
        "xx,    en-US,                 en"})
    void resolves(String lang, String acceptLanguage, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/evaluations/1/checks");
        if (lang != null) {
            request.setParameter("lang", lang);
        }
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        assertThat(resolver.resolveLocale(request).toLanguageTag()).isEqualTo(expected.equals("en") ? "en" : "zh-CN");
    }

    @ParameterizedTest
    @CsvSource({"zh-CN,zh-CN", "zh,zh-CN", "ZH_cn,zh-CN", "en,en", "en-US,en"})
    void parses_the_lang_parameter(String lang, String expected) {
        assertThat(Texts.parseLang(lang)).isEqualTo(Locale.forLanguageTag(expected));
    }

    @ParameterizedTest
    @CsvSource({"fr", "de-DE", "'zh-TW '"})
    void refuses_other_languages_with_a_problem(String lang) {
        assertThatThrownBy(() -> Texts.parseLang(lang)).isInstanceOf(ApiException.class).hasMessageContaining("zh-CN or en");
    }
}
