# syntax=docker/dockerfile:1
# Not built on the development machines (no Docker engine there); see README "Container".

ARG SWIFT_VERSION=6.3.1
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-dev libpq-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer so source edits don't refetch them. Resolving
# reads the manifest only (it does not look for target folders), so Package.swift alone is
# the layer's input: no stub layout to keep in step with the manifest's target list.
COPY Package.swift ./
RUN swift package resolve
# Building validates every target the manifest declares, test targets included, so Tests/
# is copied too (SwiftPM refuses the manifest without it; .dockerignore keeps it in the
# context). Only sarcoma-guide is built. A stub Tests layout would repeat the manifest's
# target list here and drift; a test edit costs a rebuild of this layer, not a re-resolve.
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product sarcoma-guide --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/sarcoma-guide" /out/sarcoma-guide

FROM debian:bookworm-slim
# libsqlite3-0 and libpq5 (PostgreSQL's client, for a postgres:// database) are the shared libraries
# the binary links beyond the base image's libc, libgcc and libstdc++ (the Swift runtime is static);
# scripts/dockerfile-check.sh checks that list.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-0 libpq5 tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/sarcoma-guide sarcoma \
 && mkdir -p /var/lib/sarcoma-guide/data \
 && chown -R sarcoma:sarcoma /var/lib/sarcoma-guide
COPY --from=build /out/sarcoma-guide /usr/local/bin/sarcoma-guide
COPY Migrations /opt/sarcoma-guide/Migrations
COPY Config /opt/sarcoma-guide/Config
WORKDIR /opt/sarcoma-guide
# Secure by default: with no access tokens the service only listens on loopback, so this
# image is meant to sit behind a reverse proxy in the same network namespace (a pod or
# `--network container:`), which terminates TLS. See README "Production".
ENV SARCOMA_GUIDE_HOST=127.0.0.1 \
    SARCOMA_GUIDE_PORT=8080 \
    SARCOMA_GUIDE_DATABASE=/var/lib/sarcoma-guide/data/sarcoma-guide.sqlite \
    SARCOMA_GUIDE_MIGRATIONS=/opt/sarcoma-guide/Migrations \
    SARCOMA_GUIDE_GUIDELINES=/opt/sarcoma-guide/Config/guidelines \
    SARCOMA_GUIDE_OPENAPI=/opt/sarcoma-guide/Config/openapi.json
VOLUME ["/var/lib/sarcoma-guide/data"]
USER sarcoma
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["sarcoma-guide", "healthcheck"]
ENTRYPOINT ["sarcoma-guide"]
CMD ["serve"]
