package org.xueliang.tracker.testing;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.xueliang.tracker.shared.Texts;

/** {@link Texts} over the real message bundles, configured as application.yml does, for tests without a Spring context. */
public final class BundleTexts {

    private BundleTexts() {
    }

    public static Texts texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/terms", "i18n/checks", "i18n/evidence", "i18n/exports", "i18n/audit");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }
}
