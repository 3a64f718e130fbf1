package io.nianbao.watch.portal;

import io.nianbao.watch.CorpusWild;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The hash of the real 平潭 2023 page follows the report, not the page around it. */
class ReportFingerprintTest {

    private final String page = CorpusWild.text(CorpusWild.PAGE_2023);

    @Test
    void menusCountersScriptsAndFooterChangeNothing() {
        String redesigned = PageEdits.chromeChanged(page);
        assertThat(redesigned).isNotEqualTo(page);
        assertThat(ReportFingerprint.of(bytes(redesigned))).isEqualTo(ReportFingerprint.of(bytes(page)));
    }

    @Test
    void anEditedTableCellChangesTheHash() {
        assertThat(ReportFingerprint.of(bytes(PageEdits.tableCellChanged(page)))).isNotEqualTo(ReportFingerprint.of(bytes(page)));
    }

    @Test
    void anEditedSentenceChangesTheHash() {
        String edited = page.replace("2023年，无收取信息处理费情况。", "2023年，收取信息处理费0.1万元。");
        assertThat(edited).isNotEqualTo(page);
        assertThat(ReportFingerprint.of(bytes(edited))).isNotEqualTo(ReportFingerprint.of(bytes(page)));
    }

    @Test
    void aDocumentThatIsNoReportHashesByItsBytes() {
        assertThat(ReportFingerprint.of(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})).startsWith("bytes:");
    }

    private static byte[] bytes(String html) {
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
