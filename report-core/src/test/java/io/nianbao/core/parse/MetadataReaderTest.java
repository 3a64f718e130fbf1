package io.nianbao.core.parse;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ReportMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataReaderTest {

    @Test
    void titleAndLabelledDate() {
        ReportMetadata m = MetadataReader.read(List.of("首页>政务公开", "秀山土家族苗族自治县人民政府办公室 2023年政府信息公开工作年度报告",
                "日期:2024-01-30", "一、总体情况"), 3);
        assertThat(m).isEqualTo(new ReportMetadata("秀山土家族苗族自治县人民政府办公室", AgencyLevel.DEPARTMENT, 2023,
                LocalDate.of(2024, 1, 30)));
    }

    @Test
    void anAgencyNamedInFullBeatsABarePlaceName() {
        ReportMetadata m = MetadataReader.read(List.of("陆河县2020年度政府信息公开工作年度报告", "• 2021-02-19 08:41",
                "根据《条例》的要求,现公布陆河县人民政府2020年政府信息公开工作年度报告。统计期限为2020年1月1日起至12月31日止。",
                "一、总体情况"), 3);
        assertThat(m).isEqualTo(new ReportMetadata("陆河县人民政府", AgencyLevel.GOVERNMENT, 2020, LocalDate.of(2021, 2, 19)));
    }

    @Test
    void aTitleSplitOverTwoLinesAndASignatureDate() {
        ReportMetadata m = MetadataReader.read(List.of("洪泽区人民政府", "2023 年政府信息公开工作年度报告",
                "统计期限自2023年1月1日起至2023年12月31日止。", "一、总体情况", "……", "洪泽区人民政府办公室", "2024年1月28日"), 3);
        assertThat(m).isEqualTo(new ReportMetadata("洪泽区人民政府", AgencyLevel.GOVERNMENT, 2023, LocalDate.of(2024, 1, 28)));
    }

    @Test
    void withoutATitleTheYearComesFromTheText() {
        ReportMetadata m = MetadataReader.read(List.of("一、总体情况", "2022 年以来,石子镇……2022年共公开政府信息82条。2021年……"), 0);
        assertThat(m.year()).isEqualTo(2022);
        assertThat(m.agency()).isNull();
        assertThat(m.publishedOn()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"大竹县石子镇人民政府,TOWNSHIP", "三门峡市湖滨区磁钟乡人民政府,TOWNSHIP", "朝阳区建外街道办事处,TOWNSHIP",
            "淮安市洪泽区人民政府,GOVERNMENT", "上海市人民政府,GOVERNMENT", "荆州市荆州区人民政府办公室,DEPARTMENT",
            "青山县自然资源局,DEPARTMENT"})
    void levelFromTheName(String agency, AgencyLevel level) {
        assertThat(MetadataReader.levelOf(agency)).isEqualTo(level);
    }
}
