// A stand-in for the admin listener, for working on the panel without building the server:
// serves web/ with the panel's headers and an in-memory version of the admin REST API
// (docs/admin-api.md). Not used by the tests against the real server.
//   node tests/web/mock-api.mjs [port]   -> http://127.0.0.1:PORT/admin/  (user staff / password staff-password-1)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '../../web');
const port = Number(process.argv[2] || process.env.PORT || 8091);
const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' };

const now = () => Math.floor(Date.now() / 1000);
const statuses = [
  { id: 1, name: 'Nowe', cancelled: false }, { id: 2, name: 'W realizacji', cancelled: false },
  { id: 3, name: 'Gotowe do wysyłki', cancelled: false }, { id: 4, name: 'Wysłane', cancelled: false },
  { id: 5, name: 'Anulowane', cancelled: true }, { id: 6, name: 'Wymaga uwagi', cancelled: false },
];
const HOLD_STATUS = statuses[5];
const delivery = [{ id: 1, name: 'Kurier DPD' }, { id: 2, name: 'Paczkomat InPost' }, { id: 3, name: 'Odbiór osobisty' }];
const payment = [{ id: 1, name: 'Przelew', cod: false }, { id: 2, name: 'Za pobraniem', cod: true }, { id: 3, name: 'BLIK', cod: false }];
const categories = [{ id: 1, parent_id: null, name: 'Dom', path: 'Dom', active: true, products: 30 },
  { id: 2, parent_id: 1, name: 'Kuchnia', path: 'Dom/Kuchnia', active: true, products: 20 }];
