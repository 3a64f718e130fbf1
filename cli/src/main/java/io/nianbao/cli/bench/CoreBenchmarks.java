package io.nianbao.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nianbao.cli.bench.core.Jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH benchmarks of the pure core ({@code bench.core}) in a child JVM on the CLI's own
 * class path and reads their results.
 */
final class CoreBenchmarks {

    /** One benchmark: reports per second on one thread, and the time per report. */
    record Result(String name, double perSecond, double millisPerReport) {
    }

    private CoreBenchmarks() {
    }

    static List<Result> run(Path home, boolean quick, Path resultFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Dnianbao.home=" + home,
                "-cp", System.getProperty("java.class.path"), Jmh.class.getName(), "-t", "1", "-rf", "json", "-rff", resultFile.toString()));
        command.addAll(quick ? List.of("-f", "1", "-wi", "2", "-i", "3", "-w", "1s", "-r", "1s")
                : List.of("-f", "1", "-wi", "3", "-i", "5", "-w", "2s", "-r", "3s"));
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(resultFile.resolveSibling("jmh.log").toFile()).start();
        if (jmh.waitFor() != 0) {
            throw new IllegalStateException("JMH failed, see " + resultFile.resolveSibling("jmh.log"));
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode benchmark : new ObjectMapper().readTree(resultFile.toFile())) {
            double score = benchmark.path("primaryMetric").path("score").asDouble();
            String unit = benchmark.path("primaryMetric").path("scoreUnit").asText();
            double perSecond = perSecond(score, unit);
            String name = benchmark.path("benchmark").asText();
            results.add(new Result(name.substring(name.lastIndexOf('.') + 1), perSecond, 1000 / perSecond));
        }
        return results;
    }

    /** JMH reports throughput (ops/time) or average time (time/op); both become reports per second. */
    static double perSecond(double score, String unit) {
        return switch (unit) {
            case "ops/s" -> score;
            case "ops/ms" -> score * 1e3;
            case "ops/us" -> score * 1e6;
            case "s/op" -> 1 / score;
            case "ms/op" -> 1e3 / score;
            case "us/op" -> 1e6 / score;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }
}
