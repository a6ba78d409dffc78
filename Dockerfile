# pmkb in a container, on the site project mounted at /site:
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" IMAGE bake
# Built from the distribution: run `mvn -B package -DskipTests` first (CI does).
FROM eclipse-temurin:21-jre
ARG PMKB_ZIP=target/pmkb-*.zip
COPY ${PMKB_ZIP} /tmp/
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip >/dev/null \
    && unzip -q /tmp/pmkb-*.zip -d /opt && mv /opt/pmkb-* /opt/pmkb && rm /tmp/pmkb-*.zip \
    && apt-get purge -y -qq unzip >/dev/null && rm -rf /var/lib/apt/lists/*
# The Java versions and the class-data archive of a faster start, made once here: the container's user may not be
# able to write anywhere but /site.
ENV PMKB_CACHE_DIR=/opt/pmkb-cache
RUN /opt/pmkb/bin/pmkb --version
WORKDIR /site
EXPOSE 8080
ENTRYPOINT ["/opt/pmkb/bin/pmkb"]
CMD ["--help"]
