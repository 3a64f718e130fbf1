package io.nianbao.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One reading of a process: resident memory and CPU time used since it started.
 *
 * @param rssMegabytes resident set size, -1 when unknown (not Linux)
 * @param cpu          user + system CPU time, zero when unknown
 */
public record ProcessSample(String name, long pid, long rssMegabytes, Duration cpu) {

    /** Reads {@code process} now: RSS from /proc (Linux), CPU time from the JDK. */
    public static ProcessSample of(String name, ProcessHandle process) {
        long rssKiloBytes = rssKiloBytes(process.pid());
        return new ProcessSample(name, process.pid(), rssKiloBytes < 0 ? -1 : rssKiloBytes / 1024,
                process.info().totalCpuDuration().orElse(Duration.ZERO));
    }

    /** Resident set size from /proc; -1 where there is none. */
    private static long rssKiloBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
