package org.xueliang.tracker.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xueliang.tracker.shared.PdfCells;

import com.lowagie.text.pdf.BaseFont;

/** What a label's QR holds and how its lines are fitted, without a database. */
class LabelTextTest {

    private static final String FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080, 42, JS-XL1-FC-001, http://127.0.0.1:8080/ledger/42?tag=JS-XL1-FC-001",
            "https://tracker.local/xl, 7, 资产 7#A&B, https://tracker.local/xl/ledger/7?tag=%E8%B5%84%E4%BA%A7+7%23A%26B"})
    void theCodeIsTheDevicePageWithItsTagAndReadsBack(String base, long id, String tag, String expected) {
        String text = new LabelCode(id, tag).text(base);
        assertThat(text).isEqualTo(expected);
        assertThat(LabelCode.parse(text)).contains(new LabelCode(id, tag));
    }

    @Test
    void textsThatAreNotLabelsAreNotDevices() {
        assertThat(LabelCode.parse(null)).isEmpty();
        assertThat(LabelCode.parse("JS-XL1-FC-001")).isEmpty();
        assertThat(LabelCode.parse("http://x/ledger/abc?tag=1")).isEmpty();
        assertThat(LabelCode.parse("http://x/ledger/5?tag=%E8%Z")).isEmpty();
        // a label printed under another address still names its device
        assertThat(LabelCode.parse(" http://old-host:8080/ledger/5?tag=T-5 ")).isEqualTo(Optional.of(new LabelCode(5, "T-5")));
    }

    @Test
    void fittedLinesNeverRunPastTheWidth() {
        assertThat(Files.isReadable(Path.of(FONT.substring(0, FONT.indexOf(','))))).as("fonts-noto-cjk installed").isTrue();
        BaseFont font = PdfCells.font(FONT);
        float width = LabelLayout.points(19);

        FittedText shortText = FittedText.fit("球机-1", font, 7, 5, width, 2);
        assertThat(shortText.size()).isEqualTo(7);
        assertThat(shortText.lines()).containsExactly("球机-1");

        FittedText code = FittedText.fit("14082400001320000001", font, 5.3f, 4, width, 1);
        assertThat(code.lines()).containsExactly("14082400001320000001"); // shrunk, never cut
        assertThat(code.size()).isLessThan(5.3f).isGreaterThanOrEqualTo(4);

        String name = "稷山县雪亮工程一期城区西环路与汾河大道交叉口东北角高点全景摄像机补光灯及立杆基础配套设备";
        FittedText cut = FittedText.fit(name, font, 6.5f, 5.5f, width, 2);
        assertThat(cut.size()).isEqualTo(5.5f);
        assertThat(cut.lines()).hasSize(2);
        assertThat(cut.lines().get(1)).endsWith(FittedText.ELLIPSIS);
        assertThat(name).startsWith(cut.lines().get(0));
        for (FittedText t : new FittedText[] {shortText, code, cut}) {
            assertThat(t.lines()).allSatisfy(l -> assertThat(font.getWidthPoint(l, t.size())).isLessThanOrEqualTo(width));
        }

        // Latin words are kept whole where a space or hyphen allows
        FittedText words = FittedText.fit("Hikvision DS-2CD2T47G2 camera", font, 7, 7, LabelLayout.points(25), 3);
        assertThat(words.lines()).allSatisfy(l -> assertThat(l).doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(String.join(" ", words.lines()).replace("- ", "-")).isEqualTo("Hikvision DS-2CD2T47G2 camera");
    }
}
