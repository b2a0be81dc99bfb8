#!/usr/bin/env bash
# Throwaway PostgreSQL + PostGIS server for the store tests (called by scripts/test.sh).
#
#   scripts/pg_test_server.sh start   → prints postgresql://postgres@127.0.0.1:54329/events_test, exit 0
#   scripts/pg_test_server.sh stop    → stops it and removes its directory
#
# Why a throwaway cluster: tests must never touch a real database. The
# cluster lives in a temp dir owned by the `postgres` user (initdb refuses to
# run as root), listens on loopback only (port 54329, socket in the same dir)
# and trusts local connections, which is fine for a server that exists only
# for the length of a test run. Exits non-zero with a reason on stderr when
# the server binaries, the PostGIS extension or the postgres user are missing.
# Several test runs at once (developers sharing a machine) share one server:
# `start` reuses a running one and counts users, `stop` stops it when the
# last user is done (a lock file serialises the bookkeeping).
set -uo pipefail
PORT="${EVENTS_TEST_PG_PORT:-54329}"
DB=events_test
STATE="${TMPDIR:-/tmp}/events-pg-test-${PORT}.dir"   # remembers the cluster dir between start and stop
REFS="$STATE.users"                                    # how many runs are using it
LOCK="$STATE.lock"

die() { echo "pg_test_server: $*" >&2; exit 1; }

as_postgres() {  # fd 9 (the lock) is closed so the server never inherits it
  if [ "$(id -un)" = postgres ]; then "$@" 9>&-
  elif command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@" 9>&-
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")" 9>&-; fi
}

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || return 1
  echo "$dir"
}

url() { echo "postgresql://postgres@127.0.0.1:$PORT/$DB"; }

running() {  # the server in $STATE answers on its socket
  local bin dir
  [ -f "$STATE" ] || return 1
  dir=$(cat "$STATE"); bin=$(find_bin) || return 1
  [ -d "$dir/data" ] && as_postgres "$bin/pg_isready" -q -h "$dir" -p "$PORT" >/dev/null 2>&1
}

start() {
  exec 9>"$LOCK"; flock 9
  if running; then
    echo $(( $(cat "$REFS" 2>/dev/null || echo 1) + 1 )) > "$REFS"
    url; return 0
  fi
  really_start && echo 1 > "$REFS" && url
}

stop() {
  exec 9>"$LOCK"; flock 9
  local users
  users=$(( $(cat "$REFS" 2>/dev/null || echo 1) - 1 ))
  if [ "$users" -gt 0 ] && running; then echo "$users" > "$REFS"; return 0; fi
  really_stop
  rm -f "$REFS"
}

really_start() {
  local bin dir
  bin=$(find_bin) || die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql-15-postgis-3)"
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || die "PostGIS extension not installed (apt-get install postgresql-15-postgis-3)"
  if [ "$(id -u)" -ne 0 ] && [ "$(id -un)" != postgres ]; then die "must run as root or postgres to own the cluster"; fi
  id postgres >/dev/null 2>&1 || die "no 'postgres' user to own the cluster"
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then really_stop >/dev/null 2>&1; fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/events-pg-test.XXXXXX") || die "cannot create a temp dir"
  chown postgres: "$dir" && chmod 700 "$dir" || die "cannot give $dir to postgres"
  echo "$dir" > "$STATE"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$dir -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; die "server did not start on 127.0.0.1:$PORT"; }
  as_postgres "$bin/psql" -h "$dir" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE $DB" >/dev/null 2>&1 || die "cannot create database $DB"
  as_postgres "$bin/psql" -h "$dir" -p "$PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q \
    -c "CREATE EXTENSION postgis" >/dev/null 2>"$dir/ext.log" || { cat "$dir/ext.log" >&2; die "CREATE EXTENSION postgis failed"; }
}

really_stop() {
  local bin dir
  [ -f "$STATE" ] || { echo "pg_test_server: not running" >&2; return 0; }
  dir=$(cat "$STATE")
  if bin=$(find_bin) && [ -d "$dir/data" ]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  case "$dir" in "${TMPDIR:-/tmp}"/events-pg-test.*) rm -rf "$dir" ;; esac
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
