#!/usr/bin/env bash
# The one-server deployment, for real: Debian's nginx with the site of deploy/server/nginx (rendered
# by render-site.sh, as install.sh does) and a self-signed certificate, in front of the packaged app
# started with deploy/server/technocarte.env, all on loopback. Checks through https what walkers and
# operators rely on, prints each check, and exits non-zero if one fails.
#
# Assumes deploy/local/postgis.sh start has run (same TECHNOCARTE_PG_PORT) and the app is packaged
# (target/quarkus-app/quarkus-run.jar). Installs nginx from Debian when missing. Ports (loopback):
# TECHNOCARTE_DEPLOY_TEST_PORTS="<https> <http> <app>", default "18543 18580 18510". Idempotent:
# the database technocarte_deploy is made anew each run; nginx and the app are stopped on exit.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

read -r https_port http_port app_port <<<"${TECHNOCARTE_DEPLOY_TEST_PORTS:-18543 18580 18510}"
pg_port="${TECHNOCARTE_PG_PORT:-55432}"
data_root="${TECHNOCARTE_PG_DIR:-$root/deploy/local/data}"
pg_major="${TECHNOCARTE_PG_MAJOR:-15}"
bindir="/usr/lib/postgresql/$pg_major/bin"
[ -x "$bindir/psql" ] || bindir=$(dirname "$(command -v psql)")
jar="$root/target/quarkus-app/quarkus-run.jar"
database=technocarte_deploy
# Two walkers: loopback holds all of 127/8, so curl binds to these and nginx sees two addresses.
walker_a=127.0.0.2
walker_b=127.0.0.3
agent="technocarte-deploy-test-agent/1.0"

