package io.nianbao.cli.bench;

import io.nianbao.cli.Folders;
import io.nianbao.events.ReportPublished;
import io.nianbao.events.Topic;
import io.nianbao.events.Topics;
import io.nianbao.events.serde.ConfluentAvroSerializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.MailCatcher;
import io.nianbao.localstack.ProcessSample;
import io.nianbao.localstack.ServiceFleet;
import io.nianbao.ocr.engine.DocumentOcr;
import io.nianbao.samples.ScannedDocuments;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The measurements behind {@code nianbao bench}, in the order they run. */
public final class Benchmark {

    /** Everything measured; written as JSON so runs can be compared. */
    public record Result(boolean quick, int cores, String java,
                         List<CoreBenchmarks.Result> core,
                         Run pipeline, int pacedPerSecond, Run pipelinePaced, Run bareRelay,
                         YearState.Loaded yearState, Map<String, ProcessSampler.Usage> processesUnderLoad,
                         OcrBurst ocrBurst) {

        /** Pipeline throughput as a share of the bare relay's on the same machine. */
        public double pipelineToRelay() {
            return bareRelay.perSecond() <= 0 ? 0 : pipeline.perSecond() / bareRelay.perSecond();
        }

        /**
         * CPU milliseconds a process spent per report of the burst. On a shared machine it varies
         * less between runs than the rate does: compare changes by it.
         */
        public double cpuMillisPerReport(ProcessSampler.Usage usage) {
            return pipeline.sent() == 0 ? 0 : usage.cores() * pipeline.seconds() * 1000 / pipeline.sent();
        }

        public String table() {
            StringBuilder t = new StringBuilder();
            t.append("纯核心（JMH，单线程）：解析+核查\n");
            core.forEach(c -> t.append("  %-28s %10.1f 份/秒  %8.2f 毫秒/份%n".formatted(c.name(), c.perSecond(), c.millisPerReport())));
            t.append("端到端（发布 → 通知）与裸 Kafka 中继（同样条数、同样大小、四跳）：\n");
            t.append("  %-28s %8s %8s %10s %8s %8s %8s%n".formatted("", "到达", "发送", "份/秒", "p50毫秒", "p95毫秒", "p99毫秒"));
            row(t, "流水线（尽快发布）", pipeline);
            row(t, "流水线（每秒" + pacedPerSecond + "份）", pipelinePaced);
            pipelinePaced.hops().forEach(hop -> t.append("    %-46s %8d %8d %8d%n".formatted(
                    "其中 " + hop.from() + " → " + hop.to(), hop.latency().p50(), hop.latency().p95(), hop.latency().p99())));
            row(t, "裸中继（尽快发布）", bareRelay);
            t.append("  流水线/裸中继 = %.0f%%%n".formatted(pipelineToRelay() * 100));
            t.append("各进程（负载期间）：\n");
            if (yearState != null) {
                t.append("  ingest-service 载有一年的状态：已发出报告编号 %d 个、报告状态 %d 条（写入并载入用时 %.1f 秒）%n".formatted(
                        yearState.seenReports(), yearState.statuses(), yearState.seconds()));
            }
            t.append("  %-20s %10s %10s %10s %12s%n".formatted("", "静息MB", "峰值MB", "CPU核", "CPU毫秒/份"));
            processesUnderLoad.forEach((name, u) -> t.append("  %-20s %10d %10d %10.2f %12.2f%n".formatted(
                    name, u.restRssMegabytes(), u.peakRssMegabytes(), u.cores(), cpuMillisPerReport(u))));
            t.append("  合计 %.2f 核，每份 %.1f CPU毫秒（本机 %d 核；PostgreSQL 不计）%n".formatted(
                    processesUnderLoad.values().stream().mapToDouble(ProcessSampler.Usage::cores).sum(),
                    processesUnderLoad.values().stream().mapToDouble(this::cpuMillisPerReport).sum(), cores));
            ocrTable(t);
            return t.toString();
        }

        private void ocrTable(StringBuilder t) {
            if (ocrBurst == null) {
                t.append("OCR：本机没有中文字体，无法生成扫描件，未测\n");
                return;
            }
            t.append("OCR 突发：先发布扫描件 %d 份（%d 页），随即发布文本报告 %d 份；发布 → 通知：%n".formatted(
                    ocrBurst.scans().sent(), ocrBurst.pages(), ocrBurst.textAfterScans().sent()));
            t.append("  %-28s %8s %8s %10s %8s %8s %8s%n".formatted("", "到达", "发送", "份/秒", "p50毫秒", "p95毫秒", "p99毫秒"));
            row(t, "文本报告（单独发布）", ocrBurst.textAlone());
            row(t, "文本报告（扫描件之后）", ocrBurst.textAfterScans());
            row(t, "扫描件", ocrBurst.scans());
            ProcessSampler.Usage ocr = ocrBurst.ocrService();
            t.append("  OCR：每核每秒 %.2f 页（%d 页用 CPU %.1f 秒）；ocr-service 静息 %d MB，峰值 %d MB%n".formatted(
                    ocrBurst.pagesPerCoreSecond(), ocrBurst.pages(), ocr.cpuSeconds(), ocr.restRssMegabytes(), ocr.peakRssMegabytes()));
        }

        private static void row(StringBuilder t, String name, Run run) {
            t.append("  %-28s %8d %8d %10.1f %8d %8d %8d%n".formatted(name, run.arrived(), run.sent(), run.perSecond(),
                    run.latency().p50(), run.latency().p95(), run.latency().p99()));
        }
    }

