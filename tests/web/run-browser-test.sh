#!/usr/bin/env bash
# The web panel in a real browser (ctest: web_panel_browser).
#
#   tests/web/run-browser-test.sh BLCONNECT_BINARY [ARTIFACT_DIR]
#
# Creates a demo shop in a temp dir, an admin user, starts `blconnect serve` (connector and admin
# listener on free loopback ports), places a BaseLinker order through the connector (OrderAdd),
# then runs panel.test.mjs (node --test) which drives Debian's /usr/bin/chromium through
# playwright-core. Screenshots go to ARTIFACT_DIR (default ./web-artifacts).
#
# Exit 77 (ctest SKIP_RETURN_CODE) when chromium, node or tests/web/node_modules is missing,
# unless BLC_REQUIRE_BROWSER=1 (CI), which turns a missing piece into a failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?usage: run-browser-test.sh BLCONNECT_BINARY [ARTIFACT_DIR]}
artifacts=${2:-$PWD/web-artifacts}
chromium=${BLC_CHROMIUM:-/usr/bin/chromium}

missing() {
    if [[ ${BLC_REQUIRE_BROWSER:-0} == 1 ]]; then
        echo "web_panel_browser: $1 (BLC_REQUIRE_BROWSER=1: failing)" >&2
        exit 1
    fi
    echo "web_panel_browser: SKIPPED: $1" >&2
    exit 77
}
[[ -x $chromium ]] || missing "no $chromium (apt-get install chromium)"
command -v node > /dev/null || missing "no node (apt-get install nodejs)"
[[ -d $here/node_modules/playwright-core ]] ||
    missing "no tests/web/node_modules (run: npm ci --prefix tests/web)"
command -v python3 > /dev/null || { echo "web_panel_browser: python3 is required" >&2; exit 1; }
[[ -x $bin ]] || { echo "web_panel_browser: no binary $bin" >&2; exit 1; }

bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$artifacts"
artifacts=$(cd "$artifacts" && pwd)
rm -f "$artifacts"/*.png "$artifacts"/*.log

work=$(mktemp -d "${TMPDIR:-/tmp}/blc-web.XXXXXX")
server_pid=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    local rc=$?
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2> /dev/null; then
        kill -TERM "$server_pid" 2> /dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$server_pid" 2> /dev/null || break
            sleep 0.1
        done
        kill -KILL "$server_pid" 2> /dev/null || true
    fi
    [[ -f $work/serve.log ]] && cp "$work/serve.log" "$artifacts/serve.log"
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db=$work/shop.db
connector_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
admin_user=staff
admin_password="Panel-test-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"

# (a) demo shop, (b) admin user (password on stdin, never argv)
"$bin" init --demo --demo-products 200 --db "$db" > "$work/init.log"
printf '%s\n' "$admin_password" | "$bin" admin add-user "$admin_user" --db "$db" > /dev/null

# (c) the server: port 0 = a free port each, printed at start:
#   blconnect listening on http://127.0.0.1:PORT/baselinker
#   admin panel on http://127.0.0.1:PORT/admin/
: > "$work/serve.out"  # exists before the background job's redirection (read below at once)
: > "$work/serve.log"
# The launcher's order has a line outside the catalogue (an engraving) that staff keep: the
# config says "keep". The order inbox step switches the policy to "hold" in the panel.
printf '[orders]\nunknown_products = "keep"\n' > "$work/blconnect.toml"
BLCONNECT_PASSWORD=$connector_password BLCONNECT_DATABASE=$db \
    "$bin" serve --config "$work/blconnect.toml" --db "$db" --listen 127.0.0.1 --port 0 --admin-port 0 \
    > "$work/serve.out" 2> "$work/serve.log" &
server_pid=$!

connector_url=""
panel_url=""
for _ in $(seq 1 300); do
    if ! kill -0 "$server_pid" 2> /dev/null; then
        echo "web_panel_browser: blconnect serve exited:" >&2
        cat "$work/serve.out" "$work/serve.log" >&2
        exit 1
    fi
    connector_url=$(sed -n 's|^blconnect listening on \(http://[^ ]*\)$|\1|p' "$work/serve.out")
    panel_url=$(sed -n 's|^admin panel on \(http://[^ ]*\)$|\1|p' "$work/serve.out")
    [[ -n $connector_url && -n $panel_url ]] && break
    sleep 0.1
done
if [[ -z $connector_url || -z $panel_url ]]; then
    echo "web_panel_browser: the server did not print its addresses:" >&2
    cat "$work/serve.out" "$work/serve.log" >&2
    exit 1
fi
base=${connector_url%/*}  # http://127.0.0.1:PORT

# HTTP with python3 (no curl needed): `http GET URL` or `http POST URL name=value...` (form-encoded), body on stdout.
http() {
    python3 - "$@" << 'PY'
import sys, urllib.parse, urllib.request
method, url, fields = sys.argv[1], sys.argv[2], sys.argv[3:]
data = None
if method == "POST":
    data = urllib.parse.urlencode([tuple(f.split("=", 1)) for f in fields]).encode()
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
with opener.open(urllib.request.Request(url, data=data, method=method), timeout=30) as r:
    sys.stdout.write(r.read().decode())
PY
}
for _ in $(seq 1 100); do
    http GET "$base/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done
http GET "$base/healthz" > /dev/null
http GET "$panel_url" > /dev/null

connector() {  # connector ACTION [name=value...]
    local action=$1
    shift
    http POST "$connector_url" "bl_pass=$connector_password" "action=$action" "$@"
}

# (d) a BaseLinker order: one product without variants (more units than in stock, so the panel
# shows an oversell) and one line outside the catalogue; unpaid, status 1.
product=$(connector ProductsQuantity | python3 -c '
import json, sys
data = json.load(sys.stdin)
for pid, stock in data.items():
    if pid != "pages" and list(stock) == ["0"]:
        print(pid, stock["0"]); break
')
read -r product_id product_stock <<< "$product" || true
[[ -n $product_id ]] || { echo "web_panel_browser: no product without variants" >&2; exit 1; }
order_quantity=$((product_stock + 2))
bl_order_id=$((70000000 + RANDOM))
products_json='[{"id":"'$product_id'","variant_id":"0","name":"Produkt z katalogu","price":"49.90","quantity":"'$order_quantity'","tax":"23"},{"id":"","variant_id":"0","name":"Grawer „Dla Ani” <b>","price":"12.50","quantity":"1","tax":"23"}]'
order_reply=$(connector OrderAdd \
    "baselinker_id=$bl_order_id" \
    "previous_order_id=" \
    "delivery_fullname=Zofia Łukasiewicz-Żak" \
    "delivery_address=ul. Świętokrzyska 12/4" \
    "delivery_city=Łódź" \
    "delivery_postcode=90-001" \
    "delivery_country=Polska" \
    "delivery_country_code=PL" \
    "invoice_fullname=Zofia Łukasiewicz-Żak" \
    "invoice_company=Pracownia <Żak> & Syn" \
    "invoice_nip=7251801126" \
    "invoice_address=ul. Świętokrzyska 12/4" \
    "invoice_city=Łódź" \
    "invoice_postcode=90-001" \
    "invoice_country=Polska" \
    "invoice_country_code=PL" \
    "want_invoice=1" \
    "delivery_point_id=LOD01M" \
    "delivery_point_name=Paczkomat LOD01M" \
    "delivery_point_address=ul. Piotrkowska 1" \
    "delivery_point_postcode=90-001" \
    "delivery_point_city=Łódź" \
    "phone=+48 600 700 800" \
    "email=zofia@example.pl" \
    "delivery_method=InPost Paczkomaty 24/7" \
    "delivery_method_id=1" \
    "delivery_price=12.99" \
    "payment_method=Przelew" \
    "payment_method_cod=0" \
    "paid=0" \
    "currency=PLN" \
    "status_id=1" \
    "user_comments=Proszę o fakturę. <script>alert(1)</script>" \
    "change_products_quantity=1" \
    "client_login=zofia_z" \
    "transaction_id=tx-$bl_order_id" \
    "products=$products_json")
order_id=$(printf '%s' "$order_reply" | python3 -c 'import json, sys; print(json.load(sys.stdin)["order_id"])') || {
    echo "web_panel_browser: OrderAdd failed: $order_reply" >&2
    exit 1
}
echo "web_panel_browser: order $order_id (BaseLinker $bl_order_id), panel $panel_url"

# (e) the browser test
export BLC_PANEL_URL=$panel_url
export BLC_CONNECTOR_URL=$connector_url
export BLC_CONNECTOR_PASSWORD=$connector_password
export BLC_ADMIN_USER=$admin_user
export BLC_ADMIN_PASSWORD=$admin_password
export BLC_ORDER_ID=$order_id
export BLC_ORDER_BL_ID=$bl_order_id
export BLC_ORDER_PRODUCT_ID=$product_id
export BLC_DEMO_PRODUCTS=200
export BLC_ARTIFACTS=$artifacts
export BLC_CHROMIUM=$chromium
rc=0
(cd "$here" && node --test --test-reporter=spec panel.test.mjs) || rc=$?
echo "web_panel_browser: screenshots in $artifacts"
# (f) the server is stopped by the EXIT trap
exit $rc
