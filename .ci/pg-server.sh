#!/usr/bin/env bash
# A throwaway PostgreSQL server on a free loopback port, for `make test-pg`.
#
#   .ci/pg-server.sh start DIR    initdb + pg_ctl start in DIR/data; writes the server URL to DIR/url
#   .ci/pg-server.sh restart DIR  restart it (tests use this to cut every connection)
#   .ci/pg-server.sh stop DIR     stop it and delete DIR
#
# It runs as an unprivileged user: the caller, or `postgres` when the caller is root. Debian's
# postgresql package provides the binaries (apt-get install postgresql when they are missing).
set -euo pipefail
action=${1:?usage: pg-server.sh start|restart|stop DIR}
dir=${2:?usage: pg-server.sh start|restart|stop DIR}

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$found" ]]; then
    if [[ $(id -u) -ne 0 ]]; then echo "pg-server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends postgresql >&2
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$found"
}

as_owner() {  # run a command as the unprivileged owner of the data directory
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin=$(find_bin)
case "$action" in
  start)
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    as_owner bash -c "umask 077; echo '$password' > '$dir/pw'"
    as_owner "$bin/initdb" -D "$dir/data" -U curator --pwfile="$dir/pw" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' \
          -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "postgresql+psycopg://curator:$password@127.0.0.1:$port/postgres" >"$dir/url"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast restart >/dev/null
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then as_owner "$bin/pg_ctl" -D "$dir/data" -w -m immediate stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-server.sh start|restart|stop DIR" >&2; exit 2 ;;
esac
