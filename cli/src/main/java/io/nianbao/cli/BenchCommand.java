package io.nianbao.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nianbao.cli.bench.Benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code nianbao bench [--quick] [--reports N] [--rate N] [--year-state] [--out FILE]}: measures the pure core (JMH), the
 * whole pipeline (throughput, latency from publication to notification) and the bare-Kafka limit
 * of this machine, with each process's memory and CPU; prints one table and writes the figures as
 * JSON. ingest-service first reads a year's state unless the run is quick, or when asked.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        boolean withYearState = !quick || options.contains("--year-state");
        Path home = Path.of(System.getProperty("nianbao.home", ".")).toAbsolutePath().normalize();
        Path dir = home.resolve(".nianbao-data").resolve("bench");
        int burst;
        int pacedPerSecond;
        try {
            burst = number(options, "--reports");
            pacedPerSecond = number(options, "--rate");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        int out = options.indexOf("--out");
        Path resultFile = out >= 0 && out + 1 < options.size() ? Path.of(options.get(out + 1))
                : dir.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        Files.createDirectories(dir);
        Benchmark.Result result;
        // Two runs at once would share the stack folder: the second wiped the first's broker, which then hung.
        try (FileChannel lockFile = FileChannel.open(dir.resolve("bench.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                System.err.println("另一个 nianbao bench 正在运行（" + dir + "），请等它结束后再试");
                return 1;
            }
            result = new Benchmark(home, dir, quick, burst, pacedPerSecond, withYearState, console).run();
        }
        console.println();
        console.println(result.table());
        Files.createDirectories(resultFile.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultFile.toFile(), result);
        console.println("结果已写入 " + resultFile);
        return 0;
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** The positive number after {@code option}; 0 when the option is absent (the default applies). */
    private static int number(List<String> options, String option) {
        int at = options.indexOf(option);
        if (at < 0) {
            return 0;
        }
        String value = at + 1 < options.size() ? options.get(at + 1) : "";
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " 后应为正整数，而不是「" + value + "」");
    }
}
