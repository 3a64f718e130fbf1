package io.nianbao.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchmarkResultTest {

    @Test
    void theTableGivesEachProcessItsCpuMillisecondsPerReportOfTheBurstAndThePacedLatencyByHop() {
        Run burst = new Run(3000, 3000, 30.0, Latencies.of(new long[] {100, 200, 300}), List.of());
        Run paced = new Run(500, 500, 5.0, Latencies.of(new long[] {50}), List.of(
                new Run.Hop("report.published", "report.ingested", Latencies.of(new long[] {20, 10, 90})),
                new Run.Hop("report.ingested", "notification.sent", Latencies.of(new long[] {30}))));
        Run relay = new Run(3000, 3000, 1.0, Latencies.of(new long[] {10}), List.of());
        Map<String, ProcessSampler.Usage> usage = new LinkedHashMap<>();
        usage.put("kafka", new ProcessSampler.Usage(200, 240, 0.30, 9.0));
        usage.put("notify-service", new ProcessSampler.Usage(220, 260, 0.45, 13.5));
        Benchmark.Result result = new Benchmark.Result(true, 2, "25", List.of(), burst, 100, paced, relay,
                new YearState.Loaded(200_000, 100_000, 7.25), usage, null);

        // 0.30 cores over 30 s is 9 CPU seconds for 3,000 reports: 3 ms each.
        assertThat(result.cpuMillisPerReport(usage.get("kafka"))).isCloseTo(3.0, within(1e-9));
        assertThat(result.table())
                .containsPattern("kafka +200 +240 +0\\.30 +3\\.00")
                .containsPattern("notify-service +220 +260 +0\\.45 +4\\.50")
                .contains("合计 0.75 核，每份 7.5 CPU毫秒（本机 2 核；PostgreSQL 不计）")
                .contains("流水线/裸中继 = 3%")
                .containsPattern("其中 report.published → report.ingested +20 +90 +90")
                .containsPattern("其中 report.ingested → notification.sent +30 +30 +30")
                .contains("ingest-service 载有一年的状态：已发出报告编号 200000 个、报告状态 100000 条（写入并载入用时 7.3 秒）")
                .contains("OCR：本机没有中文字体，无法生成扫描件，未测");
    }

    @Test
    void theOcrLineGivesPagesPerCpuSecondOfOcrServiceAndTheTextReportsLatencyWithAndWithoutTheScans() {
        Run none = new Run(0, 0, 0, Latencies.of(new long[0]), List.of());
        Run textAlone = new Run(200, 200, 4.0, Latencies.of(new long[] {900, 1_500, 2_000}), List.of());
        Run scans = new Run(20, 20, 150.0, Latencies.of(new long[] {60_000, 140_000}), List.of());
        Run textAfterScans = new Run(200, 200, 5.0, Latencies.of(new long[] {1_100, 2_400}), List.of());
        // 40 pages in 80 s of ocr-service's CPU: half a page per second of a core.
        OcrBurst ocr = new OcrBurst(textAlone, scans, textAfterScans, 40, new ProcessSampler.Usage(310, 1_250, 0.55, 80.0));
        Benchmark.Result result = new Benchmark.Result(true, 2, "25", List.of(), none, 100, none, none, null, Map.of(), ocr);

        assertThat(ocr.pagesPerCoreSecond()).isCloseTo(0.5, within(1e-9));
        assertThat(result.table())
                .contains("先发布扫描件 20 份（40 页），随即发布文本报告 200 份")
                .containsPattern("文本报告（单独发布） +200 +200 +50\\.0 +1500 +2000 +2000")
                .containsPattern("文本报告（扫描件之后） +200 +200 +40\\.0 +1100 +2400 +2400")
                .containsPattern("扫描件 +20 +20 +0\\.1 +60000 +140000 +140000")
                .contains("OCR：每核每秒 0.50 页（40 页用 CPU 80.0 秒）；ocr-service 静息 310 MB，峰值 1250 MB");
    }

    @Test
    void aGaugeIsReadFromThePrometheusPageWithOrWithoutLabels() {
        String page = """
                # HELP nianbao_ingest_seen_reports report ids kept in memory
                # TYPE nianbao_ingest_seen_reports gauge
                nianbao_ingest_seen_reports 200000.0
                nianbao_ingest_statuses_other 3.0
                nianbao_ingest_statuses{application="ingest-service"} 99999.0
                """;

        assertThat(YearState.gauge(page, YearState.SEEN_GAUGE)).hasValue(200_000.0);
        assertThat(YearState.gauge(page, YearState.STATUSES_GAUGE)).hasValue(99_999.0);
        assertThat(YearState.gauge(page, "nianbao_ingest_missing")).isEmpty();
    }
}
