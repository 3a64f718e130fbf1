package io.nianbao.samples;

import io.nianbao.core.model.Template;

import java.util.List;

/**
 * Section 二 as the two national templates print it: blocks of an article, its value headers and
 * its labelled rows. Shared by the text and the portal-page renderers.
 */
final class ProactiveLayout {

    record Row(String label, String key) {
    }

    record Block(String article, List<String> headers, List<Row> rows) {
    }

    private static final List<Block> PROACTIVE_GB2021 = List.of(
            new Block("第二十条第（一）项", List.of("本年制发件数", "本年废止件数", "现行有效件数"),
                    List.of(row("规章", "regulations"), row("行政规范性文件", "normativeDocuments"))),
            new Block("第二十条第（五）项", List.of("本年处理决定数量"), List.of(row("行政许可", "licensing"))),
            new Block("第二十条第（六）项", List.of("本年处理决定数量"),
                    List.of(row("行政处罚", "penalties"), row("行政强制", "coercion"))),
            new Block("第二十条第（八）项", List.of("本年收费金额（单位：万元）"), List.of(row("行政事业性收费", "fees"))));

    private static final List<Block> PROACTIVE_GB2019 = List.of(
            new Block("第二十条第（一）项", List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"),
                    List.of(row("规章", "regulations"), row("规范性文件", "normativeDocuments"))),
            new Block("第二十条第（五）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"),
                    List.of(row("行政许可", "licensing"), row("其他对外管理服务事项", "otherServices"))),
            new Block("第二十条第（六）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"),
                    List.of(row("行政处罚", "penalties"), row("行政强制", "coercion"))),
            new Block("第二十条第（八）项", List.of("上一年项目数量", "本年增/减"), List.of(row("行政事业性收费", "fees"))),
            new Block("第二十条第（九）项", List.of("采购项目数量", "采购总金额"), List.of(row("政府集中采购", "procurement"))));

    private ProactiveLayout() {
    }

    static List<Block> of(Template template) {
        return template == Template.GB2019 ? PROACTIVE_GB2019 : PROACTIVE_GB2021;
    }

    private static Row row(String label, String key) {
        return new Row(label, key);
    }
}
