#!/usr/bin/env bash
# Run the whole test suite (called by `make test` and .ci/run).
# Starts a throwaway PostgreSQL+PostGIS on loopback when the server binaries are present,
# so the store suite runs against both backends; stops it afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
pg_started=0
if [ -z "${EVENTS_TEST_PG_URL:-}" ] && [ -x scripts/pg_test_server.sh ]; then
  if url=$(bash scripts/pg_test_server.sh start); then export EVENTS_TEST_PG_URL="$url"; pg_started=1; fi
fi
$PY -m pytest -q -p no:cacheprovider "$@"
rc=$?
[ $pg_started -eq 1 ] && bash scripts/pg_test_server.sh stop
if [ $rc -eq 5 ]; then echo "test.sh: pytest collected no tests" >&2; fi
exit $rc
