package io.nianbao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nianbao.cli.bench.Benchmark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code nianbao bench [--quick] [--reports N] [--out FILE]}: measures the pure core (JMH), the whole pipeline
 * (throughput, latency from publication to notification) and the bare-Kafka limit of this
 * machine, with each process's memory and CPU; prints one table and writes the figures as JSON.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        Path home = Path.of(System.getProperty("nianbao.home", ".")).toAbsolutePath().normalize();
        Path dir = home.resolve(".nianbao-data").resolve("bench");
        int reports = options.indexOf("--reports");
        int burst = reports >= 0 && reports + 1 < options.size() ? Integer.parseInt(options.get(reports + 1)) : 0;
        int out = options.indexOf("--out");
        Path resultFile = out >= 0 && out + 1 < options.size() ? Path.of(options.get(out + 1))
                : dir.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        Benchmark.Result result = new Benchmark(home, dir, quick, burst, console).run();
        console.println();
        console.println(result.table());
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultFile.toFile(), result);
        console.println("结果已写入 " + resultFile);
        return 0;
    }
}
