package io.nianbao.core.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void traditionalCharactersWithPinyinGlossesBecomeSimplified() {
        assertThat(TextNormalizer.normalize("石子鎮(zhèn)黨委、鎮(zhèn)政府高度重視政務(wù)公開工作"))
                .isEqualTo("石子镇党委、镇政府高度重视政务公开工作");
        assertThat(TextNormalizer.normalize("五、存在的主要問題及改進措施")).isEqualTo("五、存在的主要问题及改进措施");
    }

    @Test
    void fullWidthDigitsAndPunctuationBecomeAscii() {
        assertThat(TextNormalizer.normalize("第二十条第（一）项：１２件，（单位：万元）"))
                .isEqualTo("第二十条第(一)项:12件,(单位:万元)");
        assertThat(TextNormalizer.normalize("a\u3000b\u00A0c")).isEqualTo("a b c");
    }

    @Test
    void oddSpacesMinusSignsAndCarriageReturnsBecomePlain() {
        assertThat(TextNormalizer.normalize("受理\u200B12件\uFEFF，减少\u22123件\uFE63\u00AD")).isEqualTo("受理 12件 ,减少-3件- ");
        assertThat(TextNormalizer.normalize("一行\r\n二行\r三行")).isEqualTo("一行\n二行\n三行");
        assertThat(TextNormalizer.normalize("鎮 (zhèn)與(yǔ)")).isEqualTo("镇与");
    }

    @Test
    void simplifiedTextIsLeftAsItIs() {
        String s = "秀山土家族苗族自治县人民政府办公室 2023年政府信息公开工作年度报告";
        assertThat(TextNormalizer.normalize(s)).isEqualTo(s);
    }

    @Test
    void parenthesesThatAreNotGlossesStay() {
        assertThat(TextNormalizer.normalize("政府(zhengfu网站)")).isEqualTo("政府(zhengfu网站)");
        assertThat(TextNormalizer.normalize("(一)主动公开")).isEqualTo("(一)主动公开");
    }

    @Test
    void compactDropsEveryKindOfSpace() {
        assertThat(TextNormalizer.compact("规 章\t 1. 属于")).isEqualTo("规章1.属于");
    }
}
