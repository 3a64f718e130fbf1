package io.nianbao.cli.bench;

import java.util.List;

/**
 * The outcome of pushing records through a pipeline: how many arrived, how fast, how late.
 *
 * @param seconds from the first record sent to the last one arrived
 * @param hops    the latency split by the topics between, when the run was asked to; else empty
 */
record Run(int sent, int arrived, double seconds, Latencies latency, List<Hop> hops) {

    /** From a record's arrival on one topic to its arrival on the next. */
    record Hop(String from, String to, Latencies latency) {
    }

    double perSecond() {
        return seconds <= 0 ? 0 : arrived / seconds;
    }
}
