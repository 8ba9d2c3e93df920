// Dashboard: connection health (GET /health) and the latest journal entries.
import { h, fmtTimeMs, fmtAgo, fmtNumber, table, badge } from './dom.js';
import { t, tOr } from './i18n.js';
import { get } from './api.js';
import { pageHeader, section, navigate } from './ui.js';
import { outcomeBadge } from './page-journal.js';

function stat(label, value, test, warn) {
  return h('div', { class: 'stat' + (warn ? ' stat-warn' : ''), 'data-test': test },
    h('span', { class: 'stat-value', text: fmtNumber(value) }),
    h('span', { class: 'stat-label', text: label }));
}

export async function renderDashboard() {
  const [health, journal] = await Promise.all([
    get('/health'),
    get('/journal', { limit: 10 }),
  ]);
  const conn = health.connector || {};
  const orders = health.orders || {};
  const catalog = health.catalog || {};
  const warnings = health.warnings || [];

  const lastPoll = conn.last_orders_get_at_ms ?? null;
  // Known warnings are explained in the panel's language from the figures of /health; the
  // API's (English) message is shown only for codes this panel does not know.
  const details = {
    never_polled: () => t('warning.never_polled.detail'),
    orders_not_polled: () => t('warning.orders_not_polled.detail', lastPoll ? fmtAgo(lastPoll) : t('never')),
    oversold_orders: () => t('warning.oversold_orders.detail', fmtNumber(orders.with_oversells ?? 0)),
    orders_on_hold: () => h('a', { href: '#/orders?held=true', 'data-test': 'on-hold-link', text: t('warning.orders_on_hold.detail', fmtNumber(orders.on_hold ?? 0)) }),
    mass_change_held: () => h('a', { href: '#/held', 'data-test': 'held-link', text: t('warning.mass_change_held.detail') }),
  };
  const detail = (w) => (details[w.code] ? details[w.code]() : (w.message || ''));
  const warningBox = warnings.length
    ? h('ul', { class: 'warnings', 'data-test': 'health-warnings' },
      warnings.map((w) => h('li', { class: 'warning', 'data-test': `warning-${w.code}` },
        h('strong', { text: tOr(`warning.${w.code}`, w.code) }), ' ', h('span', null, detail(w)))))
    : h('p', { class: 'ok-line', 'data-test': 'health-ok', text: t('dash.no_warnings') });

  const connection = section(t('dash.connection'),
    h('div', { class: 'health-line' },
      badge(health.database === 'ok' ? t('dash.db_ok') : t('dash.db_down'),
        health.database === 'ok' ? 'ok' : 'bad', 'health-database'),
      h('span', { 'data-test': 'last-orders-get' },
        t('dash.last_orders_get') + ': ',
        h('strong', { text: lastPoll ? fmtAgo(lastPoll) : t('never') }),
        lastPoll ? h('span', { class: 'muted', text: ` (${fmtTimeMs(lastPoll)})` }) : null)),
    warningBox,
    table([
      { key: 'action', label: t('dash.action'), cell: (a) => a.action },
      { key: 'last_ok', label: t('dash.last_ok'), cell: (a) => (a.last_ok_at_ms ? `${fmtTimeMs(a.last_ok_at_ms)} (${fmtAgo(a.last_ok_at_ms)})` : t('never')) },
      { key: 'calls', label: t('dash.calls_24h'), class: 'num', cell: (a) => fmtNumber(a.calls_24h) },
    ], conn.actions || [], { test: 'health-actions', empty: t('dash.no_calls') }));

  const counts = section(t('dash.shop'),
    h('div', { class: 'stats' },
      stat(t('dash.products'), catalog.products, 'count-products'),
      stat(t('dash.categories'), catalog.categories, 'count-categories'),
      stat(t('dash.orders_total'), orders.total, 'count-orders'),
      stat(t('dash.on_hold'), orders.on_hold ?? 0, 'count-on-hold', orders.on_hold > 0),
      stat(t('dash.from_baselinker'), orders.from_baselinker, 'count-orders-bl'),
      stat(t('dash.from_shop'), orders.from_shop, 'count-orders-shop'),
      stat(t('dash.unpaid'), orders.unpaid, 'count-unpaid'),
      stat(t('dash.oversold'), orders.with_oversells, 'count-oversold', orders.with_oversells > 0),
      stat(t('dash.last_24h'), orders.last_24h, 'count-24h')));

  const recent = section(t('dash.recent'),
    table([
      { key: 'at', label: t('journal.at'), cell: (e) => fmtTimeMs(e.at_ms) },
      { key: 'action', label: t('journal.action'), cell: (e) => e.action || '—' },
      { key: 'outcome', label: t('journal.outcome'), cell: (e) => outcomeBadge(e.outcome) },
      { key: 'status', label: 'HTTP', class: 'num', cell: (e) => e.http_status },
      { key: 'client', label: t('journal.client'), cell: (e) => e.client },
    ], journal.items || [], {
      test: 'recent-journal',
      onRow: (e) => navigate(`/journal/${e.id}`),
      rowClass: (e) => (e.outcome !== 'ok' ? 'row-warn' : ''),
      empty: t('journal.none'),
    }),
    h('p', null, h('a', { href: '#/journal', text: t('dash.all_journal') })));

  return h('div', null,
    pageHeader(t('nav.dashboard')),
    h('div', { class: 'dash-grid' }, connection, counts),
    recent);
}
