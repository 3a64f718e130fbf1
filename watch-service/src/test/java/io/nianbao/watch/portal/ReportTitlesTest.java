package io.nianbao.watch.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTitlesTest {

    @Test
    void titlesNamingAYearsReportGiveTheYear() {
        assertThat(ReportTitles.yearOf("平潭综合实验区2023年度政府信息公开工作年度报告")).contains(2023);
        assertThat(ReportTitles.yearOf("2022年政府信息公开工作年度报告")).contains(2022);
        assertThat(ReportTitles.yearOf("沭阳县发展和改革局 ２０２３ 年度政府信息公开年度报告")).as("full-width digits, spaces").contains(2023);
        assertThat(ReportTitles.yearOf("某某局政府信息公开工作年度报告（2024年）")).as("the year after").contains(2024);
        assertThat(ReportTitles.yearOf("某某局2021年政府信息公开年报")).contains(2021);
    }

    @Test
    void otherTitlesAreNoReports() {
        assertThat(ReportTitles.yearOf("政府信息公开年报")).as("the column's own name").isEmpty();
        assertThat(ReportTitles.yearOf("2023年政府信息公开指南")).isEmpty();
        assertThat(ReportTitles.yearOf("关于2023年度政务公开工作要点的通知")).isEmpty();
        assertThat(ReportTitles.yearOf(null)).isEmpty();
    }
}
