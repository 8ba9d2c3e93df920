// The web panel in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core;
// no browser download). Run by run-browser-test.sh, which starts blconnect with a demo shop, an
// admin user and one BaseLinker order, and passes everything in the environment:
//   BLC_PANEL_URL, BLC_CONNECTOR_URL, BLC_CONNECTOR_PASSWORD, BLC_ADMIN_USER, BLC_ADMIN_PASSWORD,
//   BLC_ORDER_ID, BLC_ORDER_BL_ID, BLC_ORDER_PRODUCT_ID, BLC_DEMO_PRODUCTS, BLC_ARTIFACTS
// Staff work through the panel; then the test asks the connector (as BaseLinker would) what it
// now reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is not set (run run-browser-test.sh)`);
  return value;
}
const PANEL = env('BLC_PANEL_URL');
const CONNECTOR = env('BLC_CONNECTOR_URL');
const CONNECTOR_PASSWORD = env('BLC_CONNECTOR_PASSWORD');
const USER = env('BLC_ADMIN_USER');
const PASSWORD = env('BLC_ADMIN_PASSWORD');
const ORDER_ID = env('BLC_ORDER_ID');
const ORDER_BL_ID = env('BLC_ORDER_BL_ID');
const ORDER_PRODUCT_ID = env('BLC_ORDER_PRODUCT_ID');
const DEMO_PRODUCTS = env('BLC_DEMO_PRODUCTS', '');
const ARTIFACTS = path.resolve(env('BLC_ARTIFACTS', 'web-artifacts'));
const CHROMIUM = env('BLC_CHROMIUM', '/usr/bin/chromium');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]',
  new URL(PANEL).hostname, new URL(CONNECTOR).hostname]);

let browser;
let context;
let page;
const consoleErrors = [];     // unexpected console errors and page errors, all pages
const foreignRequests = [];   // any request to a host that is not this machine
const dialogs = [];           // alert()/confirm(): the panel uses none, so one means injected code
const state = {};             // facts shared by the steps below

// What a connector call from BaseLinker returns (POST form, JSON answer).
let connectorPassword = CONNECTOR_PASSWORD;  // replaced when the panel rotates it
async function connectorRaw(action, fields = {}, password = connectorPassword) {
  const body = new URLSearchParams({ bl_pass: password, action, ...fields });
  const response = await fetch(CONNECTOR, { method: 'POST', body });
  assert.equal(response.status, 200, `${action}: HTTP ${response.status}`);
  return response.json();
}
async function connector(action, fields = {}) {
  const data = await connectorRaw(action, fields);
  assert.ok(!data.error, `${action}: ${JSON.stringify(data)}`);
  return data;
}

function watch(ctx) {
  ctx.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;  // data:, blob:
    if (!LOCAL_HOSTS.has(url.hostname)) foreignRequests.push(request.url());
  });
  ctx.on('page', (p) => watchPage(p));
}

// 401 answers to the session probe (not signed in yet) and to a wrong login, and the 429 of the
// throttling step, are expected: the browser logs every failed fetch as a console error.
// The 422 of a stock change refused for a product with variants (the list then locks the input)
// is expected too.
function expectedFailure(message) {
  const url = message.location().url || '';
  if (/status of (401|429)/.test(message.text()) && /\/api\/v1\/session$/.test(url)) return true;
  // The order inbox step tries to release a held order before its line is bound: 409.
  if (/status of 409/.test(message.text()) && /\/api\/v1\/orders\/\d+\/release$/.test(url)) return true;
  return /status of 422/.test(message.text()) && /\/api\/v1\/products\/\d+\/stock$/.test(url);
}

function watchPage(p) {
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (expectedFailure(message)) return;
    consoleErrors.push(`${message.text()} @ ${message.location().url || '?'}`);
  });
  p.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  p.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

