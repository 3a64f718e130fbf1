package io.nianbao.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section heading inside a line of other text (a web archiver's one-line capture of a portal
 * page: "…联系。一、总体情况 2019年…") stands on a line of its own, with the text before and after
 * it on lines of theirs. Only the six template headings, by their numeral and wording, not any
 * "二、": the rows of section 三's table are numbered the same way ("二、上年结转政府信息公开申请数量").
 */
final class InlineHeadings {

    private static final Pattern HEADING = Pattern.compile("[一二三四五六]\\s*[、.．]\\s*(?:"
            + "总体情况"
            + "|主动公开政府信息的?情况"
            + "|收到和处理政府信息公开申请的?情况"
            + "|因?政府信息公开(?:申请)?(?:提起)?行政.{0,2}复议[、,，和及]?(?:提起)?行政诉讼的?情况"
            + "|(?:政府信息公开(?:工作)?)?存在的主要问题(?:及|和)(?:改进|整改)(?:情况|措施)"
            + "|其他需要报告的事项)");

    private InlineHeadings() {
    }

    static List<String> split(String line) {
        Matcher m = HEADING.matcher(line);
        List<String> out = new ArrayList<>(1);
        int from = 0;
        while (m.find()) {
            if (m.start() == 0 && m.end() == line.length()) {
                break;
            }
            addIfText(out, line.substring(from, m.start()));
            out.add(m.group());
            from = m.end();
        }
        if (from == 0) {
            return List.of(line);
        }
        addIfText(out, line.substring(from));
        return out;
    }

    private static void addIfText(List<String> out, String text) {
        if (!text.isBlank()) {
            out.add(text.strip());
        }
    }
}
