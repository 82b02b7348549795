#!/bin/bash
# Runs once, when the database container initialises an empty volume. It creates, as superuser, the
# extensions the app needs in $POSTGRES_DB (postgis; pgrouting for the least watched way, see the
# README's Routes section; the pgRouting image leaves both to us), then the app's own role, which
# owns its database but is no superuser. IF NOT EXISTS: it runs as well on an image whose own
# script created postgis already (postgis/postgis).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$TECHNOCARTE_DB_PASSWORD" <<'SQL'
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pgrouting;
CREATE ROLE technocarte LOGIN PASSWORD :'password';
ALTER DATABASE technocarte OWNER TO technocarte;
ALTER SCHEMA public OWNER TO technocarte;
SQL
