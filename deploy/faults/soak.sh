#!/usr/bin/env bash
# Fault (e): a soak. 200 connections of mixed load (map reads 45 %, tiles 30 %, statistics 10 %,
# OGC pages 10 %, walkers' submissions 5 %) for 10 minutes against 5,000 approved cameras, with
# wrk. Passes with 0 errors (every answer 2xx, no socket error) and a flat RSS: sampled every 10 s,
# the highest sample of the last third at most 20 % above the highest of the second third.
#
#   deploy/faults/soak.sh       (FAULTS_SOAK_S=600, FAULTS_SOAK_CONNECTIONS=200)
name=soak
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
duration="${FAULTS_SOAK_S:-600}"
connections="${FAULTS_SOAK_CONNECTIONS:-200}"
command -v wrk >/dev/null 2>&1 || {
  say "installing wrk"
  apt-get -o DPkg::Lock::Timeout=120 install -y -q wrk >/dev/null
}

start_database
start_app
psql_app -c "INSERT INTO sighting (geom, surveillance_type, camera_type, directions, status, source,
    observed_at, check_date, city_code, city_name)
  SELECT ST_SetSRID(ST_MakePoint(3.86 + random() * 0.03, 43.60 + random() * 0.02), 4326), 'camera',
    'dome', '{90}', 'approved', 'import', current_date, current_date, '2992166', 'Montpellier'
  FROM generate_series(1, 5000)"
rows_before=$(psql_app -c "SELECT count(*) FROM sighting")

figure "load average before" "$(cut -d' ' -f1-3 /proc/loadavg)"
figure "cores" "$(nproc)"
(
  while kill -0 "$app_pid" 2>/dev/null; do
    ps -o rss= -p "$app_pid" | tr -d ' '
    sleep 10
  done
) >"$work/rss" &
sampler=$!
cleanup_more() { kill "$sampler" 2>/dev/null || true; }

wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s -s deploy/faults/soak.lua "$base" | tee "$work/wrk"
figure "load average after" "$(cut -d' ' -f1-3 /proc/loadavg)"
kill "$sampler" 2>/dev/null || true

requests=$(awk '/requests in/ { print $1 }' "$work/wrk")
non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk")
socket_errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$work/wrk")
rows_after=$(psql_app -c "SELECT count(*) FROM sighting")
mapfile -t rss <"$work/rss"
n=${#rss[@]}
max_of() { printf '%s\n' "$@" | sort -n | tail -1; }
second=$(max_of "${rss[@]:$((n / 3)):$((n / 3))}")
last=$(max_of "${rss[@]:$((2 * n / 3))}")
figure "requests" "$requests"
figure "requests/s" "$(awk '/Requests\/sec/ { print $2 }' "$work/wrk")"
figure "non-2xx answers" "${non2xx:-0}"
figure "socket errors (connect+read+write+timeout)" "${socket_errors:-0}"
figure "submissions stored" "$((rows_after - rows_before))"
figure "RSS samples (KB, every 10 s)" "${rss[*]}"
figure "RSS highest, second third / last third (KB)" "$second / $last"

check "every answer 2xx" test "${non2xx:-0}" -eq 0
check "no socket error" test "${socket_errors:-0}" -eq 0
check "submissions stored" test "$((rows_after - rows_before))" -gt 0
check "RSS flat (last third within 20 % of the second)" test "$last" -le $((second * 12 / 10))
finish
