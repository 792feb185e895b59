#!/usr/bin/env bash
# Full disk and I/O errors on a real filesystem: the service keeps its database on a small
# tmpfs. Clients fill it until writes get 507 (/ready and stateless evaluations still 200;
# reading a stored case answers 200 only while its audit row still fits in the last free
# pages, then 507: fail closed, and every 200 has its audit row;
# PRAGMA integrity_check ok); the filesystem is grown and writes and reads succeed again
# without a restart, every acknowledged case intact; a filler file takes the space again
# (507) and is deleted (201); then strace injects EIO into every pwrite64 of the running
# service: writes get 503 with Retry-After, and once strace detaches writes succeed again.
# Finally a restart finds exactly the acknowledged cases: no refused write was applied.
#
# Needs root (mount); installs sqlite3 and strace when missing.
# Usage: scripts/disk-full.sh          (~30 s)
#        QUICK=1 scripts/disk-full.sh  (the same: every step is already short)
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

fs_size="${FS_SIZE:-2m}"
need_tools sqlite3:sqlite3 strace:strace python3:python3
find_binary
lib="$root/scripts/lib"
clients() { python3 "$lib/disk_full_clients.py" "$@"; }
stateless='{"tumor": {"site": "trunk", "sizeCm": 3, "grade": 1}}'  # evaluated, not stored

mnt="$work/fs"
ro="$work/ro"
strace_pid=""
on_exit() {
    [ -n "$strace_pid" ] && kill "$strace_pid" 2>/dev/null
    [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=""
    mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
    mountpoint -q "$ro" 2>/dev/null && umount "$ro"
    cleanup
}
trap on_exit EXIT

mkdir -p "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o "size=$fs_size" tmpfs "$mnt" 2>"$work/mount.err"; then
    echo "cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN): $(cat "$work/mount.err" 2>/dev/null)"
    echo "the store and in-process tests (DiskFullTests, StorageFaultTests) cover SQLITE_FULL with max_page_count"
    fail "no small filesystem available"
    finish
fi
# ---- 0. a read-only location is refused at start-up, even for root ----------------------
mkdir -p "$ro"
if mount -t tmpfs -o size=1m,ro tmpfs "$ro" 2>/dev/null; then
    "$binary" serve --port 0 --database "$ro/cases.sqlite" --migrations "$root/Migrations" \
        --guidelines "$root/Config/guidelines" --openapi "$root/Config/openapi.json" >"$work/ro.out" 2>"$work/ro.err"
    status=$?
    grep -q "$ro/cases.sqlite" "$work/ro.err" && grep -q "Read-only file system\|not writable" "$work/ro.err" && [ "$status" -eq 1 ] \
        && ok "a database on a read-only filesystem is refused at start-up (exit 1): $(head -1 "$work/ro.err")" \
        || fail "read-only location: exit $status, $(head -2 "$work/ro.err")"
    umount "$ro"
fi
db="$mnt/cases.sqlite"
ids="$work/acknowledged.ids"; : >"$ids"
echo "disk-full: database on a $fs_size tmpfs at $mnt"
start_server "$db" "$work/server" || { fail "server did not start"; finish; }
echo "disk-full: service pid $server_pid at $base"
integrity() { sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | tr '\n' ' ' | sed 's/ $//'; }

# ---- 1. fill the filesystem ------------------------------------------------------------
clients fill "$base" FILL "$ids" "$work/fill.json"
created="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['created'])" "$work/fill.json")"
others="$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['statuses']; print(sum(v for k, v in s.items() if k not in ('201', '507')))" "$work/fill.json")"
df_line="$(df -k "$mnt" | awk 'NR == 2 {print $3 " kB used of " $2 " kB"}')"
# A smaller write may still fit where a larger batch did not: ask until one gets 507 again.
read -r status retry kind tries <<<"$(clients until "$base" 507 FULL "$ids" 50)"
[ "$status" = "507" ] && [ "$kind" = "urn:sarcoma-guide:problem:insufficient-storage" ] \
    && ok "full filesystem ($df_line) after $created cases: a write gets 507 insufficient-storage (try $tries)" \
    || fail "full filesystem: a write got $status $kind"
[ "$others" = "0" ] && ok "while filling, every answer was 201 or 507" || fail "$others answers were neither 201 nor 507"
# Reading a stored case writes its audit row first (fail closed). An audit row is far smaller
# than a case, so a few may still fit in the last free pages after a case write got 507: read
# until the rows no longer fit. Each 200 must then have its row (checked once space returns).
first_id="$(head -1 "$ids")"
read -r reads_ok read_status read_others <<<"$(clients reads "$base" "$first_id" 2000)"
[ "$read_status" = "507" ] && [ "$read_others" = "0" ] \
    && ok "reading a stored case while full: 507 once its audit row cannot be written (fail closed; $reads_ok reads fitted first)" \
    || fail "reading a stored case while full: $reads_ok answered 200, then $read_status ($read_others neither 200 nor 507)"
ready="$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")"
staging="$(curl -s -o /dev/null -w '%{http_code}' -d "$stateless" "$base/v1/staging")"
[ "$ready" = "200" ] && [ "$staging" = "200" ] && ok "/ready and stateless evaluations (POST /v1/staging) answer 200 while the disk is full" \
    || fail "while full: /ready $ready, /v1/staging $staging"
