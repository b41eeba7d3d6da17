#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster on a free loopback port, for CI and benchmarks.
#   source scripts/pg-temp.sh start   → exports PG_TEMP_URL, PG_TEMP_DIR
#   scripts/pg-temp.sh stop DIR
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_temp_start() {
  local dir port
  dir=$(mktemp -d /tmp/inps-pg.XXXXXX) || return 1
  chmod 755 "$dir"
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  local as=()
  if [ "$(id -u)" = "0" ]; then
    chown postgres:postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
CONF
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null || { cat "$dir/server.log"; return 1; }
  export PG_TEMP_DIR="$dir"
  export PG_TEMP_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

pg_temp_stop() {
  local dir=$1
  local as=()
  [ "$(id -u)" = "0" ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) pg_temp_start ;;
  stop) pg_temp_stop "$2" ;;
esac
