#!/usr/bin/env bash
# A primary and a streaming replica, two app instances behind nginx, all on loopback: shows that
# public reads are served by the replica and writes by the primary, that stopping the replica or
# killing an instance mid-load loses no request, and the read throughput with one and two instances.
#
#   deploy/replica/demo.sh
#
# Runs as root (PostgreSQL as the postgres user, via runuser) or as the clusters' owner. Ports
# (loopback): primary 55447, replica 55448, apps 18620 and 18621, nginx 18630 (both instances) and
# 18631 (the first only). Everything lives in target/replica/ and is stopped at the end. Needs
# PostgreSQL 15 + PostGIS (deploy/local/postgis.sh installs it), nginx and wrk (installed from
# Debian when missing), Node 20 and the packaged app (built when missing).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

primary_port="${REPLICA_PRIMARY_PORT:-55447}"
replica_port="${REPLICA_STANDBY_PORT:-55448}"
app_ports=("${REPLICA_APP1_PORT:-18620}" "${REPLICA_APP2_PORT:-18621}")
nginx_port="${REPLICA_NGINX_PORT:-18630}"
nginx_one_port="${REPLICA_NGINX_ONE_PORT:-18631}"
bench_s="${REPLICA_BENCH_S:-10}"
dir="$root/target/replica"
pg_bin="/usr/lib/postgresql/${TECHNOCARTE_PG_MAJOR:-15}/bin"
base="http://127.0.0.1:$nginx_port"
export PGPASSWORD=technocarte
app_pids=("" "")
nginx_pid=
failures=0

say() { printf 'replica demo: %s\n' "$*" >&2; }
figure() { printf '%-64s %s\n' "$1" "$2"; }
check() {
  local what="$1"
  shift
  if "$@"; then printf 'PASS  %s\n' "$what"; else
    printf 'FAIL  %s\n' "$what"
    failures=$((failures + 1))
  fi
}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { # sql PORT QUERY: one value, as the app's role
  "$pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U technocarte -d technocarte -c "$2"
}
# Scans of the sighting table by this server's own queries (a standby counts its own).
scans() { sql "$1" "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'sighting'"; }

cleanup() {
  set +e
  for pid in "${app_pids[@]}" "$nginx_pid"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  as_postgres "$pg_bin/pg_ctl" -D "$dir/replica/cluster" -m fast stop >/dev/null 2>&1
  TECHNOCARTE_PG_DIR="$dir/primary" TECHNOCARTE_PG_PORT="$primary_port" deploy/local/postgis.sh stop >/dev/null 2>&1
}
trap cleanup EXIT

need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  apt-get -o DPkg::Lock::Timeout=120 install -y -q "${need[@]}" >/dev/null
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  say "building the app"
  ./mvnw -B -q --no-transfer-progress package -DskipTests >&2
fi

# --- PostgreSQL: the primary (deploy/local/postgis.sh in its own folder), then a standby of it.
rm -rf "$dir"
mkdir -p "$dir"
TECHNOCARTE_PG_DIR="$dir/primary" TECHNOCARTE_PG_PORT="$primary_port" deploy/local/postgis.sh start
say "pg_basebackup -R: the standby on port $replica_port"
mkdir -p "$dir/replica/run" "$dir/replica/log"
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir/replica"
as_postgres "$pg_bin/pg_basebackup" -h "$dir/primary/run" -p "$primary_port" -U postgres \
  -D "$dir/replica/cluster" -R -X stream -c fast
as_postgres "$pg_bin/pg_ctl" -D "$dir/replica/cluster" -l "$dir/replica/log/postgresql.log" -w start \
  -o "-p $replica_port -k $dir/replica/run -c listen_addresses=127.0.0.1 -c hot_standby_feedback=on" >/dev/null
figure "standby in recovery (pg_is_in_recovery)" "$(sql "$replica_port" "SELECT pg_is_in_recovery()")"

# --- Two app instances: writes on the primary, public reads on the replica.
start_app() { # start_app INDEX
  local i=$1
  QUARKUS_HTTP_PORT="${app_ports[$i]}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$primary_port/technocarte" \
    QUARKUS_DATASOURCE_READ_JDBC_URL="jdbc:postgresql://127.0.0.1:$replica_port/technocarte" \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
    TECHNOCARTE_POW_DIFFICULTY=0 TECHNOCARTE_RATE_LIMIT_ENABLED=false \
    TECHNOCARTE_PHOTOS_DIR="$dir/photos" \
    java -Xmx384m -jar target/quarkus-app/quarkus-run.jar >>"$dir/app$i.log" 2>&1 &
  app_pids[$i]=$!
}
wait_app() { # wait_app INDEX
  local i=$1
  for _ in $(seq 1 360); do
    curl -fs -o /dev/null "http://127.0.0.1:${app_ports[$i]}/q/health/ready" && return 0
    kill -0 "${app_pids[$i]}" 2>/dev/null || { tail -40 "$dir/app$i.log" >&2; exit 1; }
    sleep 0.5
  done
  say "app $i not ready after 180 s"
  exit 1
}
# The first migrates the schema alone; then the second.
start_app 0
wait_app 0
start_app 1

