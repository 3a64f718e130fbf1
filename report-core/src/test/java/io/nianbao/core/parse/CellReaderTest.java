package io.nianbao.core.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0;0;", "43797;43797;", "007;7;", "[15];15;", "43,797;43797;", "1 234 567;1234567;", "29451519.23;29451519.23;",
            "251000元;251000;元", "7730.28 万元;7730.28;万元", "-6;-6;", "+4;4;", "12件;12;件", "(12);12;"})
    void numbersAreReadWithTheirUnits(String raw, String value, String unit) {
        Cell c = CellReader.read(TextNormalizer.normalize(raw), 0);
        assertThat(c.kind()).isEqualTo(Cell.Kind.NUMBER);
        assertThat(c.value()).isEqualByComparingTo(value);
        assertThat(c.unit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "-", "—", "——", "无", "－", "／"})
    void placeholdersAreBlankNeverZero(String raw) {
        Cell c = CellReader.read(TextNormalizer.normalize(raw), 0);
        assertThat(c.kind()).isEqualTo(Cell.Kind.BLANK);
        assertThat(c.value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 0", "1O", "l2", "4,3,2"})
    void damagedOrSplitNumbersAreUncertain(String raw) {
        Cell c = CellReader.read(raw, 0);
        assertThat(c.kind()).isEqualTo(Cell.Kind.UNCERTAIN);
        assertThat(c.value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"规章", "3.其他", "若干", "一、本年新收政府信息公开申请数量"})
    void wordsAreText(String raw) {
        assertThat(CellReader.read(raw, 0).kind()).isEqualTo(Cell.Kind.TEXT);
    }

    @ParameterizedTest
    @CsvSource({"1 0,2"})
    void spaceSplitDigitsKeepBothReadings(String raw, int parts) {
        assertThat(CellReader.read(raw, 0).parts()).hasSize(parts);
    }
}
