package io.nianbao.watch;

import io.nianbao.events.ColumnProblem;
import io.nianbao.watch.portal.FetchFailure;

import java.util.Set;
import java.util.TreeSet;

/**
 * How a check of a column went: read (problem null), with what it learned of the report pages
 * it lists, or why not, with the HTTP status or the selector that found nothing, and a Chinese
 * detail for the operators.
 */
public record CheckOutcome(ColumnProblem problem, Integer httpStatus, String selector, String detail, ReportPages reports) {

    public static final CheckOutcome READ = read(ReportPages.NONE);

    /**
     * What a read check learned of the report links it listed: those that answer 404 or 410, and
     * those it cannot tell about this time (unread for another reason, or not reached because
     * their host asked us to wait), whose earlier state stands.
     */
    public record ReportPages(Set<String> missing, Set<String> untold) {
        public static final ReportPages NONE = new ReportPages(Set.of(), Set.of());

        public ReportPages {
            missing = Set.copyOf(missing);
            untold = Set.copyOf(untold);
        }

        /** The links missing now, given those missing before: what this check saw, and what it could not tell of. */
        public Set<String> missingAfter(Set<String> before) {
            Set<String> now = new TreeSet<>(missing);
            before.stream().filter(untold::contains).forEach(now::add);
            return now;
        }
    }

    public boolean failed() {
        return problem != null;
    }

    static CheckOutcome read(ReportPages reports) {
        return new CheckOutcome(null, null, null, null, reports);
    }

    static CheckOutcome of(FetchFailure failure) {
        return new CheckOutcome(failure.problem(), failure.httpStatus(), null, failure.getMessage(), null);
    }

    static CheckOutcome httpStatus(int status, String url) {
        return new CheckOutcome(ColumnProblem.HTTP_STATUS, status, null, "栏目页返回状态码" + status + "：" + url, null);
    }

    static CheckOutcome noLinks(String selector, String url) {
        return new CheckOutcome(ColumnProblem.NO_LINKS, null, selector, "链接选择器“" + selector + "”在栏目页上未找到任何元素（页面改版？）：" + url, null);
    }

    static CheckOutcome noReportLinks(String selector, String url) {
        return new CheckOutcome(ColumnProblem.NO_REPORT_LINKS, null, selector,
                "链接选择器“" + selector + "”找到的链接中没有政府信息公开工作年度报告：" + url, null);
    }
}