async function shot(p, name) {
  await p.evaluate(() => document.fonts && document.fonts.ready);
  await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Nothing is wider than the window (no sideways scrolling on a phone).
async function assertNoOverflow(p, what) {
  const sizes = await p.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    offenders: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}[${el.getAttribute('data-test') || ''}]`),
  }));
  assert.ok(sizes.scroll <= sizes.client + 1,
    `${what}: page is ${sizes.scroll}px wide in a ${sizes.client}px window: ${sizes.offenders.join(', ')}`);
}

async function go(p, hash, testId) {
  await p.goto(PANEL + hash);
  await p.locator(`[data-test="${testId}"]`).waitFor();
  await p.locator('[data-test="loading"]').waitFor({ state: 'detached' });
}

async function flashOk(p) {
  const ok = p.locator('[data-test="flash-ok"]');
  const error = p.locator('[data-test="flash-error"]');
  await ok.or(error).first().waitFor();
  if (await error.count()) assert.fail(`panel error: ${await error.textContent()}`);
  return (await ok.textContent()).trim();
}

async function clearFlash(p) {
  await p.evaluate(() => document.querySelectorAll('[data-test="flash"] > *').forEach((el) => el.remove()));
}

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--no-proxy-server'],
  });
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pl-PL' });
  watch(context);
  page = await context.newPage();
  page.setDefaultTimeout(15000);
});

after(async () => {
  if (browser) await browser.close();
});

test('the login page refuses a wrong password', { timeout: 60000 }, async () => {
  await page.goto(PANEL);
  await page.locator('[data-test="login-form"]').waitFor();
  await shot(page, '01-login');
  await page.fill('[data-test="login-username"]', USER);
  await page.fill('[data-test="login-password"]', 'not-the-password-at-all');
  await page.click('[data-test="login-submit"]');
  const error = page.locator('[data-test="login-error"]');
  await error.waitFor();
  assert.match(await error.textContent(), /Nieprawidłowa nazwa użytkownika lub hasło|Wrong username or password/);
  await shot(page, '02-login-wrong-password');
});

test('signs in and shows the dashboard', { timeout: 60000 }, async () => {
  await page.fill('[data-test="login-username"]', USER);
  await page.fill('[data-test="login-password"]', PASSWORD);
  await page.click('[data-test="login-submit"]');
  await page.locator('[data-test="page-dashboard"]').waitFor();
  assert.equal((await page.textContent('[data-test="user-name"]')).trim(), USER);
  if (DEMO_PRODUCTS) {
    assert.match(await page.textContent('[data-test="count-products"]'), new RegExp(DEMO_PRODUCTS));
  }
  assert.ok(await page.locator('[data-test="health-database"]').isVisible());
  // The launcher's OrderAdd is in the recent journal.
  assert.match(await page.textContent('[data-test="recent-journal"]'), /OrderAdd/);
  await assertNoOverflow(page, 'dashboard');
  await shot(page, '03-dashboard');
});

test('the orders list, filtered to BaseLinker, shows the new order with its oversell', { timeout: 60000 }, async () => {
  await page.click('[data-test="nav-orders"]');
  await page.locator('[data-test="page-orders"]').waitFor();
  await page.selectOption('[data-test="filter-origin"]', 'baselinker');
  await page.waitForURL(/origin=baselinker/);
  // The filtered page has replaced the unfiltered one: only BaseLinker rows.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-test="orders-table"] tbody tr')];
    return rows.length > 0 && rows.every((r) => r.querySelector('[data-test="origin-baselinker"]'));
  });
  const row = page.locator(`[data-test="order-row-${ORDER_ID}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /BaseLinker/);
  assert.match(await row.textContent(), new RegExp(`BL ${ORDER_BL_ID}`));
  assert.match(await row.textContent(), /Zofia Łukasiewicz-Żak/);
  assert.ok(await row.locator('[data-test="oversold"]').isVisible(), 'oversold marker');
  // Every row of the filtered list is a BaseLinker order.
  const origins = await page.$$eval('[data-test="orders-table"] tbody tr', (rows) =>
    rows.map((r) => r.querySelector('[data-test^="origin-"]').getAttribute('data-test')));
  assert.ok(origins.length > 0 && origins.every((o) => o === 'origin-baselinker'), origins.join(','));
  await assertNoOverflow(page, 'orders');
  await shot(page, '04-orders');
});

