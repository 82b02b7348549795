#!/usr/bin/env bash
# Fault (a): the app killed (kill -9) while 20 walkers' phones send 1,000 submissions, each resent
# with the same clientId until it is answered; the app is started again. Nothing may be lost and
# nothing doubled: exactly 1,000 rows, one per clientId.
#
#   deploy/faults/kill-app-during-submissions.sh        (FAULTS_SUBMISSIONS=1000, FAULTS_CLIENTS=20)
name=kill-app
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
total="${FAULTS_SUBMISSIONS:-1000}"
clients="${FAULTS_CLIENTS:-20}"

start_database
start_app
say "sending $total submissions from $clients clients"
node deploy/faults/load.mjs submit --base "$base" --clients "$clients" --total "$total" \
  --deadline-s 600 >"$work/submit.json" &
load_pid=$!

# Kill the app once a third of the rows are in, mid-stream.
for _ in $(seq 1 1200); do
  rows=$(psql_app -c "SELECT count(*) FROM sighting")
  [ "$rows" -ge $((total / 3)) ] && break
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 0.1
done
figure "rows when the app was killed" "$rows"
kill_app
killed_at=$(now_ms)
start_app
figure "app ready again after (s)" "$(awk -v a="$killed_at" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')"
wait "$load_pid"

summary=$(cat "$work/submit.json")
read -r rows distinct <<<"$(psql_app -F ' ' -c "SELECT count(*), count(DISTINCT client_id_hash) FROM sighting")"
accepted=$(node -e 'console.log(JSON.parse(process.argv[1]).accepted)' "$summary")
unanswered=$(node -e 'console.log(JSON.parse(process.argv[1]).unanswered)' "$summary")
figure "client summary" "$summary"
figure "rows in PostgreSQL" "$rows"
figure "distinct clientIds" "$distinct"
check "every submission answered in the end ($accepted of $total)" test "$accepted" -eq "$total" -a "$unanswered" -eq 0
check "exactly $total rows" test "$rows" -eq "$total"
check "no duplicate (one row per clientId)" test "$distinct" -eq "$rows"
finish
