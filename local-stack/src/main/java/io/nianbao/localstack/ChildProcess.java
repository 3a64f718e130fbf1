package io.nianbao.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A JVM child process of the local stack, with its output in a log file. */
final class ChildProcess {

    /** A readiness check; an exception counts as "not ready yet". */
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(ChildProcess.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    /**
     * Small heap, and C1 only: on two cores C2 compilation doubled the children's startup CPU
     * (measured: broker 4.7 s to 2.4 s, registry 8 s to 4.2 s) and added ~35 MB RSS each; the
     * peak speed lost does not matter for a local stack.
     */
    private static final List<String> STACK_JVM_ARGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long startNanos;
    private final Path workDir;
    private final List<String> jvmArgs;

    private ChildProcess(String name, Process process, Path logFile, long startNanos, Path workDir, List<String> jvmArgs) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.startNanos = startNanos;
        this.workDir = workDir;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** The JVM options of the stack's own children (broker, registry) followed by {@code args}. */
    static List<String> stackJvmArgs(String... args) {
        List<String> all = new ArrayList<>(STACK_JVM_ARGS);
        all.addAll(List.of(args));
        return all;
    }

    /**
     * Starts {@code java <jvmArgs>} with the current JVM's binary. Stdin stays a pipe: it closes
     * when this JVM dies, which children may watch to avoid outliving us. A pid file beside the
     * log lets a later start stop the child if this JVM dies without stopping it (SIGKILL). The
     * log is written afresh; a restart of the same child ({@link #restart()}) appends to it.
     */
    static ChildProcess startJava(String name, List<String> jvmArgs, Path workDir, Path logFile)
            throws IOException {
        return startJava(name, jvmArgs, workDir, logFile, ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    private static ChildProcess startJava(String name, List<String> jvmArgs, Path workDir, Path logFile,
                                          ProcessBuilder.Redirect log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        Files.createDirectories(workDir);
        Path pidFile = logFile.resolveSibling(name + ".pid");
        orphan(pidFile).ifPresent(orphan -> terminate(List.of(orphan)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log);
        // glibc gives each busy thread a malloc arena of its own (up to 8 per core), which resident
        // memory shows; two are plenty for JVMs whose memory is mostly the Java heap.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        long start = System.nanoTime();
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + " " + startInstant(process.toHandle()));
        return new ChildProcess(name, process, logFile, start, workDir, jvmArgs);
    }

    /** The same command again, in the same folder, its output appended to the same log; this one must have exited. */
    ChildProcess restart() throws IOException {
        return restart(jvmArgs);
    }

    /** As {@link #restart()}, with other arguments. */
    ChildProcess restart(List<String> otherJvmArgs) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + pid() + ")");
        }
        return startJava(name, otherJvmArgs, workDir, logFile, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /** Waits until the process has exited: its exit code, or empty when it still runs after {@code timeout}. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. Waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /** Stops the children left running in {@code dir} by a JVM that died without stopping them. */
    static void stopOrphans(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            terminate(files.filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .flatMap(pidFile -> orphan(pidFile).stream())
                    .toList());
        }
    }

    /** The process a pid file names, if it still runs; the start time tells it from a reused pid. */
    private static Optional<ProcessHandle> orphan(Path pidFile) {
        try {
            String[] pidAndStart = Files.readString(pidFile).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(pidAndStart[0]))
                    .filter(handle -> startInstant(handle).equals(pidAndStart[1]));
        } catch (IOException | RuntimeException unreadableOrAbsent) {
            return Optional.empty();
        }
    }

    private static String startInstant(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toString).orElse("?");
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
                            sample().rssMegabytes(), logFile);
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

    ProcessSample sample() {
        return ProcessSample.of(name, process.toHandle());
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM to all children first so they shut down in parallel, then wait; kill stragglers. */
    static void stopAll(List<ChildProcess> children) {
        terminate(children.stream().map(child -> child.process.toHandle()).toList());
    }

    private static void terminate(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.log(Level.WARNING, "pid {0,number,#} ignored SIGTERM for {1} s: killing it", process.pid(),
                        STOP_GRACE.toSeconds());
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot wait for pid " + process.pid(), e);
            }
        }
    }
}
