package io.nianbao.cli.bench.core;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The JMH run of the pure core's benchmarks, in the child JVM {@code CoreBenchmarks} starts:
 * JMH's command line; without ../shared/corpus/real (as on a user's machine) the PDF benchmarks
 * are left out.
 */
public final class Jmh {

    private Jmh() {
    }

    public static void main(String[] args) throws Exception {
        if (!Documents.pdfsPresent()) {
            System.err.println("No Hongze PDFs in " + Documents.corpus() + ": the PDF benchmarks are left out.");
            args = Stream.concat(Arrays.stream(args), Stream.of("-e", "\\.pdf")).toArray(String[]::new);
        }
        org.openjdk.jmh.Main.main(args);
    }
}
