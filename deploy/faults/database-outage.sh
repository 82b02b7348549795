#!/usr/bin/env bash
# Fault (b): PostgreSQL restarted (pg_ctl restart -m fast), then stopped for 5 s (-m immediate),
# under a mixed load of map reads, tiles, statistics and submissions. During the outage the app
# answers only 503 problem+json with Retry-After, never 500; it recovers within 5 s of PostgreSQL
# being back, without being restarted.
#
#   deploy/faults/database-outage.sh      (FAULTS_CONNECTIONS=40, FAULTS_OUTAGE_S=5)
name=database-outage
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
connections="${FAULTS_CONNECTIONS:-40}"
outage="${FAULTS_OUTAGE_S:-5}"
recovery_bound_ms=5000

start_database
start_app
node deploy/faults/load.mjs mixed --base "$base" --connections "$connections" --seconds 120 \
  --log "$work/answers" --stop "$work/stop" --timeout-s 30 >"$work/load.json" &
load_pid=$!
sleep 3

say "pg_ctl restart -m fast"
restart_from=$(now_ms)
pg_ctl_owner -w -m fast restart >/dev/null
restart_back=$(now_ms)
sleep 3

say "pg_ctl stop -m immediate, $outage s without PostgreSQL"
stop_from=$(now_ms)
pg_ctl_owner -w -m immediate stop >/dev/null
sleep "$outage"
pg start >/dev/null 2>&1
stop_back=$(now_ms)
sleep 8
touch "$work/stop"
wait "$load_pid"
app_alive=no
kill -0 "$app_pid" 2>/dev/null && app_alive=yes

whole=$(awk -v from="$restart_from" -v to="$stop_back" -v back="$stop_back" -f deploy/faults/analyze.awk "$work/answers")
restart=$(awk -v from="$restart_from" -v to="$restart_back" -v back="$restart_back" -f deploy/faults/analyze.awk "$work/answers")
get() { awk -v k="$2" '$1 == k { print $2 }' <<<"$1"; }
figure "load summary" "$(cat "$work/load.json")"
figure "restart -m fast took (ms)" "$((restart_back - restart_from))"
figure "stop -m immediate + start took (ms)" "$((stop_back - stop_from))"
for key in answers 503 503_without_retry_after 503_not_problem_json other_5xx 4xx unanswered slowest_ms; do
  figure "$key" "$(get "$whole" "$key")"
done
first_ok=$(get "$whole" first_ok_after_back_ms)
recovery=$((first_ok > 0 ? first_ok - stop_back : -1))
restart_first_ok=$(get "$restart" first_ok_after_back_ms)
restart_recovery=$((restart_first_ok > 0 ? restart_first_ok - restart_back : -1))
figure "first success after the restart (ms after PostgreSQL was back)" "$restart_recovery"
figure "first success after the stop (ms after PostgreSQL was back)" "$recovery"
figure "log lines of the app" "$(wc -l <"$work/app.log")"
figure "stack trace lines in the log" "$(grep -c '^[[:space:]]*at ' "$work/app.log" || true)"

check "no 500 (nor any 5xx but 503)" test "$(get "$whole" other_5xx)" -eq 0
check "every 503 has Retry-After" test "$(get "$whole" 503_without_retry_after)" -eq 0
check "every 503 is problem+json" test "$(get "$whole" 503_not_problem_json)" -eq 0
check "every request answered (no hang, no reset)" test "$(get "$whole" unanswered)" -eq 0
check "no unexpected 4xx" test "$(get "$whole" 4xx)" -eq 0
check "recovered within 5 s after the restart" test "$restart_recovery" -ge 0 -a "$restart_recovery" -le "$recovery_bound_ms"
check "recovered within 5 s after the stop" test "$recovery" -ge 0 -a "$recovery" -le "$recovery_bound_ms"
check "the app was not restarted" test "$app_alive" = yes
finish
