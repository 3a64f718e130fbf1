package io.nianbao.cli;

import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.WatchedPortal;
import io.nianbao.core.rules.RuleId;
import io.nianbao.events.ColumnStatus;
import io.nianbao.events.Finding;
import io.nianbao.events.ReportValidated;
import io.nianbao.localstack.ServiceFleet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's second part: watch-service watches a small local portal ({@link WatchedPortal}) and
 * the pipeline checks what it finds; then a report's table is silently edited in place (caught
 * downstream as XY-REVISED) and the page's menus changed (caught as nothing). Prints each step in Chinese.
 */
final class WatchDemo {

    static final String COLUMN = "demo-column";
    static final String AGENCY = "demo-watched-agency";
    private static final String REVISED = RuleId.XY_REVISED.id();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private WatchDemo() {
    }

    /** Runs the steps; true when each showed what it should. */
    static boolean run(PrintStream out, WatchedPortal site, ServiceFleet fleet, PipelineWatcher watcher) throws Exception {
        out.printf("%n== 门户监测：本机“门户”栏目 %s（%s）==%n", site.listingUrl(),
                site.real() ? "平潭综合实验区政府信息公开年报栏目的真实页面" : "据示例报告生成的栏目页和报告页");
        fleet.startWatch(site.column(COLUMN, AGENCY, "3s"));
        out.println("  监测服务已启动，每3秒检查一次该栏目");
        int reports = site.real() ? 3 : 2;
        boolean found = watcher.awaitUntil(() -> latestPerReport(watcher).size() >= reports && watcher.columnStatus(COLUMN) != null, TIMEOUT);
        out.printf("  发现 %d 份年报，已送流水线核查：%n", latestPerReport(watcher).size());
        latestPerReport(watcher).values().forEach(v -> out.printf("    - %d年度报告 %s：%s%n", v.getYear(), v.getDocumentUrl(), summary(v)));
        ColumnStatus status = watcher.columnStatus(COLUMN);
        if (status != null && !status.getMissingReports().isEmpty()) {
            out.printf("  栏目中有 %d 个年报链接无法打开（返回404或410），监测服务已报告：%n", status.getMissingReports().size());
            status.getMissingReports().forEach(url -> out.println("    - " + url));
        }

        out.println("  悄悄修改一份报告表格中的一个数字（页面其余部分不变）：" + site.editedReportUrl());
        site.editReportTable();
        boolean caught = watcher.awaitUntil(() -> revisions(watcher) >= 1, TIMEOUT);
        watcher.validatedOf(AGENCY).stream().flatMap(v -> v.getFindings().stream()).filter(f -> f.getRule().equals(REVISED))
                .forEach(f -> out.printf("  已捕获：[%s] %s%n", RuleId.labelOf(f.getRule()), f.getMessage()));

        out.println("  只改动该页面的菜单、访问计数和脚本…");
        site.changeMenu();
        int checked = latestPerReport(watcher).size();
        int requests = site.editedReportRequests();
        boolean checkedTwice = watcher.awaitUntil(() -> site.editedReportRequests() >= requests + 2, TIMEOUT);
        boolean quiet = checkedTwice && latestPerReport(watcher).size() == checked;
        out.println(quiet ? "  又检查了两次：报告内容未变，没有产生新的报告或问题" : "  菜单改动后仍产生了新的报告（不应如此）");
        return found && caught && revisions(watcher) == 1 && quiet;
    }

    /** The agency's reports, each as last validated (a report is validated again when its previous year arrives after it). */
    private static Map<String, ReportValidated> latestPerReport(PipelineWatcher watcher) {
        Map<String, ReportValidated> latest = new LinkedHashMap<>();
        watcher.validatedOf(AGENCY).forEach(v -> latest.put(v.getReportId(), v));
        return latest;
    }

    /** The agency's reports validated with XY-REVISED among their findings. */
    private static long revisions(PipelineWatcher watcher) {
        return latestPerReport(watcher).values().stream().filter(v -> v.getFindings().stream().anyMatch(f -> f.getRule().equals(REVISED)))
                .count();
    }

    private static String summary(ReportValidated validated) {
        List<Finding> findings = validated.getFindings();
        return findings.isEmpty() ? "未发现问题"
                : "发现" + findings.size() + "个问题（" + String.join("、", findings.stream().map(Finding::getRule).distinct().toList()) + "）";
    }
}
