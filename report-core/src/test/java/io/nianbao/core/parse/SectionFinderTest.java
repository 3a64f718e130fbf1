package io.nianbao.core.parse;

import io.nianbao.core.model.SectionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SectionFinderTest {

    @Test
    void numeralsReusedInsideTheOverviewDoNotDisplaceTheRealHeadings() {
        List<String> lines = List.of(
                "磁钟乡人民政府2023年政府信息公开工作年度报告",
                "一、总体情况", "今年以来……",
                "一、主动公开情况", "共发布各类信息21条。",
                "二、依申请公开办理情况", "未收到申请。",
                "三、政府信息管理情况", "……",
                "二、主动公开政府信息情况", "第二十条第(一)项", "规章\t0\t0\t0",
                "三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:……)", "一、本年新收政府信息公开申请数量\t0",
                "四、政府信息公开行政复议、行政诉讼情况", "行政复议\t行政诉讼",
                "五、存在的主要问题及改进情况", "一、存在的主要问题", "……",
                "六、其他需要报告的事项", "无");
        List<SectionFinder.Heading> found = SectionFinder.find(lines);
        assertThat(found).extracting(SectionFinder.Heading::kind).containsExactly(SectionKind.values());
        assertThat(found).extracting(SectionFinder.Heading::line).containsExactly(1, 9, 12, 15, 17, 20);
    }

    @Test
    void variantWordingAndALostNumeralAreStillFound() {
        List<String> lines = List.of(
                "一、总体情况", "……",
                "、主动公开政府信息情况", "第二十条第(一)项",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、政府信息公开工作存在的主要问题及改进措施", "……",
                "六、其他需要报告的事项");
        assertThat(SectionFinder.find(lines)).extracting(SectionFinder.Heading::text)
                .containsExactly("一、总体情况", "、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进措施", "六、其他需要报告的事项");
    }

    @Test
    void aRepeatedHeadingIsKeptAsADuplicate() {
        List<String> lines = List.of("一、总体情况", "五、存在的主要问题及改进情况", "甲", "五、存在的主要问题及改进情况", "乙");
        assertThat(SectionFinder.find(lines)).extracting(SectionFinder.Heading::kind)
                .containsExactly(SectionKind.OVERVIEW, SectionKind.PROBLEMS, SectionKind.PROBLEMS);
    }

    @Test
    void proseAndSubHeadingsAreNoHeadings() {
        List<String> lines = List.of("(一)主动公开", "1.属于国家秘密", "2023年,我办主动公开政府信息3218条。");
        assertThat(SectionFinder.find(lines)).isEmpty();
    }
}
