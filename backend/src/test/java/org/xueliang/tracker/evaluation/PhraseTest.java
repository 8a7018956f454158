package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.BundleTexts;

import tools.jackson.databind.json.JsonMapper;

class PhraseTest {

    private static final Texts TEXTS = BundleTexts.texts();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPhraseIsRenderedInTheReadersLanguageWithItsTermsAndLiterals() {
        Phrase p = Phrase.of("evidence.summary.quality", 53, Phrase.of("evidence.tier.FRONT_END"), Phrase.of("evidence.measure.AVAILABILITY"),
                "99.06%", "100.0%", Phrase.of("evidence.source.engine", "2021-08-24", "2022-08-23"));
        assertThat(p.render(TEXTS, Texts.ZH_CN)).isEqualTo("前端设备 53 台，可用率 99.06%，监测覆盖率 100.0%；数据来源：可用率计算（按日汇总数据，"
                + "尚未汇总的日期取状态区间），2021-08-24 至 2022-08-23");
        assertThat(p.render(TEXTS, Texts.EN)).startsWith("53 front-end devices, availability 99.06%, coverage 100.0%; source: ");
        assertThat(Phrase.literal("视频监控", "video camera").render(TEXTS, Texts.EN)).isEqualTo("video camera");
        assertThat(Phrase.literal("视频监控").render(TEXTS, Texts.EN)).isEqualTo("视频监控");
    }

    @Test
    void aPhraseSurvivesJsonAndATextStoredBeforePhrasesReadsAsALiteral() {
        Phrase p = Phrase.of("evidence.formula.timeliness", 212, 267);
        assertThat(json.readValue(json.writeValueAsString(p), Phrase.class)).isEqualTo(p);
        // evidence and snapshots written before phrases existed hold the text itself
        Evidence old = json.readValue("{\"kind\":\"DATES\",\"summary\":\"planned 2021-01-01 → 2021-06-30\",\"items\":[]}", Evidence.class);
        assertThat(old.summary()).isEqualTo(Phrase.literal("planned 2021-01-01 → 2021-06-30"));
        assertThat(old.formula()).isNull();
        Check check = json.readValue("{\"code\":\"ACTUAL_MISSING\",\"severity\":\"WARNING\",\"passed\":false,"
                + "\"message\":\"“指标1” has no 实际完成值 yet\",\"rowId\":12}", Check.class);
        assertThat(CheckWords.message(TEXTS, Texts.ZH_CN, check)).isEqualTo("“指标1” has no 实际完成值 yet");
        TableRow row = json.readValue("{\"id\":1,\"seq\":1,\"level2\":\"TIMELINESS\",\"name\":\"指标1\",\"metric\":\"TIMELINESS\","
                + "\"weight\":5,\"formula\":\"完成及时率 = 212 天 / 267 天\",\"evidenceSummary\":\"planned\"}", TableRow.class);
        assertThat(row.formula().render(TEXTS, Texts.EN)).isEqualTo("完成及时率 = 212 天 / 267 天");
        assertThat(json.readValue(json.writeValueAsString(List.of(row)), TableRow[].class)[0]).isEqualTo(row);
    }
}
