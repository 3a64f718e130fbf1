package io.nianbao.watch;

import io.nianbao.events.ColumnProblem;
import io.nianbao.watch.portal.FetchFailure;

/**
 * How a check of a column went: read (problem null), or why not, with the HTTP status or the
 * selector that found nothing, and a Chinese detail for the operators.
 */
public record CheckOutcome(ColumnProblem problem, Integer httpStatus, String selector, String detail) {

    public static final CheckOutcome READ = new CheckOutcome(null, null, null, null);

    public boolean failed() {
        return problem != null;
    }

    static CheckOutcome of(FetchFailure failure) {
        return new CheckOutcome(failure.problem(), failure.httpStatus(), null, failure.getMessage());
    }

    static CheckOutcome httpStatus(int status, String url) {
        return new CheckOutcome(ColumnProblem.HTTP_STATUS, status, null, "栏目页返回状态码" + status + "：" + url);
    }

    static CheckOutcome noLinks(String selector, String url) {
        return new CheckOutcome(ColumnProblem.NO_LINKS, null, selector, "链接选择器“" + selector + "”在栏目页上未找到任何元素（页面改版？）：" + url);
    }

    static CheckOutcome noReportLinks(String selector, String url) {
        return new CheckOutcome(ColumnProblem.NO_REPORT_LINKS, null, selector,
                "链接选择器“" + selector + "”找到的链接中没有政府信息公开工作年度报告：" + url);
    }
}
