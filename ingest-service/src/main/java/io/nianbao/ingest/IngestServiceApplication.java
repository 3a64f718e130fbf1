package io.nianbao.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nianbao.events.Topics;
import io.nianbao.ingest.http.PortalAuthenticator;
import io.nianbao.ingest.http.ReportsController;
import io.nianbao.ingest.http.SpooledBody;
import io.nianbao.ingest.http.SpooledMultipartResolver;
import io.nianbao.ingest.intake.ReportIntake;
import io.nianbao.ingest.intake.SeenReports;
import io.nianbao.ingest.intake.Submission;
import io.nianbao.ingest.status.ReportStatuses;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.Poll;
import io.nianbao.service.Polls;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.function.Consumer;

/**
 * The front door: documents arrive by HTTP ({@link ReportsController}) or as Avro on
 * report.published; both go through {@link ReportIntake} to report.ingested or report.rejected.
 */
@SpringBootApplication
@EnableConfigurationProperties(IngestProperties.class)
@OpenAPIDefinition(info = @Info(title = "年报接收服务 API", version = "v1",
        description = "门户向年报核查流水线提交政府信息公开工作年度报告：上传文件、提交全文或提交报告网址，并查询处理状态。"
                + "每个门户使用自己的API密钥（请求头X-Api-Key），或以HMAC-SHA256签名请求（X-Portal-Id、X-Timestamp、X-Signature）。"))
@SecurityScheme(name = PortalAuthenticator.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = PortalAuthenticator.API_KEY, description = "门户API密钥")
public class IngestServiceApplication implements WebMvcConfigurer {

    private final PortalAuthenticator authenticator;

    public IngestServiceApplication(PortalAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public static void main(String[] args) {
        NianbaoServices.run(IngestServiceApplication.class, args);
    }

    /**
     * Consumes report.published; a portal's event goes through the intake as an upload would, to
     * report.ingested or report.rejected. The intake sends through its own producer, not an output
     * binding: the HTTP door shares it, and needs each send's completion, which a binding gives
     * only by blocking in every send. A poll's sends are all started, then each waited for
     * ({@link Poll}), so they share produce requests.
     */
    @Bean
    Consumer<Message<?>> ingestPublished(Polls polls, ReportIntake intake) {
        return polls.retrying(Topics.PUBLISHED, "ingest", events -> published -> intake.submit(
                Submission.of(published, authenticator.byId(published.getPortalId()).orElse(null)))::await);
    }

    /**
     * report.ingested's producer, beside the bindings: a send's completion is needed, which a
     * binding gives only by blocking in every send. It lingers not at all: an HTTP answer waits
     * for its send, and a poll's sends are started together anyway. The observation puts the trace
     * context into the records' headers, as the bindings do.
     */
    @Bean
    KafkaTemplate<String, SpecificRecord> ingestedProducer(KafkaClients kafka) {
        kafka.ensureTopics(List.of(Topics.INGESTED));
        KafkaTemplate<String, SpecificRecord> template = new KafkaTemplate<>(kafka.producerFactory(0));
        template.setObservationEnabled(true);
        return template;
    }

    /** What ingest keeps in memory grows over a year: these two say how far. */
    @Bean
    MeterBinder yearStateGauges(SeenReports seen, ReportStatuses statuses) {
        return registry -> {
            Gauge.builder("nianbao.ingest.seen.reports", seen, SeenReports::size)
                    .description("report ids kept in memory to recognise a document handed in again (all since the start)")
                    .register(registry);
            Gauge.builder("nianbao.ingest.statuses", statuses, ReportStatuses::size)
                    .description("report statuses kept in memory (nianbao.ingest.status.capacity at most)")
                    .register(registry);
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authenticator).addPathPatterns("/api/**");
    }

    @Bean
    FilterRegistrationBean<SpooledBody> spooledBody(IngestProperties properties, Incoming incoming, DocumentMemory memory,
                                                    JsonMapper json) {
        FilterRegistrationBean<SpooledBody> registration =
                new FilterRegistrationBean<>(new SpooledBody(properties, incoming, memory, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Named so that the DispatcherServlet uses it instead of the container's multipart parsing. */
    @Bean(name = "multipartResolver")
    MultipartResolver multipartResolver() {
        return new SpooledMultipartResolver();
    }
}
