# A throw-away PostgreSQL cluster for the reliability scripts (sourced after common.sh).
# Provides: `start_postgres` (initdb + pg_ctl in its own /tmp folder, listening on a unix
# socket only), `pg_url DB`, `pg_sql DB SQL` (psql, tab-separated rows), `pg_createdb DB`,
# `pg_restart`, and a cleanup hook that stops the server and removes its folder.
# As root, initdb and postgres run as the `postgres` user (PostgreSQL refuses root).

pg_dir=""
pg_port=""
pg_bin=""
pg_as=()

# The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders.
find_pg_bin() {
    local candidate
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        pg_bin="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"; return 0
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin="$candidate"; return 0; fi
    done
    return 1
}

# start_postgres: sets pg_dir and pg_port; returns 1 (after a FAIL line) when it cannot.
start_postgres() {
    find_pg_bin || need_tools psql:postgresql
    find_pg_bin || { fail "initdb/pg_ctl not found (apt-get install postgresql)"; return 1; }
    command -v psql >/dev/null 2>&1 || need_tools psql:postgresql-client
    pg_dir="$(mktemp -d /tmp/sarcoma-pg.XXXXXX)"
    pg_port="$(python3 -c 'import random; print(random.randint(20000, 60000))')"
    mkdir -p "$pg_dir/socket"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { fail "running as root but there is no postgres user"; return 1; }
        chown -R postgres "$pg_dir"
        pg_as=(runuser -u postgres --)
    fi
    "${pg_as[@]}" "$pg_bin/initdb" -A trust -U postgres -E UTF8 --locale=C -D "$pg_dir/data" \
        >"$pg_dir/initdb.log" 2>&1 || { fail "initdb failed"; tail -5 "$pg_dir/initdb.log"; return 1; }
    pg_start_server
}

# (Re)starts the server on the cluster's folder, socket and port.
pg_start_server() {
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-k $pg_dir/socket -p $pg_port -c listen_addresses='' -c max_connections=200" start \
        >"$pg_dir/pg_ctl.log" 2>&1 || { fail "pg_ctl start failed"; tail -5 "$pg_dir/server.log"; return 1; }
}

# pg_restart: `pg_ctl restart -m fast` (every client connection is cut).
pg_restart() {
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 60 restart \
        -o "-k $pg_dir/socket -p $pg_port -c listen_addresses='' -c max_connections=200" \
        >>"$pg_dir/pg_ctl.log" 2>&1
}

stop_postgres() {
    [ -n "$pg_dir" ] || return 0
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    if [ -n "${KEEP_WORK:-}" ]; then echo "PostgreSQL folder kept: $pg_dir"; else rm -rf "$pg_dir"; fi
    pg_dir=""
}
cleanup_hooks+=(stop_postgres)

pg_url() { echo "postgresql://postgres@/$1?host=$pg_dir/socket&port=$pg_port"; }
pg_createdb() { "$pg_bin/createdb" -h "$pg_dir/socket" -p "$pg_port" -U postgres "$1"; }
pg_sql() { psql -X -q -A -t -F $'\t' -h "$pg_dir/socket" -p "$pg_port" -U postgres -d "$1" -c "$2"; }
