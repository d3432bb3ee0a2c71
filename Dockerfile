# sparkify in a container, built on the release archive (docs/deploy.md#docker):
#   ./mvnw -B package -DskipTests -pl sparkify-cli -am && docker build -t sparkify .
FROM eclipse-temurin:17-jre

ADD sparkify-cli/target/sparkify-*.tar.gz /opt/
# The temp folder lives outside /tmp, which a container runtime may mount noexec; TMPDIR is also the JVM's
# temp folder (bin/sparkify).
RUN ln -s /opt/sparkify-*/bin/sparkify /usr/local/bin/sparkify \
    && useradd --system --create-home --home-dir /home/sparkify --shell /usr/sbin/nologin sparkify \
    && mkdir -p /data /warehouse /var/tmp/sparkify \
    && chown sparkify:sparkify /data /warehouse /var/tmp/sparkify

USER sparkify
ENV TMPDIR=/var/tmp/sparkify \
    SPARKIFY_WAREHOUSE=jdbc:duckdb:/warehouse/sparkify.duckdb
# Records the start-up class archive into the image (the user's cache folder), so that no container
# pays for it on its first start.
RUN sparkify --version

VOLUME ["/data", "/warehouse"]
WORKDIR /warehouse
ENTRYPOINT ["sparkify"]
CMD ["--help"]
