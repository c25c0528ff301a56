# Sourced by `make test`: points the PostgreSQL tests at a local server, starting it when we may.
# Sets ORETRACE_TEST_POSTGRES_URL unless it is already set; without a server those tests are skipped.
if [ -z "${ORETRACE_TEST_POSTGRES_URL:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1, $2}')
    if [ -n "$cluster" ]; then
        pg_ctlcluster $cluster start 2>/dev/null || true
        for _ in $(seq 1 30); do su postgres -c "pg_isready -q" && break; sleep 0.5; done
        su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'oretrace-test'\"" >/dev/null
        su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='oretrace_test'\"" | grep -q 1 \
            || su postgres -c "createdb oretrace_test"
        export ORETRACE_TEST_POSTGRES_URL="postgresql+psycopg://postgres:oretrace-test@127.0.0.1:5432/oretrace_test"
    fi
fi