const products = [];
for (let i = 1; i <= 120; i++) {
  const variants = i % 7 === 0 ? [
    { id: 1000 + i * 2, name: 'Czerwony XL', sku: `SKU-${i}-R`, ean: '', price: '59.99', quantity: 3, images: [], features: [] },
    { id: 1001 + i * 2, name: 'Niebieski M', sku: `SKU-${i}-B`, ean: '', price: '54.99', quantity: 0, images: [], features: [] },
  ] : [];
  products.push({
    id: i, external_id: `EXT-${i}`, name: i === 3 ? 'Żółw ceramiczny <b>„duży”</b> z bardzo długą nazwą produktu, która się zawija' : `Produkt demonstracyjny ${i}`,
    sku: `SKU-${i}`, ean: `590000000${String(i).padStart(4, '0')}`, model: `M${i}`,
    quantity: variants.length ? variants.reduce((a, v) => a + v.quantity, 0) : (i * 7) % 40,
    price: `${(i * 3.17 + 9).toFixed(2)}`, tax_rate: '23', weight_kg: 0.5, description: '<p>Opis <b>HTML</b></p>',
    short_description: 'Krótki opis', manufacturer: 'Ceramika Bolesławiec', category: { id: 2, path: 'Dom/Kuchnia' },
    active: i % 11 !== 0, url: `https://shop.example/p/${i}`, location: 'A-1-3', images: [`https://shop.example/img/${i}.jpg`],
    features: [{ name: 'Kolor', value: 'zielony' }, { name: 'Materiał', value: 'ceramika' }], variants,
  });
}
const addr = (name) => ({ fullname: name, company: '', address: 'ul. Długa 5/7', postcode: '00-950', city: 'Warszawa', state_code: '', country: 'Polska', country_code: 'PL' });
const orders = [];
for (let i = 1; i <= 60; i++) {
  const bl = i % 3 === 0;
  orders.push({
    id: i, origin: bl ? 'baselinker' : 'shop', baselinker_id: bl ? 7000000 + i : null, date_add: now() - (60 - i) * 3600,
    status: statuses[i % 4], paid: i % 2 === 0, paid_time: i % 2 === 0 ? now() - 1000 : 0, currency: 'PLN', total: '129.99',
    email: `klient${i}@example.com`, phone: '+48 600 100 200', client_login: `klient${i}`, transaction_id: `T-${i}`, service_account: '',
    delivery: addr(`Jan Kowalski ${i}`), invoice: addr(`Firma ${i} sp. z o.o.`), invoice_nip: '5250001009', want_invoice: i % 4 === 0,
    pickup_point: i % 5 === 0 ? { id: 'WAW01M', name: 'Paczkomat WAW01M', address: 'ul. Prosta 1', postcode: '00-001', city: 'Warszawa' } : { id: '', name: '', address: '', postcode: '', city: '' },
    delivery_method: { id: 1, name: 'Kurier DPD', price: '15.00' }, payment_method: { id: 2, name: 'Za pobraniem', cod: true },
    user_comments: 'Proszę o szybką wysyłkę.\nDziękuję!', staff_comments: [], stock_returned: false,
    lines: [
      { id: 1, product_id: 3, variant_id: 0, name: products[2].name, sku: 'SKU-3', ean: '', unit_price: '57.50', quantity: 2, tax_rate: '23', auction_id: '', attributes: [{ name: 'Grawer', value: 'Anna', price: '0.00' }], stock_taken: i % 6 === 0 ? 1 : 2, oversold: i % 6 === 0 ? 1 : 0 },
      { id: 2, product_id: null, variant_id: 0, name: 'Rabat', sku: '', ean: '', unit_price: '-0.01', quantity: 1, tax_rate: '23', auction_id: '', attributes: [], stock_taken: 0, oversold: 0 },
    ],
    shipments: [], history: [{ at: now() - 4000, from: null, to: statuses[1], actor: bl ? 'baselinker' : 'shop', note: '' }],
  });
}
// The order inbox: order 57 came from BaseLinker with a line that binds to no product.
{
  const o = orders[56];
  Object.assign(o, { origin: 'baselinker', baselinker_id: 7000057, status: HOLD_STATUS, held: true, takes_stock: true });
  o.lines[0] = { ...o.lines[0], product_id: null, sku: 'NIE-MA', stock_taken: 0, oversold: 0 };
  o.hold = { held_at: o.date_add, released_at: null, released_by: null,
    request: { baselinker_id: '7000057', products: '[{"name":"Kubek spoza katalogu","quantity":"2"}]' },
    problems: [
      { line: 1, field: 'product', message: "no catalogue product (sku 'NIE-MA')", blocking: true, resolved: false, resolved_at: null, resolved_by: null },
      { line: 2, field: 'price', message: 'price "-0.01" is negative', blocking: false, resolved: false, resolved_at: null, resolved_by: null },
    ] };
}
for (const o of orders) { o.held = !!o.held; o.hold = o.hold || null; o.takes_stock = o.takes_stock ?? true; }
const journal = [];
const actions = ['OrdersGet', 'ProductsQuantity', 'ProductsPrices', 'OrderAdd', 'ProductsList', 'OrderUpdate'];
for (let i = 1; i <= 130; i++) {
  const outcome = i % 13 === 0 ? 'incorrect_password' : 'ok';
  journal.push({ id: i, at_ms: Date.now() - (130 - i) * 60000, request_id: `r${i.toString(16)}`, client: '127.0.0.1', action: actions[i % actions.length],
    duration_us: 1234 * (i % 9), http_status: 200, outcome, response_bytes: 512 * i, detail: i % 2 ? { orders: [i], note: '<script>alert(1)</script>' } : null });
}
let settings = { orders: { unknown_products: 'keep', match_by_codes: true, default_status: 1, accept_updates: { status: true, delivery_number: true, paid: true }, status_map: { shipped: 4 } }, source: 'config', connector: { path: '/baselinker', password_source: 'config' } };
const sessions = new Map();
let failures = 0;

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}
const err = (res, status, code, message, field) => send(res, status, { error: { code, message, ...(field ? { field } : {}) } });
function page(items, q, key = 'id') {
  const limit = Math.min(Number(q.get('limit') || 50), 200);
  const start = Number(q.get('cursor') || 0);
  const slice = items.slice(start, start + limit);
  return { items: slice, next_cursor: start + limit < items.length ? String(start + limit) : null, key };
}
function summary(o) {
  return { id: o.id, origin: o.origin, baselinker_id: o.baselinker_id, date_add: o.date_add, status: o.status, held: o.held, paid: o.paid, buyer: o.delivery.fullname, total: o.total, currency: o.currency, oversold: o.lines.reduce((a, l) => a + l.oversold, 0), tracking: o.shipments.length ? o.shipments[o.shipments.length - 1].number : '' };
}

