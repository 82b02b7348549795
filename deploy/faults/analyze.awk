# Reads the answer log of load.mjs mixed (end ms, status, duration ms, Retry-After, problem+json,
# kind) and prints figures as `key value` lines. Variables: from, to (ms): the window of the fault;
# back (ms): when the database answered again (0: not used).
{
  total++
  status[$2]++
  if ($3 > slowest) slowest = $3
  if ($2 == 503) {
    n503++
    if ($4 == "-") noRetryAfter++
    if ($5 != 1) noProblem++
    if ($1 > last503) last503 = $1
  }
  if ($2 >= 500 && $2 != 503) n5xx++
  if ($2 == 0) unanswered++
  if ($2 != 503 && ($2 < 200 || $2 >= 400) && $2 != 0 && ($2 < 500)) n4xx++
  if ($1 >= from && $1 <= to) { inWindow++; if ($2 >= 200 && $2 < 300) okInWindow++ }
  if (back > 0 && $1 >= back && $2 >= 200 && $2 < 300 && (firstOk == 0 || $1 < firstOk)) firstOk = $1
}
END {
  printf "answers %d\n", total
  for (s in status) printf "status_%s %d\n", s, status[s]
  printf "503 %d\n", n503
  printf "503_without_retry_after %d\n", noRetryAfter
  printf "503_not_problem_json %d\n", noProblem
  printf "other_5xx %d\n", n5xx
  printf "4xx %d\n", n4xx
  printf "unanswered %d\n", unanswered
  printf "slowest_ms %d\n", slowest
  printf "in_window %d\n", inWindow
  printf "ok_in_window %d\n", okInWindow
  printf "last_503_ms %.0f\n", last503
  printf "first_ok_after_back_ms %.0f\n", firstOk
}
