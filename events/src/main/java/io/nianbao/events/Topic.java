package io.nianbao.events;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;

/**
 * A Kafka topic of the pipeline: its name, the Avro type of its values, what its records are keyed
 * by, who writes and who reads it, and how it is kept. A record a reader cannot handle goes, with
 * its reason, to the topic's {@link #dlq()}.
 *
 * @param key        what a record's key is: the agency id for the flow, so one agency's reports
 *                   stay in order on one partition
 * @param writers    the services (or outside parties) that produce to it
 * @param readers    the services that consume it
 * @param compacted  kept as the latest record per key (a ledger), not for the retention time
 * @param partitions its partitions; 0 for the pipeline's ({@code nianbao.topics.partitions})
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, String key, List<String> writers,
                                              List<String> readers, boolean compacted, int partitions) {

    /** The dead-letter twin: records a reader of this topic could not handle, with the reason. */
    public String dlq() {
        return dlqOf(name);
    }

    /** The dead-letter topic of the topic named {@code topic}. */
    public static String dlqOf(String topic) {
        return topic + ".dlq";
    }

    /** The schema-registry subject of the value schema (TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }
}
