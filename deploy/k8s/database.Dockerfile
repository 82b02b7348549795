# The database image of database.yaml: CloudNativePG's PostGIS image with pgRouting, for the least
# watched way (POST /api/routes/least-watched answers 503 without it). The PostGIS images of
# CloudNativePG were built without pgRouting for years (their newer builds add it: then the install
# below finds it there and changes nothing). From the PGDG repository the base image already uses,
# so pgRouting matches its PostgreSQL exactly. Build and push it where the cluster pulls from:
#
#   docker build -f deploy/k8s/database.Dockerfile -t registry.example.org/technocarte-postgis:15-3.5-pgrouting deploy/k8s
#   docker push registry.example.org/technocarte-postgis:15-3.5-pgrouting
#
# The tag must begin with the PostgreSQL major version (15): the operator reads it from there.
FROM ghcr.io/cloudnative-pg/postgis:15-3.5

# Installing needs root; the operator runs PostgreSQL as user 26, the base image's own.
USER root
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends "postgresql-${PG_MAJOR:-15}-pgrouting"; \
    test -f "/usr/share/postgresql/${PG_MAJOR:-15}/extension/pgrouting.control"; \
    rm -rf /var/lib/apt/lists/*
USER 26