say() { printf 'server/test.sh: %s\n' "$*" >&2; }
passed=0
failed=0
pass() {
  passed=$((passed + 1))
  printf 'ok      %s\n' "$*"
}
fail() {
  failed=$((failed + 1))
  printf 'FAILED  %s\n' "$*"
}
check() { # check "what" test-command...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

[ -f "$jar" ] || { say "no $jar: run ./mvnw package first"; exit 1; }
deploy/local/postgis.sh status >/dev/null 2>&1 || { say "PostGIS is not running: deploy/local/postgis.sh start"; exit 1; }

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  command -v apt-get >/dev/null 2>&1 || { say "install nginx with your package manager, then run again"; exit 1; }
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "installing nginx from Debian"
  # Debian starts a freshly installed nginx on port 80: keep it from starting, as the test runs its own.
  policy=no
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    policy=yes
  fi
  install_nginx() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 nginx >/dev/null 2>&1 || {
      "${sudo[@]}" apt-get update -q -o DPkg::Lock::Timeout=120 >/dev/null
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=120 nginx >/dev/null
    }
  }
  status=0
  install_nginx || status=$?
  [ "$policy" = no ] || "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
  [ "$status" -eq 0 ] || { say "apt-get install nginx failed"; exit 1; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

for port in "$https_port" "$http_port" "$app_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "port $port is taken on 127.0.0.1: set TECHNOCARTE_DEPLOY_TEST_PORTS=\"<https> <http> <app>\""
    exit 1
  fi
done

work=$(mktemp -d -t technocarte-server-test.XXXXXX)
chmod 755 "$work"
app_pid=
cleanup() {
  if [ -f "$work/nginx.pid" ]; then
    "$nginx_bin" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  fi
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- the database: PostGIS from the private cluster, made anew ---------------------------------
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_super() { as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$data_root/run" -p "$pg_port" -U postgres "$@"; }
psql_super -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database OWNER technocarte"
psql_super -d "$database" -c "SET client_min_messages = warning; CREATE EXTENSION postgis"

# --- a self-signed certificate for 127.0.0.1 ---------------------------------------------------
mkdir -p "$work/tls" "$work/log" "$work/cache" "$work/acme" "$work/tmp" "$work/photos"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$work/tls/key.pem" -out "$work/tls/cert.pem" 2>/dev/null
chmod 600 "$work/tls/key.pem"
# As root, nginx's workers run as nobody: they write the cache and the temporary files.
if [ "$(id -u)" -eq 0 ]; then chown nobody "$work/cache" "$work/tmp"; fi

# --- nginx: the production site, its placeholders pointed at loopback and the temp dir ----------
TECHNOCARTE_SERVER_NAME=localhost \
  TECHNOCARTE_NGINX_IPV6=no \
  TECHNOCARTE_NGINX_HTTP_LISTEN="127.0.0.1:$http_port" \
  TECHNOCARTE_NGINX_HTTPS_LISTEN="127.0.0.1:$https_port" \
  TECHNOCARTE_NGINX_HTTP_PORT="$http_port" \
  TECHNOCARTE_NGINX_HTTPS_PORT="$https_port" \
  TECHNOCARTE_NGINX_TLS_CERT="$work/tls/cert.pem" \
  TECHNOCARTE_NGINX_TLS_KEY="$work/tls/key.pem" \
  TECHNOCARTE_NGINX_ACME_ROOT="$work/acme" \
  TECHNOCARTE_NGINX_APP="127.0.0.1:$app_port" \
  TECHNOCARTE_NGINX_CACHE_DIR="$work/cache" \
  TECHNOCARTE_NGINX_LOG_DIR="$work/log" \
  deploy/server/render-site.sh >"$work/technocarte.conf"
# What Debian's /etc/nginx/nginx.conf gives the sites it includes, with this instance's own paths.
cat >"$work/nginx.conf" <<EOF
pid $work/nginx.pid;
worker_processes 1;
error_log $work/log/main.error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $work/log/main.access.log;
    client_body_temp_path $work/tmp/body;
    proxy_temp_path $work/tmp/proxy;
    fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi;
    scgi_temp_path $work/tmp/scgi;
    include $work/technocarte.conf;
}
EOF
if ! "$nginx_bin" -p "$work" -c "$work/nginx.conf" -t >"$work/nginx-t.log" 2>&1; then
  cat "$work/nginx-t.log" >&2
  say "nginx refuses the rendered site"
  exit 1
fi
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
say "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///') on https://127.0.0.1:$https_port and http://127.0.0.1:$http_port"

# --- the app, with the server's environment file, on the test database -------------------------
(
  set -a
  # shellcheck source=technocarte.env
  . deploy/server/technocarte.env
  set +a
  export QUARKUS_HTTP_PORT="$app_port"
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/$database"
  export QUARKUS_DATASOURCE_USERNAME=technocarte QUARKUS_DATASOURCE_PASSWORD=technocarte
  export TECHNOCARTE_PHOTOS_DIR="$work/photos"
  # As install.sh does in place of the placeholder.
  TECHNOCARTE_SECRET="$(openssl rand -hex 32)"
  export TECHNOCARTE_SECRET
  export TECHNOCARTE_POW_DIFFICULTY=0
  # A bucket of two submissions that does not refill during the test.
  export TECHNOCARTE_RATE_LIMIT_SUBMISSION_BURST=2 TECHNOCARTE_RATE_LIMIT_SUBMISSION_PER_HOUR=1
  # In the app's folder, as the unit starts it: the archive of its classes (app-cds.jsa) is found there.
  cd "$(dirname "$jar")"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options, as in the unit
  exec java $JAVA_OPTS -jar "$jar"
) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -n 40 "$work/app.log" >&2
    say "the app did not start"
    exit 1
  fi
  sleep 1
done
curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null || { tail -n 40 "$work/app.log" >&2; say "the app is not ready after 120 s"; exit 1; }
say "app on 127.0.0.1:$app_port (heap: $(grep -o -- '-Xmx[^ "]*' deploy/server/technocarte.env))"

# --- through nginx ------------------------------------------------------------------------------
base="https://127.0.0.1:$https_port"
# fetch <address> <method> <path> [curl args...]: headers in $work/h, body in $work/b, status echoed.
fetch() {
  local from=$1 method=$2 path=$3
  shift 3
  : >"$work/h"
  : >"$work/b"
  curl -sS --cacert "$work/tls/cert.pem" --interface "$from" -A "$agent" -X "$method" \
    -D "$work/h" -o "$work/b" -w '%{http_code}' "$@" "$base$path" || true # 000: no answer at all
}
header() { { grep -i "^$1:" "$work/h" || true; } | head -n 1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }
body_has() { grep -q -- "$1" "$work/b"; }
sighting() { # a GeoJSON sighting with a fresh clientId
  printf '{"type":"Feature","geometry":{"type":"Point","coordinates":[3.8797,43.6085]},"properties":{"surveillanceType":"camera","cameraType":"dome","mount":"wall","directions":[90],"clientId":"%s"}}' \
    "$(cat /proc/sys/kernel/random/uuid)"
}
post_sighting() { # post_sighting <address> [curl args...]
  local from=$1
  shift
  fetch "$from" POST /api/sightings -H 'Content-Type: application/geo+json' --data-binary "$(sighting)" "$@"
}

echo "== the walker's page through https, certificate checked"
status=$(fetch "$walker_a" GET /)
check "GET / answers 200 ($status)" [ "$status" = 200 ]
check "GET / is HTML ($(header Content-Type))" bash -c '[[ "$1" == text/html* ]]' _ "$(header Content-Type)"
hsts=$(header Strict-Transport-Security)
check "HSTS on the page ($hsts)" bash -c '[[ "$1" == max-age=* ]]' _ "$hsts"
check "the app's Content-Security-Policy passes nginx" [ -n "$(header Content-Security-Policy)" ]
mapfile -t assets < <(grep -oE '(src|href)="/[^"#]*"' "$work/b" | sed -E 's/^(src|href)="//; s/"$//' | sort -u)
check "the page names its scripts and styles (${#assets[@]})" [ "${#assets[@]}" -ge 2 ]
for asset in "${assets[@]}"; do
  status=$(fetch "$walker_a" GET "$asset")
  check "  $asset: $status, $(wc -c <"$work/b") bytes" [ "$status" = 200 ]
done
status=$(curl -sS --interface "$walker_a" -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/cities/" || true)
check "plain http is redirected to https ($status)" [ "$status" = "301 https://127.0.0.1:$https_port/cities/" ]

echo "== a sighting posted through nginx; rate limits see each walker"
status=$(post_sighting "$walker_a")
location=$(header Location)
check "walker A ($walker_a) posts a sighting: $status" [ "$status" = 201 ]
check "its Location is https, at nginx's address ($location)" bash -c '[[ "$1" == "https://127.0.0.1:'"$https_port"'/api/sightings/"* ]]' _ "$location"
check "the answer carries the private edit token" body_has '"editToken"'
# Sending an X-Forwarded-For of one's own must not open a fresh bucket: nginx overwrites it.
status=$(post_sighting "$walker_a" -H 'X-Forwarded-For: 203.0.113.7')
check "walker A's second sighting (its bucket holds 2): $status" [ "$status" = 201 ]
status=$(post_sighting "$walker_a" -H 'X-Forwarded-For: 198.51.100.23')
check "walker A's third is refused, a forged X-Forwarded-For notwithstanding: $status" [ "$status" = 429 ]
check "  as problem+json with Retry-After ($(header Retry-After) s)" bash -c '[[ "$1" == application/problem+json* && -n "$2" ]]' _ "$(header Content-Type)" "$(header Retry-After)"
status=$(post_sighting "$walker_b")
check "walker B ($walker_b), its own bucket, still posts: $status" [ "$status" = 201 ]
status=$(post_sighting "$walker_a")
check "walker A stays throttled after B's post: $status" [ "$status" = 429 ]
rows=$(psql_super -d "$database" -tAc "SELECT count(*) FROM sighting")
check "the database holds exactly the 3 sightings accepted ($rows)" [ "$rows" = 3 ]

echo "== operators' endpoints are not public"
for path in /q/metrics /q/health/ready /q/health/live; do
  status=$(fetch "$walker_a" GET "$path")
  check "$path from $walker_a: $status from nginx, problem+json" bash -c '[ "$1" = 403 ] && [[ "$2" == application/problem+json* ]]' _ "$status" "$(header Content-Type)"
done
status=$(fetch 127.0.0.1 GET /q/health/ready)
check "/q/health/ready from loopback (the monitoring address) reaches the app: $status" [ "$status" = 200 ]
status=$(fetch 127.0.0.1 GET /q/metrics)
check "/q/metrics from loopback is not refused by nginx: $status" [ "$status" != 403 ]

echo "== a target the app cannot read is problem+json from the packaged app, not the HTTP layer's empty 400"
status=$(fetch "$walker_a" GET '/api/sightings?city=%G1')
check "GET /api/sightings?city=%G1: $status, $(header Content-Type)" bash -c '[ "$1" = 400 ] && [[ "$2" == application/problem+json* ]]' _ "$status" "$(header Content-Type)"
check "  it names the parameter" body_has '"field":"city"'

echo "== what nginx itself refuses is problem+json too"
long=$(head -c 70000 /dev/zero | tr '\0' a)
# Over HTTP/1.1: over HTTP/2 a header block past the limit is refused by a reset of the stream,
# before any answer can be written.
status=$(fetch "$walker_a" GET "/api/sightings?city=$long" --http1.1)
check "a request line of 70 KB: $status, $(header Content-Type)" bash -c '[ "$1" = 414 ] && [[ "$2" == application/problem+json* ]]' _ "$status" "$(header Content-Type)"
check "  its type is uri-too-long" body_has '"type":"/problems/uri-too-long"'
status=$(fetch "$walker_a" GET /api/stats -H "X-Long: $long" --http1.1)
check "a header of 70 KB: $status, $(header Content-Type)" bash -c '[ "$1" = 431 ] && [[ "$2" == application/problem+json* ]]' _ "$status" "$(header Content-Type)"
# A NUL cannot travel in a shell string: the request is written by Python, over TLS, to nginx.
nul_answer=$(python3 - "$https_port" "$work/tls/cert.pem" <<'PY'
import socket, ssl, sys
context = ssl.create_default_context(cafile=sys.argv[2])
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10) as raw:
    with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
        tls.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\x00b\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := tls.recv(65536):
            answer += chunk
print(answer.decode("utf-8", "replace").replace("\r", ""))
PY
)
check "a NUL in a header: $(head -n 1 <<<"$nul_answer")" bash -c '[[ "$1" == "HTTP/1.1 400"* ]] && grep -qi "^content-type: application/problem+json" <<<"$2" && grep -q "/problems/bad-request" <<<"$2"' _ "$(head -n 1 <<<"$nul_answer")" "$nul_answer"

echo "== tiles cached by nginx, exports streamed"
status=$(fetch "$walker_a" GET /tiles/sightings/0/0/0.mvt)
first=$(header X-Cache-Status)
check "a tile: $status, cache $first, Cache-Control '$(header Cache-Control)'" [ "$status" = 200 ]
check "  HSTS on the tile location too" [ -n "$(header Strict-Transport-Security)" ]
status=$(fetch "$walker_b" GET /tiles/sightings/0/0/0.mvt)
second=$(header X-Cache-Status)
check "the same tile again comes from nginx's cache ($first, then $second)" [ "$second" = HIT ]
status=$(fetch "$walker_a" GET '/tiles/sightings/0/0/0.mvt?vsaSuspected=true')
check "a tile with another filter is another cache entry ($(header X-Cache-Status))" [ "$(header X-Cache-Status)" = MISS ]
status=$(fetch "$walker_a" GET /api/export/sightings.geojson)
check "the GeoJSON export through /api/export/: $status, $(wc -c <"$work/b") bytes" [ "$status" = 200 ]

echo "== the app stopped: nginx answers 503 problem+json, not a bare 502"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
status=$(fetch "$walker_b" GET /api/stats)
check "GET /api/stats with the app down: $status, Retry-After $(header Retry-After)" bash -c '[ "$1" = 503 ] && [ -n "$2" ] && [[ "$3" == application/problem+json* ]]' _ "$status" "$(header Retry-After)" "$(header Content-Type)"

echo "== no client address or User-Agent in nginx's logs"
lines=$(wc -l <"$work/log/technocarte.access.log")
check "the access log has a line per request ($lines)" [ "$lines" -ge 15 ]
check "  e.g. $(grep -m1 'POST /api/sightings 201' "$work/log/technocarte.access.log" || echo 'no POST line')" grep -q 'POST /api/sightings 201' "$work/log/technocarte.access.log"
leaks=$(cat "$work"/log/* | grep -cE "127\.0\.0\.[23]|$agent|203\.0\.113\.7|198\.51\.100\.23" || true)
check "no address, forged or real, and no User-Agent in any log file of nginx ($leaks lines)" [ "$leaks" = 0 ]
leaks=$(grep -cE "127\.0\.0\.[23]|$agent|203\.0\.113\.7|198\.51\.100\.23" "$work/app.log" || true)
check "none in the app's log either ($leaks lines)" [ "$leaks" = 0 ]

echo "== the same site as the Compose proxy fills it (the nginx image's envsubst of defined variables)"
if command -v envsubst >/dev/null 2>&1; then
  mkdir -p "$work/compose"
  (
    # The proxy's environment in deploy/compose/compose.yaml, its paths moved into the temp dir.
    export SERVER_NAME=localhost HTTP_LISTEN="127.0.0.1:$http_port" HTTP_LISTEN_V6="[::1]:$http_port"
    export HTTPS_LISTEN="127.0.0.1:$https_port" HTTPS_LISTEN_V6="[::1]:$https_port" HTTPS_PORT_SUFFIX=""
    export TLS_CERT="$work/tls/cert.pem" TLS_KEY="$work/tls/key.pem" ACME_ROOT="$work/acme"
    export APP="127.0.0.1:$app_port" CACHE_DIR="$work/cache" LOG_DIR="$work/log"
    defined=$(printf '${%s} ' $(env | cut -d= -f1))
    envsubst "$defined" <deploy/server/nginx/technocarte.conf >"$work/compose/technocarte.conf"
  )
  sed "s|include $work/technocarte.conf;|include $work/compose/technocarte.conf;|; s|pid $work/nginx.pid;|pid $work/compose/nginx.pid;|" \
    "$work/nginx.conf" >"$work/compose/nginx.conf"
  left=$(grep -v '^ *#' "$work/compose/technocarte.conf" | grep -o '\${[A-Z_0-9]*}' | sort -u | tr '\n' ' ' || true)
  check "every placeholder is one of the proxy's variables${left:+ (left: $left)}" [ -z "$left" ]
  check "nginx -t accepts it" "$nginx_bin" -q -p "$work" -c "$work/compose/nginx.conf" -t
else
  say "envsubst missing (Debian: gettext-base): the Compose rendering is not checked"
fi

echo "== the systemd unit"
if command -v systemd-analyze >/dev/null 2>&1; then
  cp deploy/server/systemd/technocarte.service "$work/technocarte.service"
  verify=$(systemd-analyze verify "$work/technocarte.service" 2>&1 || echo "systemd-analyze exited $?")
  check "systemd-analyze verify finds nothing to say${verify:+: $verify}" [ -z "$verify" ]
else
  say "systemd-analyze missing: the unit is not checked"
fi
check "the unit caps memory and the env file sets the heap" bash -c \
  'grep -q "^MemoryMax=" deploy/server/systemd/technocarte.service && grep -q "^JAVA_OPTS=.*-Xmx" deploy/server/technocarte.env'

echo "server: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
