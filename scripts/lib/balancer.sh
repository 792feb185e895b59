# nginx as the load balancer in front of several replicas (sourced; scripts/replicas.sh and
# Benchmarks/scripts/postgres.sh). start_balancer DIR PORT HOST:PORT...: writes DIR/nginx.conf,
# starts nginx in the foreground of a background job and sets balancer_pid; returns 1 when
# nginx refuses the configuration or does not answer within 5 s. Stopped at exit.
balancer_pid=""

# stop_balancer: SIGTERM (nginx's fast shutdown, which takes its workers along; a SIGKILL of
# the master would leave the workers running), then waits for it.
stop_balancer() {
    [ -n "$balancer_pid" ] || return 0
    kill -TERM "$balancer_pid" 2>/dev/null && wait "$balancer_pid" 2>/dev/null
    balancer_pid=""
}
cleanup_hooks+=(stop_balancer)

start_balancer() {
    local dir="$1" port="$2" upstream
    shift 2
    mkdir -p "$dir"
    {
        # As root the workers would run as nobody, who cannot enter a private work folder.
        [ "$(id -u)" -eq 0 ] && echo "user root;"
        cat <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    keepalive_requests 1000000;
    upstream sarcoma {
$(for upstream in "$@"; do echo "        server $upstream max_fails=1 fail_timeout=10s;"; done)
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://sarcoma;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_connect_timeout 1s;
            # A replica that refused the connection received nothing, so trying the next one
            # is safe even for a POST; nginx never resends a request a replica received.
            proxy_next_upstream error timeout;
        }
    }
}
CONF
    } >"$dir/nginx.conf"
    nginx -t -c "$dir/nginx.conf" >"$dir/test.log" 2>&1 || { cat "$dir/test.log"; return 1; }
    nginx -c "$dir/nginx.conf" >"$dir/stdout.log" 2>&1 &
    balancer_pid=$!
    local _
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/health" && return 0
        sleep 0.05
    done
    return 1
}