test('order detail: change the status, add a tracking number, mark paid, comment', { timeout: 90000 }, async () => {
  await page.click(`[data-test="order-row-${ORDER_ID}"] [data-test="order-link"]`);
  await page.locator('[data-test="page-orders-detail"]').waitFor();
  const detail = page.locator('[data-test="page-orders-detail"]');
  // Everything BaseLinker sent is shown, as text (the comment's markup is not executed).
  const text = await detail.textContent();
  for (const expected of ['Zofia Łukasiewicz-Żak', 'ul. Świętokrzyska 12/4', 'Pracownia <Żak> & Syn',
    'Paczkomat LOD01M', 'zofia@example.pl', '7251801126', 'InPost Paczkomaty 24/7', '12.99',
    'Grawer „Dla Ani” <b>', '49.90']) {
    assert.ok(text.includes(expected), `order detail shows ${expected}`);
  }
  assert.match(await page.textContent('[data-test="user-comments"]'), /<script>alert\(1\)<\/script>/);
  assert.equal(await page.locator('script').count(), 1, 'no injected script elements');
  assert.ok(await page.locator('[data-test="order-lines"] [data-test="oversold"]').first().isVisible());
  assert.ok(await page.locator('[data-test="mark-paid"]').isVisible(), 'the order starts unpaid');
  await assertNoOverflow(page, 'order detail');
  await shot(page, '05-order-detail');

  // Status: a different, not-cancelling status.
  const current = await page.inputValue('[data-test="status-select"]');
  const options = await page.$$eval('[data-test="status-select"] option',
    (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const target = options.find((o) => o.value === '4' && o.value !== current) ||
    options.find((o) => o.value !== current && !o.text.includes('('));
  assert.ok(target, 'a status to change to');
  state.statusId = target.value;
  await page.selectOption('[data-test="status-select"]', target.value);
  await page.click('[data-test="status-apply"]');
  await flashOk(page);
  await page.waitForFunction((name) =>
    document.querySelector('[data-test="order-status"]')?.textContent === name, target.text);
  await clearFlash(page);

  // A cancelling status asks first: the button says how many units go back to stock, nothing is
  // saved until the second click. The stock moves table then shows the return; going back to
  // the previous status takes the stock again (no question).
  const cancelling = options.find((o) => o.text.includes('('));
  assert.ok(cancelling, 'a status flagged cancelled');
  const cancelledName = cancelling.text.replace(/ \(.*\)$/, '');
  await page.selectOption('[data-test="status-select"]', cancelling.value);
  await page.click('[data-test="status-apply"]');
  await page.locator('[data-test="status-apply"][data-confirm="armed"]').waitFor();
  assert.match(await page.textContent('[data-test="status-apply"]'), /[1-9]\d* (szt\.|units)/);
  assert.equal(await page.textContent('[data-test="order-status"]'), target.text, 'not saved yet');
  await page.click('[data-test="status-apply"]');
  await flashOk(page);
  await page.waitForFunction((name) =>
    document.querySelector('[data-test="order-status"]')?.textContent === name, cancelledName);
  await page.locator('[data-test="order-stock-moves"] [data-test="stock-move-delta"]', { hasText: '+' }).first().waitFor();
  await clearFlash(page);
  await page.selectOption('[data-test="status-select"]', target.value);
  await page.click('[data-test="status-apply"]');
  await flashOk(page);
  await page.waitForFunction((name) =>
    document.querySelector('[data-test="order-status"]')?.textContent === name, target.text);
  assert.equal(await page.locator('[data-test="order-stock-moves"] [data-test="stock-move-delta"]', { hasText: '+' }).count(), 1);
  await clearFlash(page);

  // Shipment (tracking number).
  state.tracking = `BLC${Date.now()}`;
  await page.fill('[data-test="shipment-number"]', state.tracking);
  await page.fill('[data-test="shipment-carrier"]', 'InPost');
  await page.fill('[data-test="shipment-url"]', `https://inpost.pl/sledzenie-przesylek?number=${state.tracking}`);
  await page.click('[data-test="shipment-add"]');
  await flashOk(page);
  await page.locator('[data-test="shipment-row-number"]', { hasText: state.tracking }).waitFor();
  await clearFlash(page);

  // Paid.
  await page.click('[data-test="mark-paid"]');
  await flashOk(page);
  await page.locator('[data-test="mark-unpaid"]').waitFor();
  await clearFlash(page);

  // Staff comment.
  await page.fill('[data-test="comment-text"]', 'Wysłano kurierem <InPost> — sprawdzone.');
  await page.click('[data-test="comment-add"]');
  await flashOk(page);
  await page.locator('[data-test="staff-comments"]', { hasText: 'Wysłano kurierem <InPost>' }).waitFor();

  // The history names the staff member.
  assert.match(await page.textContent('[data-test="order-history"]'), new RegExp(`admin:${USER}`));
  assert.equal(await page.textContent('[data-test="order-tracking"]'), state.tracking);
  await assertNoOverflow(page, 'order detail after the changes');
  await shot(page, '06-order-detail-after-changes');
});

test('products: inline stock and price edit reach the connector', { timeout: 90000 }, async () => {
  await go(page, '#/products', 'page-products');
  const ids = await page.$$eval('[data-test="products-table"] tbody tr',
    (rows) => rows.map((r) => r.getAttribute('data-test').replace('product-row-', '')));
  assert.ok(ids.length > 0, 'products listed');
  const quantities = await connector('ProductsQuantity');
  const simple = ids.find((id) => quantities[id] && Object.keys(quantities[id]).length === 1);
  assert.ok(simple, 'a product without variants on the first page');
  const row = page.locator(`[data-test="product-row-${simple}"]`);
  await row.locator('[data-test="row-stock"]').fill('37');
  await row.locator('[data-test="row-price"]').fill('123.45');
  await row.locator('[data-test="row-save"]').click();
  await flashOk(page);
  await assertNoOverflow(page, 'products');
  await shot(page, '07-products');
  const after = await connector('ProductsQuantity');
  assert.equal(Number(after[simple]['0']), 37, 'BaseLinker sees the new stock');
  const prices = await connector('ProductsPrices');
  assert.equal(Number(prices[simple]['0']), 123.45, 'BaseLinker sees the new price');

  // A product with variants: its stock is edited per variant on the detail page. In the list
  // its stock input is locked (at once, or after the API's 422) and links to the variants.
  const withVariants = ids.find((id) => after[id] && Object.keys(after[id]).length > 1) ||
    Object.keys(after).find((id) => id !== 'pages' && Object.keys(after[id]).length > 1);
  if (withVariants && ids.includes(withVariants)) {
    const vrow = page.locator(`[data-test="product-row-${withVariants}"]`);
    if (!(await vrow.locator('[data-test="row-stock"]').isDisabled())) {
      await clearFlash(page);
      await vrow.locator('[data-test="row-stock"]').fill('3');
      await vrow.locator('[data-test="row-save"]').click();
      await page.locator('[data-test="flash-error"]', { hasText: /warianty|variants/ }).waitFor();
      assert.ok(await vrow.locator('[data-test="row-stock"]').isDisabled());
    }
    await vrow.locator('[data-test="row-variants"]').click();
    await page.locator('[data-test="page-products-detail"]').waitFor();
    const unchanged = await connector('ProductsQuantity');
    assert.deepEqual(unchanged[withVariants], after[withVariants], 'refused change wrote nothing');
  }
  const detailId = withVariants || simple;
  await go(page, `#/products/${detailId}`, 'page-products-detail');
  if (withVariants) {
    const variantRow = page.locator('[data-test^="variant-row-"]').first();
    const vid = (await variantRow.getAttribute('data-test')).replace('variant-row-', '');
    await page.fill(`[data-test="variant-${vid}-stock"]`, '5');
    await page.click(`[data-test="variant-${vid}-save"]`);
    await flashOk(page);
    await page.locator(`[data-test="variant-${vid}-stock"]`).waitFor();
    const stock = await connector('ProductsQuantity');
    assert.equal(Number(stock[withVariants][vid]), 5, 'BaseLinker sees the variant stock');
    const sum = Object.entries(stock[withVariants]).filter(([k]) => k !== '0').reduce((a, [, v]) => a + Number(v), 0);
    assert.equal(Number(stock[withVariants]['0']), sum, 'product stock = sum of the variants');
    assert.ok(await page.locator('[data-test="product-stock"]').isDisabled(), 'own stock locked');
  }
  await assertNoOverflow(page, 'product detail');
  await shot(page, '08-product-detail');
});

test('settings: policy form, lists, a new delivery method', { timeout: 60000 }, async () => {
  await go(page, '#/settings', 'page-settings');
  assert.ok(await page.locator('[data-test="policy-form"]').isVisible());
  assert.ok(await page.locator('[data-test="statuses"] tbody tr').count() > 0);
  const name = 'Kurier testowy <i>pilny</i>';
  await page.fill('[data-test="delivery-new-name"]', name);
  await page.click('[data-test="delivery-add"]');
  await flashOk(page);
  await page.locator('[data-test="delivery"] input[data-test="delivery-name"]').last().waitFor();
  const names = await page.$$eval('[data-test="delivery-name"]', (inputs) => inputs.map((i) => i.value));
  assert.ok(names.includes(name), names.join(' | '));
  const methods = await connector('DeliveryMethodsList');
  assert.ok(JSON.stringify(methods).includes('Kurier testowy'), 'BaseLinker sees the new delivery method');
  await assertNoOverflow(page, 'settings');
  await shot(page, '09-settings');
});

test('journal: filter by action and open an entry', { timeout: 60000 }, async () => {
  await go(page, '#/journal', 'page-journal');
  await page.fill('[data-test="filter-action"]', 'OrderAdd');
  await page.click('[data-test="filter-apply"]');
  await page.waitForURL(/action=OrderAdd/);
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-test="journal-table"] td[data-col="action"]')];
    return cells.length > 0 && cells.every((td) => td.textContent === 'OrderAdd');
  });
  const link = page.locator('[data-test="journal-link"]').first();
  await link.waitFor();
  const actions = await page.$$eval('[data-test="journal-table"] td[data-col="action"]', (tds) => tds.map((td) => td.textContent));
  assert.ok(actions.length > 0 && actions.every((a) => a === 'OrderAdd'), actions.join(','));
  await assertNoOverflow(page, 'journal');
  await shot(page, '10-journal');
  await link.click();
  await page.locator('[data-test="page-journal-detail"]').waitFor();
  assert.equal((await page.textContent('[data-test="entry-action"]')).trim(), 'OrderAdd');
  assert.ok(await page.locator('[data-test="entry-detail"]').isVisible());
  await assertNoOverflow(page, 'journal entry');
  await shot(page, '11-journal-entry');
});

