package org.xueliang.tracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.BundleTexts;

/**
 * Notices are written inside the state change's transaction, so a missing word would fail the ingest itself:
 * every state and every probe reason has its word in both languages.
 */
class NoticeWordsTest {

    private final Texts texts = BundleTexts.texts();

    @Test
    void everyStateAndReasonHasItsWordInBothLanguages() {
        for (Locale locale : new Locale[] {Texts.ZH_CN, Texts.EN}) {
            for (DeviceState state : DeviceState.values()) {
                assertThat(texts.get(locale, "notice.state." + state.name())).isNotBlank();
            }
            for (Reason reason : Reason.values()) {
                assertThat(texts.get(locale, "notice.reason." + reason.name())).isNotBlank();
            }
        }
        assertThat(texts.get(Texts.ZH_CN, "notice.state.DOWN")).isEqualTo("离线");
        assertThat(texts.get(Texts.EN, "notice.reason.TIMEOUT")).isEqualTo("Timed out");
    }

    @Test
    void idsAreNotGroupedLikeNumbers() {
        assertThat(texts.get(Texts.ZH_CN, "notice.checkpoint.title", Long.toString(12345))).endsWith("#12345");
    }
}
