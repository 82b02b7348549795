#!/usr/bin/env bash
# Installs or upgrades Technocarte on one Debian 12 server, as root:
#
#   TECHNOCARTE_SERVER_NAME=map.example.org deploy/server/install.sh
#
# From the packaged app of this checkout (target/quarkus-app: ./mvnw package -DskipTests, here or on
# another machine and copied). Installs from Debian: Java 17, PostgreSQL 15 + PostGIS 3, nginx.
# Creates the system user, the database role (with a random password, written to the environment
# file), the database and its postgis extension; installs the app in /opt/technocarte, the unit,
# the environment file (once: never overwritten) and the nginx site; (re)starts both. Idempotent:
# run it again after each git pull + package to upgrade. Ends by printing what is left to you.
#
# Settings (environment):
#   TECHNOCARTE_SERVER_NAME   public host name (required)
#   TECHNOCARTE_TLS_CERT, TECHNOCARTE_TLS_KEY
#                             your certificate and key; default: certbot's for the name when they
#                             exist, else a self-signed placeholder until you run certbot
#   TECHNOCARTE_APP_DIR       the packaged app (default: target/quarkus-app of this checkout)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

name="${TECHNOCARTE_SERVER_NAME:-}"
app_src="${TECHNOCARTE_APP_DIR:-$root/target/quarkus-app}"
prefix=/opt/technocarte
etc=/etc/technocarte
state=/var/lib/technocarte
env_file=$etc/technocarte.env
acme_root=/var/www/letsencrypt
todo=()

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "run as root (sudo $0)"
[ -n "$name" ] || die "set TECHNOCARTE_SERVER_NAME to the public host name, e.g. TECHNOCARTE_SERVER_NAME=map.example.org $0"
[ -f "$app_src/quarkus-run.jar" ] || die "no $app_src/quarkus-run.jar: run ./mvnw package -DskipTests first (or set TECHNOCARTE_APP_DIR)"
command -v apt-get >/dev/null 2>&1 || die "this script is for Debian 12; deploy/server/README.md lists what it does, to do by hand elsewhere"
have_systemd=no
[ -d /run/systemd/system ] && have_systemd=yes