test('phone size: orders and order detail as stacked cards, menu, English', { timeout: 90000 }, async () => {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'pl-PL',
    storageState: await context.storageState(),
  });
  watch(phone);
  try {
    const p = await phone.newPage();
    p.setDefaultTimeout(15000);
    await go(p, '#/orders?origin=baselinker', 'page-orders');
    await p.locator(`[data-test="order-row-${ORDER_ID}"]`).waitFor();
    // Cards: the table header is hidden and each cell carries its label.
    assert.equal(await p.locator('[data-test="orders-table"] thead').isVisible(), false);
    assert.equal(await p.locator('[data-test="nav-orders"]').isVisible(), false, 'menu collapsed');
    await assertNoOverflow(p, 'phone orders');
    await shot(p, '12-phone-orders');

    await go(p, `#/orders/${ORDER_ID}`, 'page-orders-detail');
    await assertNoOverflow(p, 'phone order detail');
    await shot(p, '13-phone-order-detail');

    await p.click('[data-test="nav-toggle"]');
    await p.locator('[data-test="nav-orders"]').waitFor();
    await shot(p, '14-phone-menu');
    await p.click('[data-test="nav-orders"]');

    // Language switch, remembered across a reload.
    await p.selectOption('[data-test="lang-switch"]', 'en');
    await p.locator('[data-test="page-orders"]').waitFor();
    await p.reload();
    await p.locator('[data-test="page-orders"]').waitFor();
    assert.equal((await p.textContent('[data-test="nav-orders"]')).trim(), 'Orders');
    await go(p, `#/orders/${ORDER_ID}`, 'page-orders-detail');
    assert.ok(await p.locator('[data-test="mark-unpaid"]').isVisible());
    assert.match(await p.textContent('[data-test="order-actions"]'), /Mark as unpaid/);
    await assertNoOverflow(p, 'phone order detail (English)');
    await shot(p, '15-phone-order-detail-en');
  } finally {
    await phone.close();
  }
});

