// The order inbox on the order page: why BaseLinker's order is on hold, a small form per line to
// bind it to a product (or keep it free) and correct its quantity or price, and the Release
// button. Lines count from 1, as the API and the CLI count them.
import { h, fmtTime, badge, field, jsonBlock } from './dom.js';
import { t, tOr } from './i18n.js';
import { post } from './api.js';
import { section, flash, busy } from './ui.js';

function openBlocking(hold) {
  return (hold.problems || []).filter((p) => p.blocking && !p.resolved);
}

function problemItem(p) {
  const where = p.line ? t('hold.problem_line', p.line) : t('hold.problem_order');
  const state = p.resolved
    ? badge(t('hold.resolved'), 'ok', 'problem-resolved')
    : (p.blocking ? badge(t('hold.blocking'), 'bad', 'problem-blocking')
      : badge(t('hold.not_blocking'), 'warn', 'problem-accepted'));
  return h('li', { class: p.resolved ? 'problem resolved' : 'problem', 'data-test': `problem-${p.line || 0}-${p.field}` },
    h('strong', { text: `${where}: ${tOr(`hold.field.${p.field}`, p.field)}` }), ' ', state,
    h('div', { class: 'muted', text: p.message }));
}

// Units the release will take: the bound lines' quantities, when BaseLinker asked the shop to
// take stock for this order.
function unitsToTake(order) {
  if (!order.takes_stock) return 0;
  return (order.lines || []).reduce((sum, l) => sum + (l.product_id ? l.quantity : 0), 0);
}

function lineForm(order, line, position, reload) {
  const product = h('input', { type: 'number', min: 1, step: 1, name: 'product_id', value: line.product_id ?? '', 'data-test': `bind-product-${position}` });
  const variant = h('input', { type: 'number', min: 0, step: 1, name: 'variant_id', value: line.variant_id || '', 'data-test': `bind-variant-${position}` });
  const quantity = h('input', { type: 'number', min: 1, step: 1, name: 'quantity', value: line.quantity, 'data-test': `bind-quantity-${position}` });
  const price = h('input', { name: 'unit_price', inputmode: 'decimal', value: line.unit_price, 'data-test': `bind-price-${position}` });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': `bind-save-${position}`, text: t('hold.save_line') });
  const free = h('button', { type: 'button', class: 'btn', 'data-test': `bind-free-${position}`, text: t('hold.free') });
  const send = (button, body) => busy(button, async () => {
    await post(`/orders/${order.id}/lines/${position}`, body);
    flash('ok', t('hold.line_saved', position));
    reload();
    return true;
  });
  const form = h('form', { class: 'inline-form hold-line', 'data-test': `bind-form-${position}` },
    h('div', { class: 'hold-line-name' }, h('strong', { text: t('hold.fix_line', position) }),
      h('small', { class: 'muted block', text: [line.name, line.sku].filter(Boolean).join(' · ') })),
    field(t('hold.product_id'), product), field(t('hold.variant_id'), variant),
    field(t('order.quantity'), quantity), field(t('order.unit_price'), price), save, free);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Only what staff changed is sent: each value given resolves that kind of problem.
    const body = {};
    if (product.value.trim() && Number(product.value) !== line.product_id) {
      body.product_id = Number(product.value);
      if (variant.value.trim()) body.variant_id = Number(variant.value);
    }
    if (quantity.value.trim() && quantity.value.trim() !== String(line.quantity)) body.quantity = Number(quantity.value);
    if (price.value.trim() && price.value.trim() !== line.unit_price) body.unit_price = price.value.trim();
    if (Object.keys(body).length === 0) { flash('error', t('hold.nothing')); return; }
    send(save, body);
  });
  free.addEventListener('click', () => send(free, { free: true }));
  return form;
}

// The hold section of the order page; null for an order that was never held.
export function holdSection(order, reload) {
  const hold = order.hold;
  if (!hold) return null;
  const problems = h('ul', { class: 'problems', 'data-test': 'hold-problems' }, (hold.problems || []).map(problemItem));
  const request = h('details', { class: 'hold-request' },
    h('summary', { text: t('hold.request') }), jsonBlock(hold.request, 'hold-request'));
  if (!order.held) {
    return h('div', { class: 'hold-banner hold-released', 'data-test': 'hold-released' },
      h('p', { text: t('hold.released', hold.released_by || '—', fmtTime(hold.released_at)) }),
      problems, request);
  }
  const units = unitsToTake(order);
  const release = h('button', { type: 'button', class: 'btn btn-primary', 'data-test': 'hold-release',
    text: units > 0 ? t('hold.release_units', units) : t('hold.release') });
  const blocking = openBlocking(hold);
  if (blocking.length) release.title = t('hold.release_blocked');
  release.addEventListener('click', () => busy(release, async () => {
    const r = await post(`/orders/${order.id}/release`, {});
    flash('ok', t('hold.released_ok', r.status ? r.status.name : '', r.units ?? 0, r.oversold ?? 0));
    reload();
    return true;
  }));
  const forms = h('div', { class: 'hold-lines', 'data-test': 'hold-lines' },
    (order.lines || []).map((line, i) => lineForm(order, line, i + 1, reload)));
  const banner = h('div', { class: 'hold-banner', role: 'alert', 'data-test': 'hold-banner' },
    h('h2', { text: t('hold.title') }),
    h('p', { text: t('hold.intro', fmtTime(hold.held_at)) }),
    problems,
    forms,
    h('div', { class: 'form-actions' }, release,
      blocking.length ? h('span', { class: 'muted', 'data-test': 'hold-blocked', text: t('hold.release_blocked') }) : null),
    request);
  return section(null, banner);
}
