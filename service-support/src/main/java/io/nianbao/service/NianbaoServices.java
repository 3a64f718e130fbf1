package io.nianbao.service;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The one way a nianbao service starts. */
public final class NianbaoServices {

    /** Avro 1.12 only instantiates generated classes from listed packages, and reads the list once. */
    private static final String AVRO_PACKAGES = "io.nianbao.events";

    private NianbaoServices() {
    }

    /** commons-logging's choice of adapter, read once when the first framework class logs. */
    static final String LOG_FACTORY_PROPERTY = "org.apache.commons.logging.LogFactory";
    static final String LOG4J_API_LOG_FACTORY = "org.apache.commons.logging.impl.Log4jApiLogFactory";

    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        allowAvroEventClasses();
        checkLevelBeforeFormattingFrameworkLogs();
        return SpringApplication.run(application, args);
    }

    /**
     * commons-logging 1.3's SLF4J adapter turns a message into a string before it checks the level,
     * so Spring Integration's unguarded debug lines printed every message, document included, for
     * nothing: a few per cent of each service's CPU under load (JFR). Its Log4j API adapter checks
     * the level first; log4j-to-slf4j (in every service) still hands the lines to Logback.
     */
    static void checkLevelBeforeFormattingFrameworkLogs() {
        if (System.getProperty(LOG_FACTORY_PROPERTY) == null) {
            System.setProperty(LOG_FACTORY_PROPERTY, LOG4J_API_LOG_FACTORY);
        }
    }

    /** Must run before Avro loads; the services' mains and tests call it first. */
    public static void allowAvroEventClasses() {
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", AVRO_PACKAGES);
        }
    }
}
