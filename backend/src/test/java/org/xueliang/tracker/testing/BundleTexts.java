package org.xueliang.tracker.testing;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.xueliang.tracker.shared.Texts;

/** The application's message bundles (as application.yml registers them) for tests of plain Java without a Spring context. */
public final class BundleTexts {

    private BundleTexts() {
    }

    public static Texts texts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/terms", "i18n/checks", "i18n/evidence", "i18n/exports", "i18n/passwords",
                "i18n/ledger", "i18n/clock", "i18n/assessment", "i18n/archive", "i18n/recording", "i18n/vqd",
                "i18n/notification");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages);
    }
}