    /** The topics a report passes on its way from publication to notification. */
    private static final List<String> REPORT_PATH = Stream.of(Topics.PUBLISHED, Topics.INGESTED, Topics.PARSED,
            Topics.VALIDATED, Topics.NOTIFICATION_SENT).map(Topic::name).toList();

    /** Scans in the OCR burst: 40 pages, a minute or two of ocr-service's one thread. */
    private static final int SCANS = 20;
    private static final int QUICK_SCANS = 4;

    private final Path home;
    private final Path dir;
    private final boolean quick;
    private final int burst;
    private final int pacedPerSecond;
    private final boolean withYearState;
    private final PrintStream console;

    /**
     * @param burst          reports published as fast as possible; 0: 500 when quick, else 20,000
     * @param pacedPerSecond the rate of the paced run; 0: 100 reports/s
     * @param withYearState  ingest-service first reads a year's state ({@link YearState})
     */
    public Benchmark(Path home, Path dir, boolean quick, int burst, int pacedPerSecond, boolean withYearState,
                     PrintStream console) {
        this.home = home;
        this.dir = dir;
        this.quick = quick;
        this.burst = burst > 0 ? burst : quick ? 500 : 20_000;
        this.pacedPerSecond = pacedPerSecond > 0 ? pacedPerSecond : 100;
        this.withYearState = withYearState;
        this.console = console;
    }

    public Result run() throws Exception {
        Files.createDirectories(dir);
        console.println("1/5 纯核心基准（JMH）…");
        List<CoreBenchmarks.Result> core = CoreBenchmarks.run(home, quick, dir.resolve("jmh.json"));

        int paced = quick ? 500 : 3_000;
        Duration timeout = Duration.ofSeconds(Math.max(120, burst / 10));
        Path stackDir = Folders.fresh(dir.resolve("stack"));
        console.println("2/5 启动 Kafka、模式注册中心、邮件服务器、四个服务和 ocr-service…");
        try (LocalStack stack = LocalStack.start(stackDir);
             MailCatcher mail = MailCatcher.start();
             ServiceFleet fleet = ServiceFleet.start(stack, mail.host(), mail.smtpPort(), Map.of())) {
            BareRelay.createTopics(stack.bootstrapServers());
            Measurement measurement = new Measurement(stack.bootstrapServers());
            ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(SchemaRegistryClient.shared(stack.schemaRegistryUrl()));
            String run = UUID.randomUUID().toString().substring(0, 8);
            YearState.Loaded yearState = null;
            if (withYearState) {
                console.println("    写入一年的状态（已发出报告编号 " + YearState.SEEN_REPORTS + " 个、报告状态 " + YearState.STATUSES
                        + " 条），等 ingest-service 载入…");
                yearState = YearState.load(stack.bootstrapServers(), serializer, fleet.ingestUrl(), timeout);
            }

            console.println("3/5 流水线：预热，尽快发布 " + burst + " 份，再以每秒100份发布 " + paced + " 份…");
            List<String> firstAndLast = List.of(Topics.PUBLISHED.name(), Topics.NOTIFICATION_SENT.name());
            measurement.run(firstAndLast, records(serializer, "warmup-" + run + "-", quick ? 100 : 500), 0, timeout);
            Run pipeline;
            Map<String, ProcessSampler.Usage> usage;
            try (ProcessSampler sampler = new ProcessSampler(() -> samples(stack, fleet))) {
                pipeline = measurement.run(firstAndLast, records(serializer, "burst-" + run + "-", burst), 0, timeout);
                usage = sampler.usage();
            }
            // Paced, the latency is also split by stage: which hop holds the tail.
            Run steady = measurement.run(REPORT_PATH, records(serializer, "paced-" + run + "-", paced), pacedPerSecond, timeout);

            console.println("4/5 裸 Kafka 中继：同样的记录走四跳…");
            Run relay;
            try (BareRelay bareRelay = new BareRelay(stack.bootstrapServers(), run)) {
                List<String> relayFirstAndLast = List.of(BareRelay.topic(0), BareRelay.topic(BareRelay.HOPS));
                measurement.run(relayFirstAndLast, records(serializer, "relay-warmup-" + run + "-", quick ? 100 : 500), 0, timeout);
                relay = measurement.run(relayFirstAndLast, records(serializer, "relay-" + run + "-", burst), 0, timeout);
                if (bareRelay.failure().isPresent()) {
                    throw new IllegalStateException("the bare relay lost records", bareRelay.failure().get());
                }
            }
            OcrBurst ocr = null;
            if (!ScannedDocuments.available()) {
                console.println("5/5 OCR：本机没有中文字体（fc-list :lang=zh），无法生成扫描件，跳过");
            } else if (!ocrModelsInstalled()) {
                console.println("5/5 OCR：构建时未能取得OCR识别模型（见 ocr-engine/README.md），扫描件只会被拒收，跳过");
            } else {
                ocr = ocrBurst(measurement, serializer, fleet, run, timeout);
            }
            return new Result(quick, Runtime.getRuntime().availableProcessors(), Runtime.version().toString(),
                    core, pipeline, pacedPerSecond, steady, relay, yearState, usage, ocr);
        }
    }