# 5,000 approved cameras around Montpellier, written on the primary, replicated to the standby.
sql "$primary_port" "INSERT INTO sighting (geom, surveillance_type, camera_type, directions, status,
    source, observed_at, check_date, city_code, city_name)
  SELECT ST_SetSRID(ST_MakePoint(3.86 + random() * 0.03, 43.60 + random() * 0.02), 4326), 'camera',
    'dome', '{90}', 'approved', 'import', current_date, current_date, '2992166', 'Montpellier'
  FROM generate_series(1, 5000)" >/dev/null
wait_app 1
for _ in $(seq 1 100); do
  [ "$(sql "$replica_port" "SELECT count(*) FROM sighting")" -ge 5000 ] && break
  sleep 0.2
done

# --- nginx: a private instance, both apps upstream; GETs that fail on one go to the other.
mkdir -p "$dir/nginx/logs"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  client_max_body_size 16m;
  upstream both { server 127.0.0.1:${app_ports[0]} max_fails=1 fail_timeout=5s; server 127.0.0.1:${app_ports[1]} max_fails=1 fail_timeout=5s; keepalive 64; }
  upstream one { server 127.0.0.1:${app_ports[0]}; keepalive 64; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  proxy_connect_timeout 2s;
  proxy_read_timeout 60s;
  # Only idempotent requests (GET, HEAD…) are retried on the other instance: nginx never resends a
  # POST; a walker's phone resends it with the same clientId, which the app recognises.
  proxy_next_upstream error timeout http_502;
  proxy_next_upstream_tries 2;
  server { listen 127.0.0.1:$nginx_port; location / { proxy_pass http://both; } }
  server { listen 127.0.0.1:$nginx_one_port; location / { proxy_pass http://one; } }
}
CONF
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "$base/q/health/ready" && break; sleep 0.1; done

echo
echo "== 1. Public reads come from the replica"
# Every 0.2 s during the reads, the connections of each server whose query is a public read (the
# approved sightings, a tile); pg_stat_activity keeps the last query of an idle connection too.
public_queries() {
  sql "$1" "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()
    AND (query LIKE '%s.status = ''approved''%' OR query LIKE '%ST_AsMVT%')"
}
sample() {
  local p=0 r=0
  while [ ! -f "$dir/reads-done" ]; do
    p=$((p + $(public_queries "$primary_port")))
    r=$((r + $(public_queries "$replica_port")))
    sleep 0.2
  done
  echo "$p $r" >"$dir/samples"
}
primary_before=$(scans "$primary_port")
replica_before=$(scans "$replica_port")
sample &
sampler=$!
wrk -t2 -c12 -d8s --timeout 30s -s deploy/replica/reads.lua "$base" >"$dir/wrk-reads"
touch "$dir/reads-done"
wait "$sampler"
read -r primary_seen replica_seen <"$dir/samples"
primary_delta=$(($(scans "$primary_port") - primary_before))
replica_delta=$(($(scans "$replica_port") - replica_before))
read_conns=$(sql "$replica_port" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'technocarte-read'")
read_conns_primary=$(sql "$primary_port" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'technocarte-read'")
figure "public reads sent (wrk, 8 s)" "$(awk '/requests in/ { print $1 }' "$dir/wrk-reads")"
figure "non-2xx answers" "$(awk '/Non-2xx/ { print $NF }' "$dir/wrk-reads" | grep . || echo 0)"
figure "read-pool connections on the replica (pg_stat_activity)" "$read_conns"
figure "read-pool connections on the primary" "$read_conns_primary"
figure "public-read queries seen on the replica (pg_stat_activity samples)" "$replica_seen"
figure "public-read queries seen on the primary (pg_stat_activity samples)" "$primary_seen"
figure "scans of sighting on the replica during the reads" "$replica_delta"
figure "scans of sighting on the primary (metrics' pending count included)" "$primary_delta"
sql "$replica_port" "SELECT '  replica: ' || application_name || ' ' || state || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 70) FROM pg_stat_activity WHERE application_name = 'technocarte-read' LIMIT 3"
check "the replica holds the app's read connections" test "$read_conns" -gt 0
check "the replica answered the public reads" test "$replica_delta" -gt 0 -a "$replica_seen" -gt 0
check "the primary answered none of them" test "$primary_seen" -eq 0

echo
echo "== 2. Writes go to the primary"
pending_before=$(sql "$primary_port" "SELECT count(*) FROM sighting WHERE status = 'pending'")
node deploy/faults/load.mjs submit --base "$base" --clients 5 --total 20 >"$dir/writes.json"
pending_after=$(sql "$primary_port" "SELECT count(*) FROM sighting WHERE status = 'pending'")
sleep 1
figure "submissions through nginx" "$(cat "$dir/writes.json")"
figure "new pending rows on the primary" "$((pending_after - pending_before))"
figure "pending rows on the replica, replicated" "$(sql "$replica_port" "SELECT count(*) FROM sighting WHERE status = 'pending'")"
check "the 20 submissions were written on the primary" test "$((pending_after - pending_before))" -eq 20

echo
echo "== 3. The replica stopped mid-load: no public read fails"
node deploy/faults/load.mjs mixed --base "$base" --connections 20 --seconds 14 --submit-share 0 \
  --log "$dir/replica-stop.log" >"$dir/replica-stop.json" &
load=$!
sleep 4
say "pg_ctl stop -m fast on the replica"
as_postgres "$pg_bin/pg_ctl" -D "$dir/replica/cluster" -m fast -w stop >/dev/null
wait "$load"
failed=$(awk '$2 != 200 { n++ } END { print n + 0 }' "$dir/replica-stop.log")
figure "public reads while the replica stopped" "$(cat "$dir/replica-stop.json")"
figure "failed public reads" "$failed"
grep -h "Read replica" "$dir"/app*.log | sed 's/^/  /' | tail -2
check "no public read failed while the replica stopped" test "$failed" -eq 0
as_postgres "$pg_bin/pg_ctl" -D "$dir/replica/cluster" -l "$dir/replica/log/postgresql.log" -w start \
  -o "-p $replica_port -k $dir/replica/run -c listen_addresses=127.0.0.1 -c hot_standby_feedback=on" >/dev/null
# The breaker tries the replica again after technocarte.read-replica.retry-after (10 s).
sleep 11
for _ in $(seq 1 10); do curl -fs -o /dev/null "$base/api/stats"; done
back=$(sql "$replica_port" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'technocarte-read'")
figure "read-pool connections on the restarted replica" "$back"
check "public reads back on the replica once it answers again" test "$back" -gt 0

echo
echo "== 4. One instance killed (kill -9) mid-load: no lost GET, no lost submission"
rows_before=$(sql "$primary_port" "SELECT count(*) FROM sighting")
last_id=$(sql "$primary_port" "SELECT max(id) FROM sighting")
node deploy/faults/load.mjs mixed --base "$base" --connections 20 --seconds 15 --submit-share 0 \
  --log "$dir/kill.log" >"$dir/kill.json" &
reads=$!
node deploy/faults/load.mjs submit --base "$base" --clients 10 --total 300 --deadline-s 120 >"$dir/kill-submit.json" &
writes=$!
sleep 4
say "kill -9 of the instance on port ${app_ports[1]}"
kill -9 "${app_pids[1]}"
wait "${app_pids[1]}" 2>/dev/null || true
app_pids[1]=
wait "$reads" "$writes"
failed=$(awk '$2 != 200 { n++ } END { print n + 0 }' "$dir/kill.log")
rows=$(sql "$primary_port" "SELECT count(*) FROM sighting WHERE id > $last_id")
distinct=$(sql "$primary_port" "SELECT count(DISTINCT client_id_hash) FROM sighting WHERE id > $last_id")
figure "GETs through nginx" "$(cat "$dir/kill.json")"
figure "failed GETs" "$failed"
figure "submissions, resent until answered" "$(cat "$dir/kill-submit.json")"
figure "new rows on the primary, distinct clientIds" "$rows, $distinct"
check "no GET lost (nginx retried them on the other instance)" test "$failed" -eq 0
check "exactly 300 new rows for 300 submissions" test "$(($(sql "$primary_port" "SELECT count(*) FROM sighting") - rows_before))" -eq 300
check "one row per clientId" test "$rows" -eq "$distinct"

echo
echo "== 5. Read throughput, one and two instances (wrk, ${bench_s} s each; 2 shared cores here)"
start_app 1
wait_app 1
sleep 6 # nginx puts the instance back after fail_timeout
wrk -t2 -c32 -d"${bench_s}s" --timeout 30s -s deploy/replica/reads.lua "http://127.0.0.1:$nginx_one_port" >"$dir/wrk-one"
wrk -t2 -c32 -d"${bench_s}s" --timeout 30s -s deploy/replica/reads.lua "$base" >"$dir/wrk-two"
figure "one instance: requests/s" "$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk-one")"
figure "two instances: requests/s" "$(awk '/Requests\/sec/ { print $2 }' "$dir/wrk-two")"
figure "load average" "$(cut -d' ' -f1-3 /proc/loadavg)"

echo
if [ "$failures" -eq 0 ]; then say "PASS"; else say "FAIL ($failures checks failed)"; exit 1; fi
