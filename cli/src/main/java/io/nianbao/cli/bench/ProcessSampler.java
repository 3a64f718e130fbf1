package io.nianbao.cli.bench;

import io.nianbao.localstack.ProcessSample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Samples the child processes in the background while a load runs: peak memory and CPU used. */
final class ProcessSampler implements AutoCloseable {

    /** Per process over the window: memory at the start, peak memory, CPU cores used on average, CPU time used. */
    record Usage(long restRssMegabytes, long peakRssMegabytes, double cores, double cpuSeconds) {
    }

    private final Supplier<List<ProcessSample>> source;
    private final Map<String, ProcessSample> first = new LinkedHashMap<>();
    private final Map<String, Long> peak = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private Map<String, ProcessSample> last = Map.of();

    ProcessSampler(Supplier<List<ProcessSample>> source) {
        this.source = source;
        source.get().forEach(s -> {
            first.put(s.name(), s);
            peak.put(s.name(), s.rssMegabytes());
        });
        thread = Thread.ofPlatform().daemon().name("process-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            record(source.get());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(List<ProcessSample> samples) {
        Map<String, ProcessSample> now = new LinkedHashMap<>();
        samples.forEach(s -> {
            now.put(s.name(), s);
            peak.merge(s.name(), s.rssMegabytes(), Math::max);
        });
        last = now;
    }

    /** Stops sampling and returns the usage of each process over the window. */
    synchronized Map<String, Usage> usage() {
        record(source.get());
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        first.forEach((name, start) -> {
            double cpuSeconds = last.get(name).cpu().minus(start.cpu()).toMillis() / 1000.0;
            usage.put(name, new Usage(start.rssMegabytes(), peak.get(name), cpuSeconds / wall, cpuSeconds));
        });
        return usage;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
