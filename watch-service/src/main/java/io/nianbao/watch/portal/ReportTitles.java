package io.nianbao.watch.portal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which link titles name an annual government information-disclosure report, and of which year:
 * a year and 政府信息公开(工作)年度报告 (or 年报), in either order ("平潭综合实验区2023年度政府信息公开工作年度报告",
 * "政府信息公开工作年度报告（2023年）"). Full-width digits and spaces count as their plain forms.
 */
public final class ReportTitles {

    private static final String REPORT = "政府信息公开(?:工作)?(?:年度报告|年报)";
    private static final String YEAR = "((?:19|20)\\d{2})\\s*年";
    private static final Pattern YEAR_FIRST = Pattern.compile(YEAR + ".*?" + REPORT);
    private static final Pattern YEAR_AFTER = Pattern.compile(REPORT + ".*?" + YEAR);

    private ReportTitles() {
    }

    /** The report year the title names, if it names such a report. */
    public static Optional<Integer> yearOf(String title) {
        if (title == null) {
            return Optional.empty();
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        for (Pattern pattern : new Pattern[]{YEAR_FIRST, YEAR_AFTER}) {
            Matcher matcher = pattern.matcher(plain);
            if (matcher.find()) {
                return Optional.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return Optional.empty();
    }
}
