package io.nianbao.service;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The one way a nianbao service starts. */
public final class NianbaoServices {

    /** Avro 1.12 only instantiates generated classes from listed packages, and reads the list once. */
    private static final String AVRO_PACKAGES = "io.nianbao.events";

    private NianbaoServices() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        allowAvroEventClasses();
        return SpringApplication.run(application, args);
    }

    /** Must run before Avro loads; the services' mains and tests call it first. */
    public static void allowAvroEventClasses() {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_PACKAGES);
        }
    }
}
