package io.nianbao.events.serde;

/** The Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
final class WireFormat {

    static final byte MAGIC = 0;
    static final int HEADER_LENGTH = 5;

    /** Serializer/deserializer setting: the registry's base URL (Confluent's own key, so configs carry over). */
    static final String REGISTRY_URL = "schema.registry.url";
    /** Serializer setting: compatibility level set on each subject before its first registration. */
    static final String COMPATIBILITY = "nianbao.schema.compatibility";

    private WireFormat() {
    }

    static String registryUrl(java.util.Map<String, ?> configs) {
        Object url = configs.get(REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing serde setting '" + REGISTRY_URL + "'");
        }
        return url.toString();
    }
}