check_result="$(integrity)"
[ "$check_result" = "ok" ] && ok "PRAGMA integrity_check ok on the full database" || fail "integrity_check: $check_result"

# ---- 2. space returns: the filesystem grows -----------------------------------------------
mount -o remount,size=16m "$mnt"
read -r status _ _ <<<"$(clients post "$base" AFTER-GROW "$ids")"
[ "$status" = "201" ] && ok "after growing the filesystem to 16 MB, the next write gets 201 (no restart)" \
    || fail "after growing the filesystem, a write got $status"
acked="$(wc -l <"$ids")"
found="$(clients check "$base" "$ids")"
[ "$found" = "$acked of $acked found" ] && ok "every acknowledged case readable once space returned ($found)" \
    || fail "acknowledged cases after space returned: $found"
# The first case was read reads_ok times while full and once more by the check just now.
read_rows="$(clients audited "$base" "$first_id")"
[ "$read_rows" = "$((reads_ok + 1))" ] \
    && ok "every read answered 200 while full has its audit row ($read_rows read rows = $reads_ok + the check's)" \
    || fail "read rows in the audit trail of the first case: $read_rows, expected $((reads_ok + 1))"

# ---- 3. another process fills the disk, then frees it -------------------------------------
dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
clients fill "$base" FILLER "$ids" "$work/fill2.json"
created2="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['created'])" "$work/fill2.json")"
read -r status _ _ tries <<<"$(clients until "$base" 507 FULL2 "$ids" 50)"
[ "$status" = "507" ] && ok "filler file took the space: 507 (after $created2 more cases fitted in what was left)" \
    || fail "with the filler file, a write got $status"
rm -f "$mnt/filler"
read -r status _ _ <<<"$(clients post "$base" AFTER-FILLER "$ids")"
[ "$status" = "201" ] && ok "filler deleted: the next write gets 201" || fail "after deleting the filler, a write got $status"
check_result="$(integrity)"
[ "$check_result" = "ok" ] && ok "PRAGMA integrity_check ok after two full-disk episodes" || fail "integrity_check: $check_result"

# ---- 4. I/O errors: strace injects EIO into every pwrite64 -------------------------------
strace -f -p "$server_pid" -e trace=pwrite64 -e inject=pwrite64:error=EIO -o "$work/strace.log" 2>"$work/strace.err" &
strace_pid=$!
for _ in $(seq 1 100); do grep -q 'attached' "$work/strace.err" 2>/dev/null && break; sleep 0.05; done
sleep 0.5
read -r status retry kind <<<"$(clients post "$base" IOERR-1 "$ids")"
[ "$status" = "503" ] && [ "$retry" != "-" ] \
    && ok "with EIO on every write: 503 $kind, Retry-After: $retry" \
    || fail "with EIO injected, a write got $status (Retry-After $retry, $kind)"
read_status="$(curl -s -o /dev/null -w '%{http_code}' "$base/v1/cases/$first_id")"
staging="$(curl -s -o /dev/null -w '%{http_code}' -d "$stateless" "$base/v1/staging")"
[ "$read_status" = "503" ] && [ "$staging" = "200" ] \
    && ok "during the I/O errors: a stored-case read is 503 (audit fail closed), POST /v1/staging 200" \
    || fail "during the I/O errors: stored-case read $read_status, /v1/staging $staging"
injected="$(grep -c 'EIO (Input/output error) (INJECTED)' "$work/strace.log" 2>/dev/null || echo 0)"
echo "strace injected EIO into $injected pwrite64 calls"
kill "$strace_pid" 2>/dev/null; wait "$strace_pid" 2>/dev/null; strace_pid=""
sleep 0.3
read -r status _ _ <<<"$(clients post "$base" IOERR-1 "$ids")"
[ "$status" = "201" ] && ok "strace detached: the same write now gets 201 (the refused one was not applied: no 409)" \
    || fail "after the I/O errors, a write got $status"
found="$(clients check "$base" "$ids")"
acked="$(wc -l <"$ids")"
[ "$found" = "$acked of $acked found" ] && ok "every acknowledged case readable after the I/O errors ($found)" \
    || fail "acknowledged cases after the I/O errors: $found"
check_result="$(integrity)"
[ "$check_result" = "ok" ] && ok "PRAGMA integrity_check ok after the I/O errors" || fail "integrity_check: $check_result"

# ---- 5. restart: exactly the acknowledged cases ---------------------------------------------
live_total="$(clients count "$base")"
kill -TERM "$server_pid"; wait "$server_pid"; status=$?; server_pid=""
[ "$status" -eq 0 ] && ok "SIGTERM exit status 0" || fail "SIGTERM exit status $status"
expected="$(wc -l <"$ids")"  # every id answered 201, and only those
start_server "$db" "$work/server2" || { fail "restart failed"; finish; }
found="$(clients check "$base" "$ids")"
total="$(clients count "$base")"
[ "$total" = "$expected" ] && [ "$live_total" = "$expected" ] && [ "$found" = "$expected of $expected found" ] \
    && ok "after a restart: $total cases, exactly the $expected acknowledged (no refused write applied, none lost)" \
    || fail "after a restart: $total cases (before it $live_total), expected $expected; $found"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
check_result="$(integrity)"
[ "$check_result" = "ok" ] && ok "PRAGMA integrity_check ok at the end" || fail "integrity_check: $check_result"
finish
