# Shared pieces of the reliability scripts (sourced, not run).
# Provides: ok/fail counters and `finish`, `need_tools`, `find_binary`, `start_server`
# (sets server_pid and base), `wait_exit`, `fd_count`, and a cleanup trap that kills
# everything the script started (only by pid), then runs `cleanup_hooks`.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# WORK_PREFIX names the temporary folder (/tmp/<prefix>.XXXXXX).
work="$(mktemp -d "/tmp/${WORK_PREFIX:-sarcoma-rel}.XXXXXX")"
passed=0
failed=0
server_pid=""
base=""
started_pids=()
# Functions run at exit, after the started processes are killed (e.g. stop_postgres).
cleanup_hooks=()

ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { # check NAME COMMAND... : ok when the command succeeds
    local name="$1"; shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}

cleanup() {
    local pid
    for pid in "${started_pids[@]}" $server_pid; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; fi
    done
    for pid in "${started_pids[@]}" $server_pid; do wait "$pid" 2>/dev/null; done
    # Before waiting for every job: the hooks stop what was not killed above (nginx, PostgreSQL).
    local hook
    for hook in "${cleanup_hooks[@]}"; do "$hook"; done
    wait 2>/dev/null
    if [ -n "${KEEP_WORK:-}" ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

# need_tools CMD:PACKAGE... : apt-get installs what is missing (update only when needed).
need_tools() {
    local missing=() item cmd pkg
    for item in "$@"; do
        cmd="${item%%:*}"; pkg="${item#*:}"
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >"$work/apt.log" 2>&1; then
        $sudo apt-get update >>"$work/apt.log" 2>&1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >>"$work/apt.log" 2>&1 \
            || { echo "FAIL cannot install ${missing[*]}"; tail -5 "$work/apt.log"; echo "0 passed, 1 failed"; exit 1; }
    fi
}

# The binary: $SARCOMA_BINARY, or the debug build (built if missing).
find_binary() {
    if [ -n "${SARCOMA_BINARY:-}" ]; then binary="$SARCOMA_BINARY"; return; fi
    local bin
    bin="$(cd "$root" && swift build --show-bin-path)"
    if [ ! -x "$bin/sarcoma-guide" ]; then
        echo "building sarcoma-guide (swift build)..."
        (cd "$root" && swift build >"$work/build.log" 2>&1) || { echo "FAIL swift build"; tail -20 "$work/build.log"; echo "0 passed, 1 failed"; exit 1; }
    fi
    binary="$bin/sarcoma-guide"
}

# start_server DB LOGPREFIX [extra flags...] [-- wrapper...]: starts the service on port 0,
# waits for `listening on`, sets server_pid and base. Returns 1 if it did not come up.
# SERVER_WRAPPER (an array name, e.g. strace) is put in front of the binary when set.
start_server() {
    local db="$1" log="$2"; shift 2
    local -a wrapper=()
    if [ -n "${SERVER_WRAPPER:-}" ]; then eval "wrapper=(\"\${${SERVER_WRAPPER}[@]}\")"; fi
    : >"$log.out"
    "${wrapper[@]}" "$binary" serve --port 0 --database "$db" \
        --migrations "$root/Migrations" --guidelines "$root/Config/guidelines" \
        --openapi "$root/Config/openapi.json" --access-log false "$@" >"$log.out" 2>>"$log.err" &
    server_pid=$!
    base=""
    local line
    for _ in $(seq 1 600); do
        line="$(grep -m1 '^listening on http://' "$log.out" 2>/dev/null || true)"
        if [ -n "$line" ]; then base="${line#listening on }"; return 0; fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "server did not start:"; tail -5 "$log.err"
    return 1
}

# The pid of the sarcoma-guide process itself (under a wrapper such as strace, its child).
service_pid() {
    if [ -n "${SERVER_WRAPPER:-}" ]; then pgrep -P "$server_pid" -x sarcoma-guide | head -1; else echo "$server_pid"; fi
}

fd_count() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# ensure_fhir_venv DIR: the pinned venv of scripts/fhir-venv-requirements.txt (fhir.resources,
# PyJWT, cryptography), created when it lacks them. Returns 1 (after a FAIL line) if pip fails.
ensure_fhir_venv() {
    local venv="$1"
    "$venv/bin/python" -c "import fhir.resources, jwt, cryptography" 2>/dev/null && return 0
    python3 -m venv "$venv" && "$venv/bin/pip" install -q -r "$root/scripts/fhir-venv-requirements.txt" && return 0
    fail "could not install scripts/fhir-venv-requirements.txt into $venv"
    return 1
}
