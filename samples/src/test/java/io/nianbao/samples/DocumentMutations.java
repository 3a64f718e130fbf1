package io.nianbao.samples;

import io.nianbao.samples.ReportDocument.Block;
import io.nianbao.samples.ReportDocument.Line;
import io.nianbao.samples.ReportDocument.Role;
import io.nianbao.samples.ReportDocument.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Lossless changes of a laid-out report, whatever the format it is then written in. */
final class DocumentMutations {

    /** What a blank cell may be written as instead of nothing. */
    static final List<String> BLANK_MARKERS = List.of("/", "—", "-", "无", "／");

    static final List<String> CHROME_BEFORE = List.of("首页 > 政务公开 > 政府信息公开年报", "【字体：大 中 小】 【打印】 【关闭】",
            "浏览次数：1234");
    static final List<String> CHROME_AFTER = List.of("分享到：微信 微博 QQ空间", "相关链接：政府信息公开指南 政府信息公开制度",
            "主办单位：青山县人民政府办公室 网站标识码：3201000001 苏ICP备05012345号");

    static final List<Mutation<ReportDocument>> ALL = List.of(
            new Mutation<>("blank cells written with a placeholder", true, DocumentMutations::blankMarkers),
            new Mutation<>("a table split in two", true, DocumentMutations::splitOneTable),
            new Mutation<>("portal chrome before and after the report", true, DocumentMutations::chrome));

    private DocumentMutations() {
    }

    private static ReportDocument blankMarkers(ReportDocument document, Random random) {
        String marker = BLANK_MARKERS.get(random.nextInt(BLANK_MARKERS.size()));
        return DocumentChanges.mapBlocks(document, line -> line,
                table -> table.mapCells(c -> c.isBlankValue() ? c.withText(marker) : c));
    }

    private static ReportDocument splitOneTable(ReportDocument document, Random random) {
        List<Table> tables = document.tables().stream().filter(t -> !DocumentChanges.cutPoints(t).isEmpty()).toList();
        if (tables.isEmpty()) {
            return document;
        }
        Table chosen = tables.get(random.nextInt(tables.size()));
        List<Integer> cuts = DocumentChanges.cutPoints(chosen);
        int cut = cuts.get(random.nextInt(cuts.size()));
        List<Block> blocks = new ArrayList<>();
        for (Block b : document.blocks()) {
            if (b == chosen) {
                blocks.addAll(DocumentChanges.split(chosen, List.of(cut)));
            } else {
                blocks.add(b);
            }
        }
        return new ReportDocument(blocks);
    }

    private static ReportDocument chrome(ReportDocument document, Random random) {
        List<Block> blocks = new ArrayList<>();
        CHROME_BEFORE.forEach(l -> blocks.add(new Line(Role.PARAGRAPH, l)));
        blocks.addAll(document.blocks());
        CHROME_AFTER.forEach(l -> blocks.add(new Line(Role.PARAGRAPH, l)));
        return new ReportDocument(blocks);
    }
}
