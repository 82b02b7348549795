#!/usr/bin/env bash
# Fault (c): the sighting table locked (ACCESS EXCLUSIVE) for 20 s under a mixed load. Requests
# that need the table are answered 503 problem+json with Retry-After within the documented bound
# (the pool's acquisition timeout plus the statement timeout: README, "When the database fails");
# none hangs, none is a 500, and the app serves again once the lock is gone.
#
#   deploy/faults/table-lock.sh     (FAULTS_LOCK_S=20, FAULTS_BOUND_S=10, FAULTS_CONNECTIONS=40)
name=table-lock
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lock_s="${FAULTS_LOCK_S:-20}"
# 2 s to get a pooled connection + 5 s of statement timeout, and 3 s for a machine under load: 40
# clients on 32 worker threads hardly wait for a worker. With more clients than workers, README's
# bound adds the 5 s queue timeout: FAULTS_CONNECTIONS=200 FAULTS_BOUND_S=15.
bound_s="${FAULTS_BOUND_S:-10}"
connections="${FAULTS_CONNECTIONS:-40}"

start_database
start_app
node deploy/faults/load.mjs mixed --base "$base" --connections "$connections" --seconds 120 \
  --log "$work/answers" --stop "$work/stop" --timeout-s $((bound_s * 3)) >"$work/load.json" &
load_pid=$!
sleep 3
say "locking the sighting table for $lock_s s"
lock_from=$(now_ms)
psql_app -c "BEGIN; LOCK TABLE sighting IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep($lock_s); COMMIT;" >/dev/null
lock_to=$(now_ms)
sleep 6
touch "$work/stop"
wait "$load_pid"

stats=$(awk -v from="$lock_from" -v to="$lock_to" -v back="$lock_to" -f deploy/faults/analyze.awk "$work/answers")
get() { awk -v k="$1" '$1 == k { print $2 }' <<<"$stats"; }
figure "load summary" "$(cat "$work/load.json")"
figure "lock held (ms)" "$((lock_to - lock_from))"
for key in answers in_window ok_in_window 503 503_without_retry_after 503_not_problem_json other_5xx unanswered slowest_ms; do
  figure "$key" "$(get "$key")"
done
first_ok=$(get first_ok_after_back_ms)
figure "first success after the lock (ms)" "$((first_ok > 0 ? first_ok - lock_to : -1))"
figure "stack trace lines in the log" "$(grep -c '^[[:space:]]*at ' "$work/app.log" || true)"

check "the lock was felt: some requests answered 503" test "$(get 503)" -gt 0
check "no 500 (nor any 5xx but 503)" test "$(get other_5xx)" -eq 0
check "every 503 has Retry-After and is problem+json" test "$(get 503_without_retry_after)" -eq 0 -a "$(get 503_not_problem_json)" -eq 0
check "no hung request: every one answered" test "$(get unanswered)" -eq 0
check "no answer slower than $bound_s s" test "$(get slowest_ms)" -le $((bound_s * 1000))
check "served again after the lock" test "$first_ok" -gt 0
finish