test('BaseLinker sees exactly the new status, the tracking number and paid (OrdersGet)', { timeout: 30000 }, async () => {
  const data = await connector('OrdersGet', { order_id: ORDER_ID });
  const order = data[ORDER_ID];
  assert.ok(order, `OrdersGet order_id=${ORDER_ID}: ${JSON.stringify(data)}`);
  assert.equal(String(order.status_id), state.statusId);
  assert.equal(order.delivery_package_nr, state.tracking);
  assert.equal(Number(order.paid), 1);
  assert.ok(Number(order.paid_time) > 0);
  assert.match(order.admin_comments || '', /Wysłano kurierem <InPost>/);
});

test('settings: save the orders policy, revert to the config file, rotate the password', { timeout: 60000 }, async () => {
  await go(page, '#/settings', 'page-settings');
  const source = () => page.getAttribute('[data-test="policy-source"] .badge', 'class');
  assert.match(await source(), /badge-ok/, 'starts from the config file');
  await page.uncheck('[data-test="policy-accept-paid"]');
  await page.click('[data-test="policy-save"]');
  await flashOk(page);
  await page.waitForFunction(() => document.querySelector('[data-test="policy-source"] .badge-warn'));
  assert.equal(await page.isChecked('[data-test="policy-accept-paid"]'), false);
  await clearFlash(page);
  // Revert asks for a second click.
  await page.click('[data-test="policy-revert"]');
  await page.click('[data-test="policy-revert"]');
  await flashOk(page);
  await page.waitForFunction(() => document.querySelector('[data-test="policy-source"] .badge-ok'));
  assert.equal(await page.isChecked('[data-test="policy-accept-paid"]'), true);
  await clearFlash(page);

  // A new connector password, shown once; from then on only it works.
  await page.click('[data-test="password-rotate"]');
  await page.click('[data-test="password-rotate"]');
  await flashOk(page);
  const fresh = (await page.textContent('[data-test="new-password"]')).trim();
  assert.equal(fresh.length, 32);
  await assertNoOverflow(page, 'settings with the new password');
  await shot(page, '17-settings-new-password');
  const old = await connectorRaw('FileVersion', {}, CONNECTOR_PASSWORD);
  assert.equal(old.error_code, 'incorrect_password');
  connectorPassword = fresh;
  const version = await connector('FileVersion');
  assert.equal(version.platform, 'blconnect');
});