    /**
     * Text reports alone, then as many right after a burst of scans: whether the scans delay them,
     * and ocr-service sampled over the burst (it reads the scans one page after another on one
     * thread; the text reports pass meanwhile).
     */
    private OcrBurst ocrBurst(Measurement measurement, ConfluentAvroSerializer serializer, ServiceFleet fleet, String run,
                              Duration textTimeout) throws InterruptedException {
        int texts = quick ? 100 : 200;
        int scanCount = quick ? QUICK_SCANS : SCANS;
        console.println("5/5 OCR：文本报告 " + texts + " 份单独发布；再先发布扫描件 " + scanCount + " 份，随即发布文本报告 " + texts + " 份…");
        List<ReportPublished> scans = LoadReports.scans("scan-" + run + "-", scanCount);
        int pages = LoadReports.pages(scans);
        List<String> firstAndLast = List.of(Topics.PUBLISHED.name(), Topics.NOTIFICATION_SENT.name());
        Run textAlone = measurement.run(firstAndLast, records(serializer, "text-alone-" + run + "-", texts), 0, textTimeout);
        // A page takes 2–3 s of a core; on a busy machine several times that.
        Duration burstTimeout = textTimeout.plus(Duration.ofSeconds(15L * pages));
        try (ProcessSampler sampler = new ProcessSampler(() -> fleet.sample().stream()
                .filter(process -> process.name().equals(ServiceFleet.OCR_SERVICE)).toList())) {
            List<Run> burst = measurement.runGroups(firstAndLast, List.of(records(serializer, scans),
                    records(serializer, "text-after-scans-" + run + "-", texts)), 0, burstTimeout);
            return new OcrBurst(textAlone, burst.get(0), burst.get(1), pages, sampler.usage().get(ServiceFleet.OCR_SERVICE));
        }
    }

    /** Text reports as bytes on the wire. */
    private static Map<String, byte[]> records(ConfluentAvroSerializer serializer, String prefix, int count) {
        return records(serializer, LoadReports.make(prefix, count));
    }

    private static boolean ocrModelsInstalled() {
        try (DocumentOcr ocr = DocumentOcr.load()) {
            return ocr.available();
        }
    }

    /** The load as bytes on the wire: Avro ReportPublished in the Confluent format, keyed by agency. */
    private static Map<String, byte[]> records(ConfluentAvroSerializer serializer, List<ReportPublished> reports) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (ReportPublished report : reports) {
            records.put(report.getAgencyId(), serializer.serialize(Topics.PUBLISHED.name(), report));
        }
        return records;
    }

    /** The stack, the services, and this JVM: it publishes the load, reads the results and is the mail server. */
    private static List<ProcessSample> samples(LocalStack stack, ServiceFleet fleet) {
        List<ProcessSample> all = new ArrayList<>(stack.sample());
        all.addAll(fleet.sample());
        all.add(ProcessSample.of("bench（负载+邮件）", ProcessHandle.current()));
        return all;
    }
}