# --- packages -----------------------------------------------------------------------------------
packages=(openjdk-17-jre-headless postgresql postgresql-15-postgis-3 postgresql-15-pgrouting osm2pgrouting nginx openssl curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 "${missing[@]}" >/dev/null
fi

# --- the system user ------------------------------------------------------------------------------
if ! id technocarte >/dev/null 2>&1; then
  say "creating the system user technocarte"
  useradd --system --home-dir "$state" --no-create-home --shell /usr/sbin/nologin technocarte
fi
install -d -o technocarte -g technocarte -m 0750 "$state" "$state/photos"
install -d -o root -g technocarte -m 0750 "$etc"

# --- the database ----------------------------------------------------------------------------------
if [ "$have_systemd" = yes ]; then systemctl enable --now postgresql >/dev/null 2>&1 || true; fi
pg() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
for _ in $(seq 1 30); do pg -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break || sleep 1; done
pg -d postgres -c 'SELECT 1' >/dev/null || die "PostgreSQL does not answer (pg_lsclusters, journalctl -u postgresql)"

# The environment file is the operator's from its first writing: only its password line is ever
# filled in, and only while it still holds the placeholder.
if [ ! -f "$env_file" ]; then
  say "writing $env_file"
  install -o root -g technocarte -m 0640 "$here/technocarte.env" "$env_file"
fi
if [ -z "$(pg -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'technocarte'")" ]; then
  password=$(openssl rand -hex 24)
  say "creating the database role technocarte"
  pg -d postgres -c "CREATE ROLE technocarte LOGIN PASSWORD '$password'"
  sed -i "s/^QUARKUS_DATASOURCE_PASSWORD=.*/QUARKUS_DATASOURCE_PASSWORD=$password/" "$env_file"
elif grep -q '^QUARKUS_DATASOURCE_PASSWORD=change-me$' "$env_file"; then
  password=$(openssl rand -hex 24)
  say "the role technocarte exists but $env_file has no password: setting a new one"
  pg -d postgres -c "ALTER ROLE technocarte PASSWORD '$password'"
  sed -i "s/^QUARKUS_DATASOURCE_PASSWORD=.*/QUARKUS_DATASOURCE_PASSWORD=$password/" "$env_file"
fi
# The operator's secret (keys of client addresses, proof-of-work signatures): drawn once, here, and
# the same for every instance that is later pointed at this database (copy the line to them).
if grep -q '^TECHNOCARTE_SECRET=change-me$' "$env_file"; then
  say "drawing TECHNOCARTE_SECRET"
  sed -i "s/^TECHNOCARTE_SECRET=.*/TECHNOCARTE_SECRET=$(openssl rand -hex 32)/" "$env_file"
fi
if [ -z "$(pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'technocarte'")" ]; then
  say "creating the database technocarte"
  pg -d postgres -c "CREATE DATABASE technocarte OWNER technocarte ENCODING 'UTF8' TEMPLATE template0"
fi
# CREATE EXTENSION needs a superuser: done here, the app's migrations find it.
pg -d technocarte -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis"
# pgRouting, for the least-watched way (the streets: deploy/routes/import.sh, see the README's Routes).
pg -d technocarte -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pgrouting"

# --- the app ----------------------------------------------------------------------------------------
# A new folder beside the old one, then swapped: a failed copy leaves the running version whole.
say "installing the app in $prefix"
install -d -m 0755 "$prefix"
rm -rf "$prefix/quarkus-app.new"
# Times kept: the JVM uses the archive of the app's classes (app-cds.jsa) only with the jars it was made from.
cp -r --preserve=timestamps "$app_src" "$prefix/quarkus-app.new"
chown -R root:root "$prefix/quarkus-app.new"
chmod -R u=rwX,go=rX "$prefix/quarkus-app.new"
rm -rf "$prefix/quarkus-app.old"
[ ! -d "$prefix/quarkus-app" ] || mv "$prefix/quarkus-app" "$prefix/quarkus-app.old"
mv "$prefix/quarkus-app.new" "$prefix/quarkus-app"
install -m 0644 "$here/README.md" "$prefix/README.md"
install -m 0644 "$here/systemd/technocarte.service" /etc/systemd/system/technocarte.service

# --- TLS and the nginx site ---------------------------------------------------------------------------
cert="${TECHNOCARTE_TLS_CERT:-}"
key="${TECHNOCARTE_TLS_KEY:-}"
if [ -z "$cert" ] && [ -f "/etc/letsencrypt/live/$name/fullchain.pem" ]; then
  cert="/etc/letsencrypt/live/$name/fullchain.pem"
  key="/etc/letsencrypt/live/$name/privkey.pem"
fi
if [ -z "$cert" ]; then
  # nginx needs a certificate to start, and certbot needs nginx to answer its challenge: a
  # self-signed one until then.
  cert=$etc/tls/placeholder.crt
  key=$etc/tls/placeholder.key
  if [ ! -f "$cert" ]; then
    install -d -m 0700 "$etc/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$name" -addext "subjectAltName=DNS:$name" \
      -keyout "$key" -out "$cert" 2>/dev/null
  fi
  todo+=("get a certificate: apt-get install certbot && certbot certonly --webroot -w $acme_root -d $name,"
    "  then run this script again (it finds /etc/letsencrypt/live/$name); certbot renews it by itself,"
    "  add --deploy-hook 'systemctl reload nginx' so that nginx takes the renewed one")
fi
[ -f "$cert" ] && [ -f "$key" ] || die "certificate $cert or key $key not found"
install -d -m 0755 "$acme_root"
install -d -o www-data -g www-data -m 0700 /var/cache/nginx/technocarte
TECHNOCARTE_SERVER_NAME="$name" TECHNOCARTE_NGINX_TLS_CERT="$cert" TECHNOCARTE_NGINX_TLS_KEY="$key" \
  TECHNOCARTE_NGINX_ACME_ROOT="$acme_root" "$here/render-site.sh" >/etc/nginx/sites-available/technocarte.new
mv /etc/nginx/sites-available/technocarte.new /etc/nginx/sites-available/technocarte
ln -sf /etc/nginx/sites-available/technocarte /etc/nginx/sites-enabled/technocarte
# Debian's default site answers any other name and logs each client's address: off.
if [ -L /etc/nginx/sites-enabled/default ]; then
  say "disabling nginx's default site (it logs client addresses)"
  rm /etc/nginx/sites-enabled/default
fi
if grep -qE '^\s*access_log\s+/var/log/nginx/access.log' /etc/nginx/nginx.conf; then
  todo+=("/etc/nginx/nginx.conf logs every request of other sites with the client's address"
    "  (access_log /var/log/nginx/access.log): set it to 'access_log off;' unless other sites need it")
fi
nginx -t 2>/dev/null || { nginx -t; die "nginx refuses the configuration"; }

# --- start ------------------------------------------------------------------------------------------
if [ "$have_systemd" = yes ]; then
  systemctl daemon-reload
  systemctl enable technocarte >/dev/null 2>&1
  say "restarting technocarte and reloading nginx"
  systemctl restart technocarte
  systemctl enable --now nginx >/dev/null 2>&1
  systemctl reload nginx
  for _ in $(seq 1 60); do
    curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null 2>&1 && break
    sleep 1
  done
  if curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null 2>&1; then
    say "Technocarte answers (ready) on 127.0.0.1:8080, behind https://$name"
    rm -rf "$prefix/quarkus-app.old"
  else
    todo+=("the app is not ready: journalctl -u technocarte -n 50; the previous version is in $prefix/quarkus-app.old")
  fi
else
  todo+=("no systemd here: start the app with the unit's command line, and nginx, yourself")
fi

grep -q '^TECHNOCARTE_ADMIN_EMAIL=' "$env_file" ||
  todo+=("the first site administrator: set TECHNOCARTE_ADMIN_EMAIL and TECHNOCARTE_ADMIN_PASSWORD in $env_file,"
    "  systemctl restart technocarte, log in at https://$name/moderation/, then remove both lines")
todo+=("point DNS for $name at this machine and open ports 80 and 443 (only those: the app and PostgreSQL listen on loopback)"
  "backups: deploy/backup/backup.sh from cron (see deploy/server/README.md, Backup and restore)"
  "monitoring: /q/metrics and /q/health answer loopback only; add your monitoring host's 'allow' line in /etc/nginx/sites-available/technocarte"
  "settings: $env_file (every setting is listed in deploy/.env.example), then systemctl restart technocarte")

echo
echo "What is left to you:"
for line in "${todo[@]}"; do
  case "$line" in
    "  "*) echo "   ${line:2}" ;;
    *) echo " - $line" ;;
  esac
done