async function api(req, res, route, q) {
  let body = '';
  for await (const chunk of req) body += chunk;
  const json = body ? JSON.parse(body) : {};
  const cookie = /blc_session=([^;]+)/.exec(req.headers.cookie || '');
  const sess = cookie ? sessions.get(cookie[1]) : null;
  if (route === '/session' && req.method === 'POST') {
    if (failures >= 5) return send(res, 429, { error: { code: 'rate_limited', message: 'too many' } }, { 'Retry-After': '60' });
    if (json.username !== 'staff' || json.password !== 'staff-password-1') { failures++; return err(res, 401, 'unauthenticated', 'wrong username or password'); }
    const id = crypto.randomBytes(16).toString('hex');
    const s = { user: 'staff', csrf_token: crypto.randomBytes(16).toString('hex'), expires_at: now() + 3600, language: 'pl' };
    sessions.set(id, s);
    return send(res, 200, s, { 'Set-Cookie': `blc_session=${id}; Path=/admin; HttpOnly; Secure; SameSite=Strict` });
  }
  if (!sess) return err(res, 401, 'unauthenticated', 'no session');
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== sess.csrf_token) return err(res, 403, 'csrf_failed', 'csrf');
  if (route === '/session') {
    if (req.method === 'GET') return send(res, 200, sess);
    if (req.method === 'DELETE') { sessions.delete(cookie[1]); res.writeHead(204, { 'Set-Cookie': 'blc_session=; Path=/admin; Max-Age=0' }); return res.end(); }
  }
  let m;
  if (route === '/health') {
    return send(res, 200, { database: 'ok', now: now(), connector: { last_orders_get_at_ms: Date.now() - 7 * 60000, actions: [{ action: 'OrdersGet', last_ok_at_ms: Date.now() - 7 * 60000, calls_24h: 96 }, { action: 'ProductsQuantity', last_ok_at_ms: Date.now() - 3600000, calls_24h: 24 }] },
      catalog: { products: products.length, categories: 2, manufacturers: 1 }, orders: { total: orders.length, from_baselinker: 20, from_shop: 40, unpaid: 30, with_oversells: 10, last_24h: 24, on_hold: orders.filter((o) => o.held).length },
      warnings: [{ code: 'oversold_orders', message: '10 orders have oversold lines' },
        ...(orders.some((o) => o.held) ? [{ code: 'orders_on_hold', message: `${orders.filter((o) => o.held).length} orders need attention` }] : [])] });
  }
  if (route === '/journal') {
    let items = [...journal].reverse();
    if (q.get('errors') === 'true') items = items.filter((e) => e.outcome !== 'ok');
    if (q.get('action')) items = items.filter((e) => e.action === q.get('action'));
    const p = page(items.map(({ detail, ...e }) => e), q);
    return send(res, 200, { items: p.items, next_cursor: p.next_cursor });
  }
  if ((m = /^\/journal\/(\d+)$/.exec(route))) {
    const e = journal.find((x) => x.id === Number(m[1]));
    return e ? send(res, 200, e) : err(res, 404, 'not_found', 'no entry');
  }
  if (route === '/orders') {
    let items = [...orders].reverse();
    if (q.get('origin')) items = items.filter((o) => o.origin === q.get('origin'));
    if (q.get('status_id')) items = items.filter((o) => o.status.id === Number(q.get('status_id')));
    if (q.get('paid')) items = items.filter((o) => String(o.paid) === q.get('paid'));
    if (q.get('held')) items = items.filter((o) => String(o.held) === q.get('held'));
    const p = page(items.map(summary), q);
    return send(res, 200, { items: p.items, next_cursor: p.next_cursor });
  }
  if ((m = /^\/orders\/(\d+)\/lines\/(\d+)$/.exec(route)) && req.method === 'POST') {
    const o = orders.find((x) => x.id === Number(m[1]));
    if (!o) return err(res, 404, 'not_found', 'no such order');
    if (!o.held) return err(res, 409, 'conflict', 'the order is not on hold', 'order');
    const line = o.lines[Number(m[2]) - 1];
    if (!line) return err(res, 404, 'not_found', `no line ${m[2]}`);
    const resolve = (field) => o.hold.problems.forEach((p) => {
      if (p.line === Number(m[2]) && p.field === field) Object.assign(p, { resolved: true, resolved_at: now(), resolved_by: 'admin:' + sess.user });
    });
    if (json.product_id) { line.product_id = json.product_id; line.variant_id = json.variant_id || 0; resolve('product'); }
    if (json.free) { line.product_id = null; resolve('product'); }
    if (json.quantity) { line.quantity = json.quantity; resolve('quantity'); }
    if (json.unit_price) { line.unit_price = json.unit_price; resolve('price'); }
    return send(res, 200, { ...o, oversold: summary(o).oversold });
  }
  if ((m = /^\/orders\/(\d+)(?:\/(\w+))?$/.exec(route))) {
    const o = orders.find((x) => x.id === Number(m[1]));
    if (!o) return err(res, 404, 'not_found', 'no such order');
    const actor = 'admin:' + sess.user;
    if (!m[2] && req.method === 'GET') return send(res, 200, { ...o, oversold: summary(o).oversold });
    if (m[2] === 'release' && req.method === 'POST') {
      if (!o.held) return err(res, 409, 'conflict', 'the order is not on hold', 'order');
      if (o.hold.problems.some((p) => p.blocking && !p.resolved)) return err(res, 409, 'conflict', 'a blocking problem is open', 'problems');
      const to = statuses.find((s) => s.id === settings.orders.default_status) || statuses[0];
      const units = o.lines.reduce((a, l) => a + (l.product_id ? l.quantity : 0), 0);
      o.lines.forEach((l) => { if (l.product_id) l.stock_taken = l.quantity; });
      o.history.push({ at: now(), from: o.status, to, actor, note: `released: ${units} units taken` });
      Object.assign(o, { status: to, held: false });
      Object.assign(o.hold, { released_at: now(), released_by: actor });
      return send(res, 200, { status: to, units, oversold: 0, free_lines: o.lines.length - o.lines.filter((l) => l.product_id).length });
    }
    if (m[2] === 'status' && req.method === 'PUT') {
      const to = statuses.find((s) => s.id === json.status_id);
      if (!to) return err(res, 422, 'invalid_field', 'unknown status', 'status_id');
      if (o.held && !to.cancelled) return err(res, 409, 'conflict', `order ${o.id} is on hold: correct its lines and release it first, or cancel it`, 'status_id');
      if (to.id === o.status.id) return send(res, 200, { result: 'unchanged', stock_returned: false });
      o.history.push({ at: now(), from: o.status, to, actor, note: '' });
      o.status = to;
      return send(res, 200, { result: 'applied', stock_returned: false });
    }
    if (m[2] === 'shipments' && req.method === 'POST') {
      if (!json.number) return err(res, 422, 'invalid_field', 'required', 'number');
      o.shipments.push({ number: json.number, carrier: json.carrier || '', url: json.url || '', created_at: now() });
      return send(res, 200, { result: 'applied' });
    }
    if (m[2] === 'paid' && req.method === 'PUT') { o.paid = !!json.paid; o.paid_time = o.paid ? now() : 0; return send(res, 200, { result: 'applied' }); }
    if (m[2] === 'comments' && req.method === 'POST') { o.staff_comments.push(json.text); return send(res, 200, { result: 'applied' }); }
  }
  if (route === '/products') {
    let items = products;
    if (q.get('q')) items = items.filter((p) => p.name.toLowerCase().includes(q.get('q').toLowerCase()));
    const p = page(items.map(({ id, name, sku, ean, quantity, price }) => ({ id, name, sku, ean, quantity, price })), q);
    return send(res, 200, { items: p.items, total: items.length, next_cursor: p.next_cursor });
  }
  if ((m = /^\/products\/(\d+)(?:\/variants\/(\d+))?(?:\/(stock|price))?$/.exec(route))) {
    const p = products.find((x) => x.id === Number(m[1]));
    if (!p) return err(res, 404, 'not_found', 'no such product');
    if (!m[3]) return send(res, 200, p);
    const target = m[2] ? p.variants.find((v) => v.id === Number(m[2])) : p;
    if (!target) return err(res, 404, 'not_found', 'no such variant');
    if (m[3] === 'stock') {
      if (!m[2] && p.variants.length) return err(res, 422, 'invalid_field', 'the product has variants: change a variant', 'quantity');
      target.quantity = Math.max(0, json.quantity ?? target.quantity + json.change);
      if (m[2]) p.quantity = p.variants.reduce((a, v) => a + v.quantity, 0);
      return send(res, 200, { quantity: target.quantity });
    }
    target.price = Number(json.price).toFixed(2);
    return send(res, 200, { price: target.price });
  }
  if (route === '/categories') return send(res, 200, { items: categories });
  for (const [name, list] of [['order-statuses', statuses], ['delivery-methods', delivery], ['payment-methods', payment]]) {
    if (route === `/${name}`) {
      if (req.method === 'GET') return send(res, 200, { items: list });
      const item = { id: list.length + 1, ...json };
      list.push(item);
      return send(res, 201, { id: item.id });
    }
    if ((m = new RegExp(`^/${name}/(\\d+)$`).exec(route))) {
      const item = list.find((x) => x.id === Number(m[1]));
      Object.assign(item, json);
      return send(res, 200, { id: item.id });
    }
  }
  if (route === '/settings') return send(res, 200, settings);
  if (route === '/settings/orders') {
    if (req.method === 'PUT') settings = { ...settings, orders: json, source: 'database' };
    else settings = { ...settings, source: 'config' };
    return send(res, 200, settings);
  }
  if (route === '/settings/connector-password') return send(res, 200, { password: crypto.randomBytes(16).toString('hex') });
  return err(res, 404, 'not_found', 'unknown route');
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/admin/api/v1')) {
    api(req, res, url.pathname.slice('/admin/api/v1'.length), url.searchParams).catch((e) => err(res, 400, 'invalid_json', String(e)));
    return;
  }
  if (url.pathname === '/admin') { res.writeHead(301, { Location: '/admin/' }); return res.end(); }
  const name = url.pathname === '/admin/' ? 'index.html' : url.pathname.replace(/^\/admin\//, '');
  const file = path.join(webDir, name);
  if (!url.pathname.startsWith('/admin/') || !file.startsWith(webDir + path.sep) || !fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).slice(1)] || 'application/octet-stream',
    'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache',
  });
  res.end(fs.readFileSync(file));
}).listen(port, '127.0.0.1', () => console.log(`mock admin listener on http://127.0.0.1:${port}/admin/`));
