// Held changes: the stock and price batches from BaseLinker that the mass-change guard held
// (docs/guard.md). Staff see the figures and the entries, then apply or discard each batch.
import { h, table, dl, badge, fmtTimeMs, fmtNumber } from './dom.js';
import { t, tOr } from './i18n.js';
import { get, post } from './api.js';
import { pageHeader, section, flash, busy, confirmButton, navigate } from './ui.js';

// The effect in the user's language, from the batch's numbers (the stored summary is English,
// written by the server for logs and the CLI).
function heldEffect(b) {
  return tOr(`held.effect.${b.rule}`, b.summary)
    .replace('{0}', fmtNumber(b.tripped)).replace('{1}', fmtNumber(b.out_of));
}

const STATES = ['held', 'applied', 'discarded', 'all'];
const time = (seconds) => (seconds ? fmtTimeMs(seconds * 1000) : '—');
const stateBadge = (state) => badge(t(`held.state.${state}`), state === 'held' ? 'warn' : state === 'applied' ? 'ok' : 'muted', 'held-state');

export async function renderHeldList(ctx) {
  const state = ctx.params.get('state') || 'held';
  const list = await get('/held-changes', { state, limit: 200 });
  const filter = h('p', { class: 'filters' }, STATES.flatMap((s) => [s === state
    ? h('strong', { text: t(`held.state.${s}`) })
    : h('a', { href: `#/held?state=${s}`, 'data-test': `held-filter-${s}`, text: t(`held.state.${s}`) }), ' ']));
  return h('div', null,
    pageHeader(t('held.title')),
    h('p', { class: 'muted', text: t('held.intro') }),
    filter,
    table([
      { key: 'id', label: '#', class: 'num', cell: (b) => b.id },
      { key: 'kind', label: t('held.kind'), cell: (b) => t(`held.kind.${b.kind}`) },
      { key: 'summary', label: t('held.summary'), cell: (b) => heldEffect(b) },
      { key: 'at', label: t('held.created_at'), cell: (b) => time(b.created_at) },
      { key: 'resends', label: t('held.resends'), class: 'num', cell: (b) => fmtNumber(b.resends) },
      { key: 'state', label: t('held.state'), cell: (b) => stateBadge(b.state) },
    ], list.items || [], {
      test: 'held-list',
      rowTest: (b) => `held-row-${b.id}`,
      onRow: (b) => navigate(`/held/${b.id}`),
      empty: t('held.none'),
    }));
}

function entryColumns(kind) {
  const base = [
    { key: 'entry', label: t('held.entry'), class: 'num', cell: (e) => e.entry + 1 },
    { key: 'product', label: t('held.product'), cell: (e) => h('a', { href: `#/products/${e.product_id}`, text: `#${e.product_id}` }) },
    { key: 'variant', label: t('held.variant'), cell: (e) => (e.variant_id ? `#${e.variant_id}` : '—') },
  ];
  if (kind === 'price') return base.concat([{ key: 'price', label: t('held.new_price'), class: 'num', cell: (e) => e.price }]);
  return base.concat([
    { key: 'op', label: t('held.operation'), cell: (e) => t(`held.op.${e.operation}`) },
    { key: 'quantity', label: t('held.quantity'), class: 'num', cell: (e) => fmtNumber(e.quantity) },
  ]);
}

export async function renderHeld(ctx, id) {
  const b = await get(`/held-changes/${encodeURIComponent(id)}`);
  const decide = (verb, done) => async (button) => {
    const r = await busy(button, () => post(`/held-changes/${b.id}/${verb}`, {}));
    if (!r) return;
    flash('ok', t(done, b.id, fmtNumber(r.applied ?? 0)));
    ctx.rerender();
  };
  const actions = b.state === 'held'
    ? h('p', { class: 'actions' },
      confirmButton(t('held.apply'), t('held.apply_confirm'), { 'data-test': 'held-apply', class: 'btn btn-primary' }, decide('apply', 'held.applied_msg')),
      ' ',
      confirmButton(t('held.discard'), t('held.discard_confirm'), { 'data-test': 'held-discard' }, decide('discard', 'held.discarded_msg')))
    : null;
  return h('div', null,
    pageHeader(`${t('held.one')} #${b.id}`, stateBadge(b.state)),
    section(null,
      h('p', { class: 'held-summary', 'data-test': 'held-summary', text: heldEffect(b), title: b.summary }),
      dl([
        ['kind', t('held.kind'), t(`held.kind.${b.kind}`)],
        ['rule', t('held.rule'), t(`held.rule.${b.rule}`)],
        ['entry-count', t('held.entry_count'), fmtNumber(b.entry_count)],
        ['created', t('held.created_at'), time(b.created_at)],
        ['last_sent', t('held.last_sent_at'), time(b.last_sent_at)],
        ['resends', t('held.resends'), fmtNumber(b.resends)],
        ['decided', t('held.decided'), b.decided_by ? `${b.decided_by}, ${time(b.decided_at)}` : '—'],
      ], 'held'),
      actions),
    section(t('held.entries'), table(entryColumns(b.kind), b.entries || [], { test: 'held-entries' })),
    h('p', null, h('a', { href: '#/held', text: t('held.back') })));
}
