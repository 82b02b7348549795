# Shared by backup.sh and restore.sh: messages, exit codes and the PostgreSQL client tools.
# shellcheck shell=bash

# Exit codes, the same in both scripts (README.md lists them).
readonly EXIT_FAILED=1 EXIT_USAGE=2 EXIT_NO_TOOL=3

say() { printf '%s: %s\n' "$script" "$*" >&2; }
fail() {
  local code=$1
  shift
  say "$*"
  exit "$code"
}

# The client tools of the newest PostgreSQL installed (pg_dump must be at least the server's
# version), or PG_BINDIR when set, or whatever is on the PATH.
pg_tool() {
  local name=$1 dir
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/$name" ] || fail "$EXIT_NO_TOOL" "$name not found in PG_BINDIR=$PG_BINDIR"
    printf '%s\n' "$PG_BINDIR/$name"
    return
  fi
  dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/$name" ]; then
    printf '%s\n' "$dir/$name"
  elif command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
  else
    fail "$EXIT_NO_TOOL" "$name not found: install the PostgreSQL client (Debian: apt-get install postgresql-client-15)"
  fi
}
