package io.nianbao.events;

import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic of the pipeline: its name and the Avro type of its values. Every topic is keyed
 * by the agency id (a string), so one agency's reports stay in order on one partition.
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType) {

    /** The dead-letter twin: records a consumer of this topic could not handle, with the reason. */
    public String dlq() {
        return name + ".dlq";
    }

    /** The schema-registry subject of the value schema (TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }
}
