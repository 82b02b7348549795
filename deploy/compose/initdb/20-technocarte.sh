#!/bin/bash
# Runs once, when the postgis/postgis container initialises an empty volume, after the image's own
# script has created the postgis extension in $POSTGRES_DB. The app gets a role of its own that
# owns its database but is no superuser.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$TECHNOCARTE_DB_PASSWORD" <<'SQL'
CREATE ROLE technocarte LOGIN PASSWORD :'password';
ALTER DATABASE technocarte OWNER TO technocarte;
ALTER SCHEMA public OWNER TO technocarte;
SQL