test('a held price batch raises the dashboard alarm; discarding it changes nothing', { timeout: 60000 }, async () => {
  const prices = await connector('ProductsPrices');
  const id = Object.keys(prices).find((k) => k !== 'pages' && Number(prices[k]['0']) > 0);
  assert.ok(id, 'a product with a price');
  const was = Number(prices[id]['0']);
  const products = JSON.stringify([{ product_id: id, price: (was * 1000).toFixed(2) }]);
  const held = await connectorRaw('ProductsPriceUpdate', { products });
  assert.equal(held.error_code, 'mass_change_held', JSON.stringify(held));

  await go(page, '#/dashboard', 'page-dashboard');
  await page.locator('[data-test="warning-mass_change_held"]').waitFor();
  await shot(page, '16a-dashboard-held');
  await page.click('[data-test="held-link"]');
  await page.locator('[data-test="page-held"]').waitFor();
  const row = page.locator('[data-test^="held-row-"]').first();
  assert.match(await row.textContent(), /1 z 1 cen zmieniłoby się/);  // in the panel's language
  await row.click();
  await page.locator('[data-test="page-held-detail"]').waitFor();
  assert.match(await page.textContent('[data-test="held-entries"]'), new RegExp(`#${id}`));
  await assertNoOverflow(page, 'held change');
  await shot(page, '16b-held-change');
  // Discard asks for a second click.
  await page.click('[data-test="held-discard"]');
  await page.click('[data-test="held-discard"]');
  await flashOk(page);
  await page.waitForFunction(() => !document.querySelector('[data-test="held-discard"]'));
  assert.match(await page.textContent('[data-test="held-decided"]'), new RegExp(`admin:${USER}`));
  await clearFlash(page);
  const after = await connector('ProductsPrices');
  assert.equal(Number(after[id]['0']), was, 'BaseLinker still sees the old price');
  await go(page, '#/dashboard', 'page-dashboard');
  assert.equal(await page.locator('[data-test="warning-mass_change_held"]').count(), 0);
});

