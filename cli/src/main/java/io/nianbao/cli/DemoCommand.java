package io.nianbao.cli;

import io.nianbao.cli.demo.DemoReport;
import io.nianbao.cli.demo.DemoReports;
import io.nianbao.cli.demo.PipelineWatcher;
import io.nianbao.cli.demo.PortalClient;
import io.nianbao.cli.demo.WatchedPortal;
import io.nianbao.events.ReportRejected;
import io.nianbao.events.ReportValidated;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.ServiceFleet;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code nianbao demo [--once]}: starts the broker, the registry, an SMTP catcher and the four
 * services on this machine, publishes the sample reports through ingest-service's HTTP API, and
 * prints per report what reached the inspectors' mailbox; then watch-service watching a local
 * portal ({@link WatchDemo}).
 */
final class DemoCommand {

    private static final String INSPECTOR = "inspector@demo.nianbao";
    /** The inspector's inbox login: password {@code demo}, as a bcrypt hash. */
    private static final String INSPECTOR_PASSWORD_HASH = "$2a$10$03if08g/4m4DoGo1qSHVn.p9E12i.c94zNGngIchR7DlyNJZJcQ9G";
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

    private DemoCommand() {
    }

    static int run(String[] args) throws Exception {
        boolean once = List.of(args).contains("--once");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path home = Path.of(System.getProperty("nianbao.home", ".")).toAbsolutePath().normalize();
        List<DemoReport> reports = DemoReports.load(home);
        Path dataDir = Folders.fresh(home.resolve(".nianbao-data").resolve("demo"));

        out.println("年报核查演示：启动 Kafka、模式注册中心、邮件服务器和五个服务（数据目录 " + dataDir + "）…");
        long start = System.nanoTime();
        try (LocalStack stack = LocalStack.start(dataDir);
             MailCatcher mail = MailCatcher.start();
             ServiceFleet fleet = ServiceFleet.start(stack, mail.host(), mail.smtpPort(),
                     Map.of("nianbao.notify.inspectors", INSPECTOR,
                             "nianbao.notify.users[0].username", INSPECTOR,
                             "nianbao.notify.users[0].password-hash", INSPECTOR_PASSWORD_HASH));
             PipelineWatcher watcher = new PipelineWatcher(stack.bootstrapServers(), stack.schemaRegistryUrl());
             WatchedPortal site = WatchedPortal.start(home)) {
            out.printf("全部就绪，用时 %.1f 秒；各进程内存（MB）：%s%n", (System.nanoTime() - start) / 1e9,
                    Stream.concat(stack.sample().stream(), fleet.sample().stream())
                            .map(p -> p.name() + " " + p.rssMegabytes()).collect(Collectors.joining("，")));
            out.println("发布 " + reports.size() + " 份报告到 " + fleet.ingestUrl() + "/api/v1/reports …");

            PortalClient portal = new PortalClient(fleet.ingestUrl());
            Map<DemoReport, PortalClient.Answer> answers = new LinkedHashMap<>();
            for (DemoReport report : reports) {
                answers.put(report, portal.publish(report));
            }
            List<String> accepted = answers.values().stream().filter(PortalClient.Answer::accepted)
                    .map(PortalClient.Answer::reportId).distinct().toList();
            boolean complete = watcher.awaitEnd(accepted, PIPELINE_TIMEOUT);
            List<MailCatcher.Mail> mails = mail.receivedMessages();

            int reachedNotify = 0;
            for (Map.Entry<DemoReport, PortalClient.Answer> entry : answers.entrySet()) {
                reachedNotify += printOutcome(out, entry.getKey(), entry.getValue(), watcher, mails) ? 1 : 0;
            }
            boolean all = complete && reachedNotify == reports.size();
            out.printf("%n共 %d 份报告，%d 份到达通知服务，检查员收到 %d 封邮件。%s%n", reports.size(), reachedNotify,
                    mails.size(), all ? "" : "（有报告未走完流水线，日志见 " + dataDir + "）");
            boolean watched = WatchDemo.run(out, site, fleet, watcher);
            if (!watched) {
                out.println("  门户监测演示未按预期完成，日志见 " + dataDir.resolve(ServiceFleet.WATCH_SERVICE + ".log"));
            }
            if (once) {
                return all && watched ? 0 : 1;
            }
            out.println("演示仍在运行：可继续向 " + fleet.ingestUrl() + "/api/v1/reports 提交报告；监测的栏目 " + site.listingUrl()
                    + "；收件箱 " + fleet.inboxUrl()
                    + "（用户 " + INSPECTOR + "，密码 demo）；按 Ctrl-C 退出。");
            Thread.currentThread().join();
            return 0;
        }
    }

    /** Prints one report's journey; true when it reached notify-service. */
    private static boolean printOutcome(PrintStream out, DemoReport report, PortalClient.Answer answer,
                                        PipelineWatcher watcher, List<MailCatcher.Mail> mails) {
        out.printf("%n== %s（%s）==%n", report.name(), report.agencyName() == null ? report.agencyId() : report.agencyName());
        if (!answer.accepted()) {
            out.printf("  接收服务拒收：[%s] %s%n", answer.reason(), answer.message());
            return false;
        }
        ReportRejected rejected = watcher.rejected(answer.reportId());
        if (rejected != null) {
            out.printf("  解析服务拒收：[%s] %s%n", rejected.getReason(), rejected.getMessage());
            return false;
        }
        ReportValidated validated = watcher.validated(answer.reportId());
        if (validated == null) {
            out.println("  未在时限内完成核查");
            return false;
        }
        List<MailCatcher.Mail> forReport = mails.stream().filter(m -> m.text().contains("报告编号：" + answer.reportId())).toList();
        if (forReport.isEmpty()) {
            if (validated.getFindings().isEmpty()) {
                out.println("  未发现问题，未发送通知");
            } else if (!PipelineWatcher.mailWorthy(validated)) {
                validated.getFindings().forEach(f -> out.printf("  仅有提示，未发送邮件：[%s] %s%n", f.getRule(), f.getMessage()));
            } else {
                out.println("  有问题但检查员未收到邮件");
            }
            return true;
        }
        for (MailCatcher.Mail m : forReport) {
            out.println("  邮件 → " + String.join(",", m.recipients()) + "：" + m.subject());
            m.text().lines().filter(line -> line.startsWith("- [") || line.startsWith("  ")).forEach(line -> out.println("  " + line));
        }
        return true;
    }
}
