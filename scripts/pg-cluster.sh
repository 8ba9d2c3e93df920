#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, in a directory of its own.
#
#   scripts/pg-cluster.sh start DIR   # initdb in DIR, start it on 127.0.0.1, a free port (55432+)
#   scripts/pg-cluster.sh env DIR     # prints its URL: postgresql://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-cluster.sh stop DIR    # stops it (fast shutdown) and removes DIR
#
# Trust authentication, superuser `postgres`, UTF-8 with the C.UTF-8 locale, the socket in DIR,
# no TCP listener but 127.0.0.1. Durability is switched off (fsync, full_page_writes): the data
# is thrown away anyway and the tests create and drop many databases. Run as root, the server
# runs as the OS user `postgres` (PostgreSQL refuses root) and DIR is given to it; otherwise as
# the current user. Debian's own cluster (postgresql@15-main, port 5432) is never touched.
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), PG_PORT (first port tried, 55432).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|env DIR" >&2
  exit 2
}

[ $# -eq 2 ] || usage
command="$1"
dir="$(realpath -m -- "$2")"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
first_port="${PG_PORT:-55432}"
marker="$dir/blc-pg-cluster"  # written by `start`, holds the port; `stop` removes only such DIRs
data="$dir/data"
log="$dir/postgres.log"

die() {
  echo "pg-cluster: $*" >&2
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the user that owns the cluster.
as_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$pg_bin/pg_ctl" status -D "$data" >/dev/null 2>&1
}

stop_server() {
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$pg_bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null 2>&1 ||
      as_owner "$pg_bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1 ||
      echo "pg-cluster: no server to stop in $dir" >&2
  fi
}

start() {
  [ -x "$pg_bin/initdb" ] || die "no $pg_bin/initdb: install postgresql-15 (scripts/install-deps.sh) or set PG_BIN"
  # pg_ctl hands the options to a shell, and the socket path has a length limit (107 bytes).
  case "$dir" in
    *[[:space:]\'\"\\\$\`]*) die "DIR must not contain spaces or quotes: $dir" ;;
  esac
  [ ${#dir} -le 80 ] || die "DIR is too long for a Unix socket path (at most 80 characters): $dir"
  if is_root; then
    getent passwd postgres >/dev/null || die "no OS user 'postgres' (it comes with postgresql-15)"
  fi

  if [ -f "$marker" ]; then
    if running; then
      echo "pg-cluster: already running in $dir on port $(cat "$marker")" >&2
      return 0
    fi
    rm -rf "$data" "$log"  # left over by a run that was killed
  elif [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    die "$dir exists, is not empty and holds no cluster of this script"
  fi

  mkdir -p "$dir"
  : >"$marker"
  if is_root; then
    chown postgres: "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "user postgres cannot write $dir (is a parent directory closed to it?)"
  fi

  if ! as_owner "$pg_bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  local port
  for ((port = first_port; port < first_port + 50; port++)); do
    port_taken "$port" && continue
    if as_owner "$pg_bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
-p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off" >"$dir/pg_ctl.log" 2>&1; then
      echo "$port" >"$marker"
      echo "pg-cluster: running in $dir: postgresql://postgres@127.0.0.1:$port/postgres" >&2
      return 0
    fi
    # Another server took the port between the check and the start: try the next one.
    if ! grep -q "could not bind\|Address already in use\|could not create lock file" "$log" 2>/dev/null; then
      cat "$dir/pg_ctl.log" "$log" >&2 || true
      die "the server did not start (log above)"
    fi
    : >"$log"
  done
  die "no free port in $first_port..$((first_port + 49))"
}

stop() {
  if [ ! -e "$dir" ]; then
    return 0
  fi
  [ -f "$marker" ] || die "$dir holds no cluster of this script; not removing it"
  stop_server
  rm -rf -- "$dir"
}

print_env() {
  [ -f "$marker" ] || die "no cluster in $dir (run: $0 start $dir)"
  local port
  port="$(cat "$marker")"
  if [ -z "$port" ] || ! running; then
    die "the cluster in $dir is not running"
  fi
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

cd /  # the postgres user may not be allowed into the caller's working directory
case "$command" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) usage ;;
esac
