package io.nianbao.cli.bench;

/**
 * The outcome of pushing records through a pipeline: how many arrived, how fast, how late.
 *
 * @param seconds from the first record sent to the last one arrived
 */
record Run(int sent, int arrived, double seconds, Latencies latency) {

    double perSecond() {
        return seconds <= 0 ? 0 : arrived / seconds;
    }
}