test('order inbox: an order with an unknown product is held, bound in the panel and released', { timeout: 90000 }, async () => {
  // The policy that holds such orders, chosen in the settings form (the launcher's config keeps them).
  await go(page, '#/settings', 'page-settings');
  await page.selectOption('[data-test="policy-unknown-products"]', 'hold');
  await page.click('[data-test="policy-save"]');
  await flashOk(page);
  await clearFlash(page);

  const stockOf = async () => Number((await connector('ProductsQuantity'))[ORDER_PRODUCT_ID]['0']);
  const before = await stockOf();
  const blId = String(80000000 + Math.floor(Math.random() * 1000000));
  const added = await connector('OrderAdd', {
    baselinker_id: blId, delivery_fullname: 'Tomasz Wstrzymany', email: 'tomasz@example.pl',
    currency: 'PLN', delivery_price: '0', change_products_quantity: '1',
    products: JSON.stringify([{ id: '', variant_id: '0', sku: 'NIE-MA-TAKIEGO', name: 'Kubek spoza katalogu', price: '20.00', quantity: '2', tax: '23' }]),
  });
  const heldId = String(added.order_id);
  assert.ok(Number(heldId) > 0, JSON.stringify(added));
  assert.equal(await stockOf(), before, 'a held order takes no stock');

  // The dashboard's alarm leads to the orders that need attention.
  await go(page, '#/dashboard', 'page-dashboard');
  await page.locator('[data-test="warning-orders_on_hold"]').waitFor();
  assert.match(await page.textContent('[data-test="count-on-hold"]'), /1/);
  await shot(page, '18a-dashboard-on-hold');
  await page.click('[data-test="on-hold-link"]');
  await page.waitForURL(/held=true/);
  const row = page.locator(`[data-test="order-row-${heldId}"]`);
  await row.waitFor();
  assert.ok(await row.locator('[data-test="held"]').isVisible(), 'held marker');
  const marked = await page.$$eval('[data-test="orders-table"] tbody tr', (rows) =>
    rows.map((r) => !!r.querySelector('[data-test="held"]')));
  assert.deepEqual(marked, [true], 'only the held order is listed');
  await shot(page, '18b-orders-on-hold');

  await row.locator('[data-test="order-link"]').click();
  const banner = page.locator('[data-test="hold-banner"]');
  await banner.waitFor();
  assert.match(await page.textContent('[data-test="hold-problems"]'), /Pozycja 1: brak produktu w katalogu/);
  await assertNoOverflow(page, 'held order');
  await shot(page, '18c-held-order');
  // Release is refused while line 1 binds to nothing.
  await page.click('[data-test="hold-release"]');
  await page.locator('[data-test="flash-error"]').waitFor();
  await clearFlash(page);

  await page.fill('[data-test="bind-product-1"]', ORDER_PRODUCT_ID);
  await page.click('[data-test="bind-save-1"]');
  await flashOk(page);
  await page.locator('[data-test="problem-resolved"]').waitFor();
  assert.match(await page.textContent('[data-test="hold-release"]'), /2/, 'says how many units it takes');
  await clearFlash(page);
  await page.click('[data-test="hold-release"]');
  assert.match(await flashOk(page), /Nowe/);
  await page.locator('[data-test="hold-released"]').waitFor();
  await shot(page, '18d-released');

  // BaseLinker sees the default status; the stock was taken at release.
  const seen = await connector('OrdersGet', { order_id: heldId });
  assert.equal(seen[heldId].status_id, '1');
  assert.equal(await stockOf(), Math.max(0, before - 2));
  await go(page, '#/dashboard', 'page-dashboard');
  assert.equal(await page.locator('[data-test="warning-orders_on_hold"]').count(), 0);

  // Back to the config file's policy for the steps after this one.
  await go(page, '#/settings', 'page-settings');
  await page.click('[data-test="policy-revert"]');
  await page.click('[data-test="policy-revert"]');
  await flashOk(page);
  await clearFlash(page);
});

test('logout ends the session', { timeout: 30000 }, async () => {
  await go(page, '#/dashboard', 'page-dashboard');
  await page.click('[data-test="logout"]');
  await page.locator('[data-test="login-form"]').waitFor();
  await page.goto(PANEL + '#/orders');
  await page.locator('[data-test="login-form"]').waitFor();
});

test('too many wrong logins show the throttling message (429)', { timeout: 60000 }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  watch(ctx);
  try {
    const p = await ctx.newPage();
    p.setDefaultTimeout(15000);
    await p.goto(PANEL);
    await p.locator('[data-test="login-form"]').waitFor();
    let message = '';
    for (let i = 0; i < 30 && !/Zbyt wiele|Too many/.test(message); i++) {
      await p.fill('[data-test="login-username"]', 'nobody-here');
      await p.fill('[data-test="login-password"]', `wrong-password-${i}`);
      await p.click('[data-test="login-submit"]');
      await p.waitForFunction(() => !document.querySelector('[data-test="login-submit"]').disabled);
      message = (await p.textContent('[data-test="login-error"]')) || '';
    }
    assert.match(message, /Zbyt wiele nieudanych prób logowania|Too many failed sign-ins/);
    await shot(p, '16-login-throttled');
  } finally {
    await ctx.close();
  }
});

test('no console errors, no request left this machine, no dialogs', () => {
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(dialogs, []);
});
