#!/usr/bin/env bash
# Describes the machine and the tools for the report: one `key: value` per line.
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpus (nproc): $(nproc)"
echo "cpu model: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "kernel: $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "swift: $(swift --version 2>&1 | head -1)"
echo "wrk: $(wrk -v 2>&1 | head -1)"
echo "nginx: $(nginx -v 2>&1)"
echo "strace: $(strace -V | head -1)"
echo "product commit: $(git -C "$1" log -1 --format='%h %s' 2>/dev/null)"
