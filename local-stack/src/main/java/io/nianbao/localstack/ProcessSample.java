package io.nianbao.localstack;

import java.time.Duration;

/**
 * One reading of a child process: resident memory and CPU time used since it started.
 *
 * @param rssMegabytes resident set size, -1 when unknown (not Linux)
 * @param cpu          user + system CPU time, zero when unknown
 */
public record ProcessSample(String name, long pid, long rssMegabytes, Duration cpu) {
}
