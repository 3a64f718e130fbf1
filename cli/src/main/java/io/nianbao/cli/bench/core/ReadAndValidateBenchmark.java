package io.nianbao.cli.bench.core;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse + validate of one report, as the parse and validate services do it (one reader, one rule
 * engine, reused): {@code ReportReader.read} then {@code RuleEngine.run}. One thread, so the score
 * is reports per second per core. Each benchmark is named after its input (see {@link Documents}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadAndValidateBenchmark {

    private final ReportReader reader = new ReportReader();
    private final RuleEngine engine = new RuleEngine();
    private byte[] bytes;

    @Setup
    public void load(BenchmarkParams params) throws IOException, UnreadableDocumentException {
        String benchmark = params.getBenchmark();
        bytes = Documents.load(benchmark.substring(benchmark.lastIndexOf('.') + 1));
    }

    @Benchmark
    public List<Finding> text() throws UnreadableDocumentException {
        return readAndValidate();
    }

    @Benchmark
    public List<Finding> html() throws UnreadableDocumentException {
        return readAndValidate();
    }

    @Benchmark
    public List<Finding> pdfHongze2023() throws UnreadableDocumentException {
        return readAndValidate();
    }

    @Benchmark
    public List<Finding> pdfHongze2024() throws UnreadableDocumentException {
        return readAndValidate();
    }

    private List<Finding> readAndValidate() throws UnreadableDocumentException {
        return engine.run(RuleContext.of(reader.read(bytes, ReportMetadata.UNKNOWN)));
    }
}
