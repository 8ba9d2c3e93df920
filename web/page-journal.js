// Journal: the connector's request log with filters and one entry with its recorded detail.
import { h, fmtTimeMs, fmtNumber, table, badge, field, dl, jsonBlock, localDateTimeMs, orDash } from './dom.js';
import { t } from './i18n.js';
import { get } from './api.js';
import { pageHeader, section, navigate, pager } from './ui.js';

const ACTIONS = ['FileVersion', 'SupportedMethods', 'ProductsCategories', 'ProductsList', 'ProductsData',
  'ProductsQuantity', 'ProductsPrices', 'ProductsQuantityUpdate', 'ProductsPriceUpdate', 'ProductAdd',
  'OrdersGet', 'OrderAdd', 'OrderUpdate', 'StatusesList', 'DeliveryMethodsList', 'PaymentMethodsList'];
const OUTCOMES = ['ok', 'no_password', 'incorrect_password', 'unsupported_action', 'invalid_parameter',
  'unknown_product', 'internal_error', 'forbidden', 'rate_limited', 'request_too_large'];
const FILTERS = ['from', 'to', 'action', 'outcome', 'errors'];

export function outcomeBadge(outcome) {
  return badge(outcome || '—', outcome === 'ok' ? 'ok' : 'bad', 'outcome');
}

function fmtDuration(us) {
  if (us === null || us === undefined) return '—';
  return us < 1000 ? `${us} µs` : `${(us / 1000).toFixed(1)} ms`;
}

export async function renderJournal(ctx) {
  const p = ctx.params;
  const filters = {};
  for (const key of FILTERS) filters[key] = p.get(key) || '';
  const cursor = p.get('cursor') || '';
  const page = await get('/journal', {
    from: localDateTimeMs(filters.from), to: localDateTimeMs(filters.to),
    action: filters.action, outcome: filters.outcome, errors: filters.errors === 'true' ? 'true' : '',
    limit: 50, cursor,
  });

  const actionList = h('datalist', { id: 'journal-actions' }, ACTIONS.map((a) => h('option', { value: a })));
  const outcomeList = h('datalist', { id: 'journal-outcomes' }, OUTCOMES.map((o) => h('option', { value: o })));
  const controls = {
    from: h('input', { type: 'datetime-local', value: filters.from, 'data-test': 'filter-from' }),
    to: h('input', { type: 'datetime-local', value: filters.to, 'data-test': 'filter-to' }),
    action: h('input', { list: 'journal-actions', value: filters.action, 'data-test': 'filter-action', autocomplete: 'off' }),
    outcome: h('input', { list: 'journal-outcomes', value: filters.outcome, 'data-test': 'filter-outcome', autocomplete: 'off' }),
    errors: h('input', { type: 'checkbox', checked: filters.errors === 'true', 'data-test': 'filter-errors' }),
  };
  const form = h('form', { class: 'filters', 'data-test': 'journal-filters' },
    actionList, outcomeList,
    field(t('journal.from'), controls.from),
    field(t('journal.to'), controls.to),
    field(t('journal.action'), controls.action),
    field(t('journal.outcome'), controls.outcome),
    h('label', { class: 'check' }, controls.errors, h('span', { text: t('journal.errors_only') })),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'filter-apply', text: t('apply') }),
      h('button', { type: 'button', class: 'btn', 'data-test': 'filter-reset', text: t('reset'), on: { click: () => navigate('/journal') } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('/journal', {
      from: controls.from.value, to: controls.to.value, action: controls.action.value.trim(),
      outcome: controls.outcome.value.trim(), errors: controls.errors.checked ? 'true' : '',
    });
  });
  controls.errors.addEventListener('change', () => form.requestSubmit());

  const items = page.items || [];
  const list = table([
    { key: 'at', label: t('journal.at'), cell: (e) => h('a', { href: `#/journal/${e.id}`, 'data-test': 'journal-link', text: fmtTimeMs(e.at_ms) }) },
    { key: 'action', label: t('journal.action'), cell: (e) => orDash(e.action) },
    { key: 'outcome', label: t('journal.outcome'), cell: (e) => outcomeBadge(e.outcome) },
    { key: 'http', label: 'HTTP', class: 'num', cell: (e) => e.http_status },
    { key: 'duration', label: t('journal.duration'), class: 'num', cell: (e) => fmtDuration(e.duration_us) },
    { key: 'bytes', label: t('journal.bytes'), class: 'num', cell: (e) => fmtNumber(e.response_bytes) },
    { key: 'client', label: t('journal.client'), cell: (e) => orDash(e.client) },
    { key: 'request', label: t('journal.request_id'), cell: (e) => h('code', { text: e.request_id || '—' }) },
  ], items, {
    test: 'journal-table',
    rowTest: (e) => `journal-row-${e.id}`,
    onRow: (e) => navigate(`/journal/${e.id}`),
    rowClass: (e) => (e.outcome !== 'ok' ? 'row-warn' : ''),
    empty: t('journal.none'),
  });
  const paging = pager({
    key: 'journal:' + FILTERS.map((k) => filters[k]).join('|'),
    cursor, next: page.next_cursor, count: items.length,
    onPage: (c) => navigate('/journal', { ...filters, cursor: c }),
  });
  return h('div', null, pageHeader(t('nav.journal')), form, list, paging);
}

export async function renderJournalEntry(ctx, id) {
  const e = await get(`/journal/${encodeURIComponent(id)}`);
  return h('div', null,
    pageHeader(t('journal.entry', e.id),
      h('a', { class: 'btn btn-ghost back', href: '#/journal', text: t('back_to_list') })),
    section(null, dl([
      ['at', t('journal.at'), fmtTimeMs(e.at_ms)],
      ['action', t('journal.action'), e.action],
      ['outcome', t('journal.outcome'), outcomeBadge(e.outcome)],
      ['http', 'HTTP', String(e.http_status)],
      ['duration', t('journal.duration'), fmtDuration(e.duration_us)],
      ['bytes', t('journal.bytes'), fmtNumber(e.response_bytes)],
      ['client', t('journal.client'), e.client],
      ['request', t('journal.request_id'), e.request_id],
    ], 'entry')),
    section(t('journal.detail'),
      e.detail === null || e.detail === undefined
        ? h('p', { class: 'muted', 'data-test': 'entry-detail', text: t('journal.no_detail') })
        : jsonBlock(e.detail, 'entry-detail')));
}
