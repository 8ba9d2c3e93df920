// Orders: the list with filters and cursor paging, and one order with its actions.
import {
  h, fmtTime, fmtMoney, orDash, table, badge, field, select, dl, localDayStart, localDayEnd,
} from './dom.js';
import { t, tOr } from './i18n.js';
import { get, put, post } from './api.js';
import { pageHeader, section, navigate, pager, flash, busy } from './ui.js';
import { holdSection } from './order-hold.js';

const ORDER_FILTERS = ['held', 'origin', 'status_id', 'paid', 'date_from', 'date_to', 'q'];

export async function loadStatuses() {
  const data = await get('/order-statuses');
  return data.items || [];
}

function originBadge(order) {
  return order.origin === 'baselinker'
    ? badge('BaseLinker', 'bl', 'origin-baselinker')
    : badge(t('orders.origin_shop'), 'shop', 'origin-shop');
}
function paidBadge(paid) {
  return paid ? badge(t('orders.paid_yes'), 'ok', 'paid-yes') : badge(t('orders.paid_no'), 'warn', 'paid-no');
}
function heldBadge(order) {
  return order.held ? badge(t('orders.held_badge'), 'bad', 'held') : null;
}
function oversoldBadge(units) {
  return units > 0 ? badge(t('orders.oversold_units', units), 'bad', 'oversold') : null;
}

export async function renderOrders(ctx) {
  const p = ctx.params;
  const filters = {};
  for (const key of ORDER_FILTERS) filters[key] = p.get(key) || '';
  const cursor = p.get('cursor') || '';
  const query = {
    held: filters.held, origin: filters.origin, status_id: filters.status_id, paid: filters.paid, q: filters.q,
    date_from: localDayStart(filters.date_from), date_to: localDayEnd(filters.date_to),
    limit: 25, cursor,
  };
  const [statuses, page] = await Promise.all([loadStatuses(), get('/orders', query)]);

  const form = h('form', { class: 'filters', 'data-test': 'orders-filters' });
  const controls = {
    held: select({ name: 'held', 'data-test': 'filter-held' },
      [['', t('all')], ['true', t('orders.held_only')], ['false', t('orders.held_none')]], filters.held),
    origin: select({ name: 'origin', 'data-test': 'filter-origin' },
      [['', t('all')], ['shop', t('orders.origin_shop')], ['baselinker', 'BaseLinker']], filters.origin),
    status_id: select({ name: 'status_id', 'data-test': 'filter-status' },
      [['', t('all')], ...statuses.map((s) => [s.id, s.name])], filters.status_id),
    paid: select({ name: 'paid', 'data-test': 'filter-paid' },
      [['', t('all')], ['true', t('orders.paid_yes')], ['false', t('orders.paid_no')]], filters.paid),
    date_from: h('input', { type: 'date', name: 'date_from', value: filters.date_from, 'data-test': 'filter-date-from' }),
    date_to: h('input', { type: 'date', name: 'date_to', value: filters.date_to, 'data-test': 'filter-date-to' }),
    q: h('input', { type: 'search', name: 'q', value: filters.q, 'data-test': 'filter-q', placeholder: t('orders.search_hint') }),
  };
  form.append(
    field(t('orders.attention'), controls.held),
    field(t('orders.origin'), controls.origin),
    field(t('orders.status'), controls.status_id),
    field(t('orders.paid'), controls.paid),
    field(t('date_from'), controls.date_from),
    field(t('date_to'), controls.date_to),
    field(t('search'), controls.q, 'field-wide'),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'filter-apply', text: t('apply') }),
      h('button', { type: 'button', class: 'btn', 'data-test': 'filter-reset', text: t('reset'), on: { click: () => navigate('/orders') } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {};
    for (const key of ORDER_FILTERS) next[key] = controls[key].value.trim();
    navigate('/orders', next);
  });
  // Selects apply at once.
  for (const key of ['held', 'origin', 'status_id', 'paid']) {
    controls[key].addEventListener('change', () => form.requestSubmit());
  }

  const items = page.items || [];
  const list = table([
    { key: 'id', label: t('orders.id'), cell: (o) => h('a', { href: `#/orders/${o.id}`, 'data-test': 'order-link', text: `#${o.id}` }) },
    { key: 'date', label: t('orders.date'), cell: (o) => fmtTime(o.date_add) },
    { key: 'origin', label: t('orders.origin'), cell: (o) => h('span', { class: 'stack' }, originBadge(o), o.baselinker_id ? h('small', { class: 'muted', text: `BL ${o.baselinker_id}` }) : null) },
    { key: 'buyer', label: t('orders.buyer'), cell: (o) => orDash(o.buyer) },
    { key: 'status', label: t('orders.status'), cell: (o) => h('span', { class: 'stack' }, h('span', { 'data-test': 'order-status', text: o.status ? o.status.name : '—' }), heldBadge(o)) },
    { key: 'paid', label: t('orders.paid'), cell: (o) => paidBadge(o.paid) },
    { key: 'total', label: t('orders.total'), class: 'num', cell: (o) => fmtMoney(o.total, o.currency) },
    { key: 'tracking', label: t('orders.tracking'), cell: (o) => orDash(o.tracking) },
    { key: 'oversold', label: t('orders.oversold'), cell: (o) => oversoldBadge(o.oversold) || '' },
  ], items, {
    test: 'orders-table',
    rowTest: (o) => `order-row-${o.id}`,
    onRow: (o) => navigate(`/orders/${o.id}`),
    rowClass: (o) => (o.held ? 'row-warn' : (o.oversold > 0 ? 'row-bad' : '')),
    empty: t('orders.none'),
  });

  const paging = pager({
    key: 'orders:' + ORDER_FILTERS.map((k) => filters[k]).join('|'),
    cursor, next: page.next_cursor, count: items.length,
    onPage: (c) => navigate('/orders', { ...filters, cursor: c }),
  });
  return h('div', null, pageHeader(t('nav.orders')), form, list, paging);
}

