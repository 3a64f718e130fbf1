# One Dockerfile for the four services (they are built the same way; SERVICE picks which):
#   docker build --build-arg SERVICE=parse-service -t nianbao/parse-service .
# Build the jars first: ./mvnw package -DskipTests
# Layered: dependencies change rarely, so they sit in lower layers than the application classes.
FROM eclipse-temurin:21-jre AS layers
ARG SERVICE
WORKDIR /layers
COPY ${SERVICE}/target/${SERVICE}-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
ARG SERVICE
# The serial collector fills the old generation up to the ceiling before it collects it, so the
# ceiling is the service's peak (README, Performance); docker-compose.yml passes each service's.
# Raise it at run time with JDK_JAVA_OPTIONS=-Xmx…, which comes after JAVA_TOOL_OPTIONS.
ARG HEAP_OPTIONS=-Xmx112m
RUN useradd --system --uid 10001 --home-dir /app nianbao && mkdir -p /data/documents && chown nianbao /data/documents
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER nianbao
# A container listens on every interface of its own network (the embedded default: 127.0.0.1 only).
ENV NIANBAO_DOCUMENTS_DIR=/data/documents \
    NIANBAO_BIND_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="${HEAP_OPTIONS} -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djdk.nio.maxCachedBufferSize=262144 --enable-native-access=ALL-UNNAMED -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.nianbao.events"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
