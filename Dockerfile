# Stackkeeper as a container image: built with the Maven wrapper on a JDK, run on a JRE as a non-root user from the
# extracted jar with a class-data-sharing archive (the layout scripts/start.sh uses).
#
# The base images are build arguments, so that a machine without a public registry builds from local ones
# (scripts/base-images.sh makes both from Debian's packages with mmdebstrap):
#   podman build --format docker --build-arg BUILD_IMAGE=localhost/stackkeeper-build-base:trixie \
#     --build-arg RUN_IMAGE=localhost/stackkeeper-run-base:bookworm -t localhost/stackkeeper:dev .
# The build stage downloads Maven and the dependencies from Maven Central; `-v ~/.m2:/root/.m2:O` (podman) lends
# it a warm local repository without changing it.
ARG BUILD_IMAGE=docker.io/library/eclipse-temurin:17-jdk
ARG RUN_IMAGE=docker.io/library/eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY db/ db/
COPY frontend/ frontend/
COPY src/main/ src/main/
RUN ./mvnw -B -q -Pproduction package -DskipTests \
    && jar=$(ls target/stackkeeper-*.jar | grep -v -e '-plain\.jar$' -e '\.original$' | head -1) \
    && java -Djarmode=tools -jar "$jar" extract --destination /app \
    && mv "/app/$(basename "$jar")" /app/stackkeeper.jar

FROM ${RUN_IMAGE}
COPY --from=build /app/ /app/
# One start that stops once the context is up trains the class-data-sharing archive for this image's JVM.
RUN STACKKEEPER_DATA_DIR=/tmp/cds-training SERVER_PORT=0 java -XX:ArchiveClassesAtExit=/app/stackkeeper.jsa \
        -Dspring.context.exit=onRefresh -jar /app/stackkeeper.jar > /tmp/cds-training.log 2>&1 \
    || { tail -50 /tmp/cds-training.log; exit 1; }; \
    rm -rf /tmp/cds-training /tmp/cds-training.log \
    && echo 'stackkeeper:x:10001:10001:Stackkeeper:/data:/usr/sbin/nologin' >> /etc/passwd \
    && echo 'stackkeeper:x:10001:' >> /etc/group \
    && mkdir -p /data/backups && chown -R 10001:10001 /data
USER 10001:10001
ENV STACKKEEPER_DATA_DIR=/data \
    SERVER_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=60"
VOLUME /data
EXPOSE 8080
# Ready once the portal takes work; bash's /dev/tcp needs no HTTP client in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:SharedArchiveFile=/app/stackkeeper.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar /app/stackkeeper.jar \"$@\"", "stackkeeper"]
