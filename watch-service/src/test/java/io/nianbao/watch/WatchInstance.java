package io.nianbao.watch;

import io.nianbao.localstack.LocalStack;
import io.nianbao.service.NianbaoServices;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * watch-service started in the test JVM against the local stack, with loopback allowed (the
 * portals are local servers), short intervals and the given columns. Close it before the stack stops.
 */
final class WatchInstance implements AutoCloseable {

    static final String FAILING_AFTER = "3s";

    private final ConfigurableApplicationContext context;

    private WatchInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A column of the test: index, then its settings without the {@code nianbao.watch.columns[i].} prefix. */
    static Map<String, String> column(int index, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        settings.forEach((key, value) -> properties.put("nianbao.watch.columns[" + index + "]." + key, value));
        properties.putIfAbsent("nianbao.watch.columns[" + index + "].interval", "1s");
        return properties;
    }

    static WatchInstance start(LocalStack stack, Map<String, String> columns) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("nianbao.kafka.bootstrap-servers", stack.bootstrapServers());
        properties.put("nianbao.schema-registry.url", stack.schemaRegistryUrl());
        properties.put("nianbao.outbound.allow-loopback", "true");
        properties.put("nianbao.watch.host-interval", "20ms");
        properties.put("nianbao.watch.failing-after", FAILING_AFTER);
        properties.put("nianbao.watch.threads", "4");
        properties.put("nianbao.watch.timeout", "10s");
        properties.putAll(columns);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        NianbaoServices.allowAvroEventClasses();
        return new WatchInstance(NianbaoServices.run(WatchServiceApplication.class, args.toArray(String[]::new)));
    }

    /** The Prometheus page of the instance. */
    String metrics() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String port = context.getEnvironment().getProperty("local.server.port");
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