function address(a) {
  if (!a) return '—';
  const lines = [a.fullname, a.company, a.address, [a.postcode, a.city].filter(Boolean).join(' '),
    a.state_code, [a.country, a.country_code ? `(${a.country_code})` : ''].filter(Boolean).join(' ')]
    .filter((x) => x && String(x).trim() !== '');
  if (lines.length === 0) return '—';
  return h('address', null, lines.map((line, i) => [i ? h('br') : null, line]));
}

function attributes(attrs) {
  if (!attrs || attrs.length === 0) return null;
  return h('ul', { class: 'attrs' }, attrs.map((a) => h('li', {
    text: `${a.name}: ${a.value}${a.price && a.price !== '0.00' ? ` (+${a.price})` : ''}`,
  })));
}

export async function renderOrder(ctx, id) {
  const [order, statuses] = await Promise.all([get(`/orders/${encodeURIComponent(id)}`), loadStatuses()]);
  const cur = order.currency;
  const reload = () => ctx.rerender();
  const act = async (button, fn, okText) => {
    const result = await busy(button, fn);
    if (result !== undefined) {
      flash('ok', result && result.result === 'unchanged' ? t('order.unchanged') : okText);
      reload();
    }
  };

  // --- actions ---
  // A held order moves on by release; of the statuses, only a cancelled one applies to it.
  const offered = order.held
    ? statuses.filter((s) => s.cancelled || (order.status && s.id === order.status.id)) : statuses;
  const statusSelect = select({ 'data-test': 'status-select', 'aria-label': t('order.new_status') },
    offered.map((s) => [s.id, s.name + (s.cancelled ? ` (${t('settings.cancelled')})` : '')]),
    order.status ? order.status.id : '');
  const statusBtn = h('button', { type: 'button', class: 'btn btn-primary', 'data-test': 'status-apply', text: t('order.change_status') });
  // A status flagged cancelled gives back what the order holds: the first click says how much,
  // the second saves (as the settings page's irreversible buttons do).
  const cancelling = new Set(statuses.filter((s) => s.cancelled).map((s) => String(s.id)));
  let armed = false;
  const disarm = () => {
    armed = false;
    statusBtn.textContent = t('order.change_status');
    statusBtn.classList.remove('btn-danger');
    delete statusBtn.dataset.confirm;
  };
  statusSelect.addEventListener('change', disarm);
  statusBtn.addEventListener('click', () => {
    const held = order.stock_held || 0;
    if (!armed && held > 0 && cancelling.has(statusSelect.value)) {
      armed = true;
      statusBtn.textContent = t('order.cancel_confirm', held);
      statusBtn.classList.add('btn-danger');
      statusBtn.dataset.confirm = 'armed';
      return;
    }
    disarm();
    act(statusBtn, async () => {
      const r = await put(`/orders/${order.id}/status`, { status_id: Number(statusSelect.value) });
      return r || {};
    }, t('order.status_changed'));
  });

  const shipNumber = h('input', { name: 'number', required: true, maxlength: 100, 'data-test': 'shipment-number' });
  const shipCarrier = h('input', { name: 'carrier', 'data-test': 'shipment-carrier' });
  const shipUrl = h('input', { name: 'url', type: 'url', 'data-test': 'shipment-url', placeholder: 'https://' });
  const shipBtn = h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'shipment-add', text: t('order.add_shipment') });
  const shipForm = h('form', { class: 'form-grid', 'data-test': 'shipment-form' },
    field(t('order.tracking_number'), shipNumber),
    field(t('order.carrier'), shipCarrier),
    field(t('order.tracking_url'), shipUrl, 'field-wide'),
    h('div', { class: 'form-actions' }, shipBtn));
  shipForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!shipNumber.value.trim()) { flash('error', t('order.number_required')); shipNumber.focus(); return; }
    const body = { number: shipNumber.value.trim() };
    if (shipCarrier.value.trim()) body.carrier = shipCarrier.value.trim();
    if (shipUrl.value.trim()) body.url = shipUrl.value.trim();
    act(shipBtn, async () => (await post(`/orders/${order.id}/shipments`, body)) || {}, t('order.shipment_added'));
  });

  const paidBtn = h('button', {
    type: 'button', class: 'btn' + (order.paid ? '' : ' btn-primary'),
    'data-test': order.paid ? 'mark-unpaid' : 'mark-paid',
    text: order.paid ? t('order.mark_unpaid') : t('order.mark_paid'),
  });
  paidBtn.addEventListener('click', () => act(paidBtn,
    async () => (await put(`/orders/${order.id}/paid`, { paid: !order.paid })) || {},
    order.paid ? t('order.marked_unpaid') : t('order.marked_paid')));

  const comment = h('textarea', { rows: 3, maxlength: 2000, 'data-test': 'comment-text', 'aria-label': t('order.comment') });
  const commentBtn = h('button', { type: 'submit', class: 'btn', 'data-test': 'comment-add', text: t('order.add_comment') });
  const commentForm = h('form', { class: 'stack-form', 'data-test': 'comment-form' }, comment, h('div', { class: 'form-actions' }, commentBtn));
  commentForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = comment.value.trim();
    if (!text) { flash('error', t('order.comment_required')); comment.focus(); return; }
    act(commentBtn, async () => (await post(`/orders/${order.id}/comments`, { text })) || {}, t('order.comment_added'));
  });

  const actions = section(t('order.actions'),
    h('div', { class: 'action-block' }, h('h3', { text: t('order.status') }),
      h('div', { class: 'inline-form' }, statusSelect, statusBtn)),
    h('div', { class: 'action-block' }, h('h3', { text: t('order.payment') }),
      h('div', { class: 'inline-form' }, paidBadge(order.paid), paidBtn)),
    h('div', { class: 'action-block' }, h('h3', { text: t('order.new_shipment') }), shipForm),
    h('div', { class: 'action-block' }, h('h3', { text: t('order.staff_comment') }), commentForm));
  actions.dataset.test = 'order-actions';

  // --- details ---
  const dm = order.delivery_method || {};
  const pm = order.payment_method || {};
  const summary = section(null,
    dl([
      ['status', t('order.status'), h('strong', { text: order.status ? order.status.name : '—' })],
      ['paid', t('orders.paid'), h('span', null, paidBadge(order.paid), order.paid_time ? ` ${fmtTime(order.paid_time)}` : '')],
      ['date', t('orders.date'), fmtTime(order.date_add)],
      ['origin', t('orders.origin'), h('span', null, originBadge(order), order.baselinker_id ? ` BaseLinker #${order.baselinker_id}` : '')],
      ['total', t('orders.total'), h('strong', { text: fmtMoney(order.total, cur) })],
      ['tracking', t('orders.tracking'), order.shipments && order.shipments.length ? order.shipments[order.shipments.length - 1].number : '—'],
    ], 'order'));

  const buyer = section(t('order.buyer'), dl([
    ['email', t('order.email'), order.email],
    ['phone', t('order.phone'), order.phone],
    ['login', t('order.client_login'), order.client_login],
    ['transaction', t('order.transaction_id'), order.transaction_id],
    ['service_account', t('order.service_account'), order.service_account],
    ['want_invoice', t('order.want_invoice'), order.want_invoice ? t('yes') : t('no')],
    ['nip', t('order.invoice_nip'), order.invoice_nip],
  ], 'buyer'));

  const pp = order.pickup_point;
  const hasPoint = pp && (pp.id || pp.name);
  const addresses = h('div', { class: 'cols' },
    section(t('order.delivery_address'), address(order.delivery)),
    section(t('order.invoice_address'), address(order.invoice)),
    section(t('order.pickup_point'), hasPoint ? dl([
      ['id', t('order.point_id'), pp.id],
      ['name', t('order.point_name'), pp.name],
      ['address', t('order.point_address'), [pp.address, [pp.postcode, pp.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    ], 'point') : h('p', { class: 'muted', text: t('order.no_point') })));

  const methods = section(t('order.methods'), dl([
    ['delivery', t('order.delivery_method'), dm.name ? `${dm.name}${dm.id ? ` (#${dm.id})` : ''}` : '—'],
    ['delivery_price', t('order.delivery_price'), fmtMoney(dm.price, cur)],
    ['payment', t('order.payment_method'), pm.name ? `${pm.name}${pm.id ? ` (#${pm.id})` : ''}` : '—'],
    ['cod', t('order.cod'), pm.cod ? t('yes') : t('no')],
  ], 'methods'));

  const lines = section(t('order.lines'), table([
    { key: 'name', label: t('order.product'), cell: (l) => h('div', null,
      l.product_id ? h('a', { href: `#/products/${l.product_id}`, text: l.name }) : h('span', { text: l.name }),
      l.product_id ? null : h('small', { class: 'muted block', text: t('order.free_line') }),
      attributes(l.attributes)) },
    { key: 'sku', label: 'SKU', cell: (l) => orDash(l.sku) },
    { key: 'ean', label: 'EAN', cell: (l) => orDash(l.ean) },
    { key: 'price', label: t('order.unit_price'), class: 'num', cell: (l) => fmtMoney(l.unit_price, cur) },
    { key: 'qty', label: t('order.quantity'), class: 'num', cell: (l) => String(l.quantity) },
    { key: 'tax', label: t('order.tax'), class: 'num', cell: (l) => (l.tax_rate !== undefined && l.tax_rate !== null ? `${l.tax_rate}%` : '—') },
    { key: 'stock', label: t('order.stock_taken'), class: 'num', cell: (l) => String(l.stock_taken ?? '—') },
    { key: 'oversold', label: t('orders.oversold'), cell: (l) => oversoldBadge(l.oversold) || '' },
  ], order.lines || [], { test: 'order-lines', rowClass: (l) => (l.oversold > 0 ? 'row-bad' : '') }),
  h('p', { class: 'totals' },
    t('order.delivery_price') + ': ', h('span', { text: fmtMoney(dm.price, cur) }), ' · ',
    t('orders.total') + ': ', h('strong', { 'data-test': 'order-total', text: fmtMoney(order.total, cur) })),
  order.stock_returned && !order.held ? h('p', { class: 'muted', text: t('order.stock_returned') }) : null);

  const shipments = section(t('order.shipments'), table([
    { key: 'number', label: t('order.tracking_number'), cell: (s) => h('span', { 'data-test': 'shipment-row-number', text: s.number }) },
    { key: 'carrier', label: t('order.carrier'), cell: (s) => orDash(s.carrier) },
    { key: 'url', label: t('order.tracking_url'), cell: (s) => (s.url && /^https?:\/\//i.test(s.url)
      ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', class: 'break', text: s.url }) : orDash(s.url)) },
    { key: 'created', label: t('order.created_at'), cell: (s) => fmtTime(s.created_at) },
  ], order.shipments || [], { test: 'order-shipments', empty: t('order.no_shipments') }));

  const history = section(t('order.history'), table([
    { key: 'at', label: t('order.when'), cell: (e) => fmtTime(e.at) },
    { key: 'change', label: t('order.change'), cell: (e) => `${e.from ? e.from.name : '—'} → ${e.to ? e.to.name : '—'}` },
    { key: 'actor', label: t('order.actor'), cell: (e) => h('code', { text: e.actor || '—' }) },
    { key: 'note', label: t('order.note'), cell: (e) => orDash(e.note) },
  ], order.history || [], { test: 'order-history', empty: t('order.no_history') }));

  const stockMoves = section(t('order.stock_moves'), table([
    { key: 'at', label: t('order.when'), cell: (m) => fmtTime(m.at) },
    { key: 'line', label: t('order.line'), class: 'num', cell: (m) => (m.line ? String(m.line) : '—') },
    { key: 'product', label: t('order.product'), cell: (m) => h('a', {
      href: `#/products/${m.product_id}`, text: m.variant_id ? `#${m.product_id} / ${m.variant_id}` : `#${m.product_id}` }) },
    { key: 'delta', label: t('order.delta'), class: 'num', cell: (m) => h('span', { 'data-test': 'stock-move-delta', text: m.delta > 0 ? `+${m.delta}` : String(m.delta) }) },
    { key: 'reason', label: t('order.reason'), cell: (m) => tOr(`reason.${m.reason}`, m.reason) },
    { key: 'actor', label: t('order.actor'), cell: (m) => h('code', { text: m.actor || '—' }) },
  ], order.stock_moves || [], { test: 'order-stock-moves', empty: t('order.no_stock_moves') }));

  const comments = section(t('order.comments'),
    h('h3', { text: t('order.user_comments') }),
    h('p', { class: 'prewrap', 'data-test': 'user-comments', text: order.user_comments || '—' }),
    h('h3', { text: t('order.staff_comments') }),
    (order.staff_comments && order.staff_comments.length)
      ? h('ul', { class: 'comments', 'data-test': 'staff-comments' }, order.staff_comments.map((c) => h('li', { class: 'prewrap', text: c })))
      : h('p', { class: 'muted', 'data-test': 'staff-comments', text: '—' }));

  const title = h('span', null, t('order.title', order.id));
  return h('div', { 'data-order-id': String(order.id) },
    pageHeader(title.textContent,
      h('div', { class: 'head-badges' }, originBadge(order), heldBadge(order), paidBadge(order.paid), oversoldBadge(order.oversold)),
      h('a', { class: 'btn btn-ghost back', href: '#/orders', text: t('back_to_list') })),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-summary' }, summary),
      h('div', { class: 'detail-side' }, actions),
      h('div', { class: 'detail-main' }, holdSection(order, reload), buyer, addresses, methods, lines, shipments, history, stockMoves, comments)));
}
