#!/usr/bin/env bash
# Sets everything up and runs the connector on an embedded SQLite database with demo data.
# Prints the connector URL and the communication password, and the admin panel URL with its
# login. Environment: PORT (default 8080), ADMIN_PORT (default 8081), DEMO_PRODUCTS (default
# 2000), DEMO_DIR (default ./demo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh dev

port="${PORT:-8080}"
admin_port="${ADMIN_PORT:-8081}"
dir="${DEMO_DIR:-demo}"
db="$dir/blconnect.db"
mkdir -p "$dir"
chmod 700 "$dir"

if [ ! -s "$dir/password" ]; then
  (umask 077; head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 32 > "$dir/password")
fi
if [ ! -s "$dir/admin-password" ]; then
  (umask 077; head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 20 > "$dir/admin-password")
fi
if [ ! -f "$db" ]; then
  build/dev/blconnect init --db "$db" --demo --demo-products "${DEMO_PRODUCTS:-2000}"
  build/dev/blconnect admin add-user admin --db "$db" < "$dir/admin-password"
fi

password="$(cat "$dir/password")"
echo
echo "  Connector URL:          http://127.0.0.1:$port/baselinker"
echo "  Communication password: $password"
echo "  Try: curl -d 'bl_pass=$password&action=ProductsList' http://127.0.0.1:$port/baselinker"
echo
echo "  Admin panel:            http://127.0.0.1:$admin_port/admin/"
echo "  Login:                  admin / $(cat "$dir/admin-password")"
echo "  (passwords kept in $dir/password and $dir/admin-password; Ctrl-C stops the server)"
echo
BLCONNECT_PASSWORD="$password" exec build/dev/blconnect serve --db "$db" --port "$port" \
  --admin-port "$admin_port"
