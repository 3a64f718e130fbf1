package io.nianbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM child process of the local stack, with its output in a log file. */
final class ChildProcess {

    /** A readiness check; an exception counts as "not ready yet". */
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long startNanos;

    private ChildProcess(String name, Process process, Path logFile, long startNanos) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code java <jvmArgs>} with the current JVM's binary. Stdin stays a pipe: it closes
     * when this JVM dies, which children may watch to avoid outliving us.
     */
    static ChildProcess startJava(String name, List<String> jvmArgs, Path workDir, Path logFile)
            throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        long start = System.nanoTime();
        return new ChildProcess(name, builder.start(), logFile, start);
    }

    /** Polls the probe until it succeeds; fails early if the child exits. Logs startup time and RSS. */
    void awaitReady(Duration timeout, Probe probe) throws IOException {
        long deadline = startNanos + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue(), lastFailure);
            }
            try {
                if (probe.ready()) {
                    LOG.log(Level.INFO, "{0} ready in {1} ms (pid {2,number,#}, RSS {3} MB, log {4})", name,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), pid(),
                            rssKiloBytes() / 1024, logFile);
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("wait interrupted", e);
            }
        }
        throw failure("not ready after " + timeout.toSeconds() + " s", lastFailure);
    }

    private IOException failure(String what, Exception cause) {
        return new IOException(name + " " + what + "; last lines of " + logFile + ":\n" + logTail(), cause);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    long rssKiloBytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM to all children first so they shut down in parallel, then wait; kill stragglers. */
    static void stopAll(List<ChildProcess> children) {
        children.forEach(child -> child.process.destroy());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ChildProcess child : children) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!child.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    LOG.log(Level.WARNING, "{0} ignored SIGTERM for {1} s: killing it", child.name,
                            STOP_GRACE.toSeconds());
                    child.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.process.destroyForcibly();
            }
        }
    }

    /** A port free right now on 127.0.0.1 (another process could still take it before the child binds). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
