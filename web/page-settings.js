// Settings: the orders policy, the connector password, and the shop's order statuses, delivery
// and payment methods.
import { h, table, field, select, dl, badge } from './dom.js';
import { t, tOr } from './i18n.js';
import { get, put, post, del } from './api.js';
import { pageHeader, section, flash, busy, confirmButton } from './ui.js';

const UPDATE_TYPES = ['status', 'delivery_number', 'paid'];

function policySection(settings, statuses, rerender) {
  const o = settings.orders;
  const statusOptions = statuses.map((s) => [s.id, `${s.name} (#${s.id})`]);
  const unknown = select({ 'data-test': 'policy-unknown-products' },
    [['hold', t('settings.unknown_hold')], ['keep', t('settings.unknown_keep')], ['reject', t('settings.unknown_reject')]], o.unknown_products);
  const match = h('input', { type: 'checkbox', checked: !!o.match_by_codes, 'data-test': 'policy-match-by-codes' });
  const defStatus = select({ 'data-test': 'policy-default-status' }, statusOptions, o.default_status);
  const accept = {};
  for (const type of UPDATE_TYPES) {
    accept[type] = h('input', { type: 'checkbox', checked: !!(o.accept_updates && o.accept_updates[type]), 'data-test': `policy-accept-${type}` });
  }
  const mapRows = h('div', { class: 'map-rows', 'data-test': 'status-map' });
  const addMapRow = (from, to) => {
    const key = h('input', { value: from, 'data-test': 'map-from', placeholder: t('settings.bl_status'), 'aria-label': t('settings.bl_status') });
    const target = select({ 'data-test': 'map-to', 'aria-label': t('settings.shop_status') }, statusOptions, to);
    const row = h('div', { class: 'map-row' }, key, h('span', { class: 'arrow', text: '→' }), target,
      h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'map-remove', 'aria-label': t('remove'), text: '×',
        on: { click: () => row.remove() } }));
    mapRows.append(row);
  };
  for (const [from, to] of Object.entries(o.status_map || {})) addMapRow(from, to);

  const save = h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'policy-save', text: t('save') });
  const form = h('form', { class: 'settings-form', 'data-test': 'policy-form' },
    h('p', { 'data-test': 'policy-source' }, t('settings.source') + ': ',
      settings.source === 'database' ? badge(t('settings.source_db'), 'warn') : badge(t('settings.source_config'), 'ok')),
    field(t('settings.unknown_products'), unknown),
    field(t('settings.default_status'), defStatus),
    h('label', { class: 'check' }, match, h('span', { text: t('settings.match_by_codes') })),
    h('fieldset', null, h('legend', { text: t('settings.accept_updates') }),
      UPDATE_TYPES.map((type) => h('label', { class: 'check' }, accept[type], h('span', { text: t(`settings.update_${type}`) })))),
    h('fieldset', null, h('legend', { text: t('settings.status_map') }),
      h('p', { class: 'muted small', text: t('settings.status_map_hint') }),
      mapRows,
      h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'map-add', text: t('settings.add_mapping'),
        on: { click: () => addMapRow('', statuses.length ? statuses[0].id : '') } })),
    h('div', { class: 'form-actions' }, save,
      confirmButton(t('settings.revert'), t('settings.revert_confirm'), { 'data-test': 'policy-revert', disabled: settings.source !== 'database' },
        (button) => busy(button, async () => {
          await del('/settings/orders');
          flash('ok', t('settings.reverted'));
          rerender();
        }))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const statusMap = {};
    for (const row of mapRows.querySelectorAll('.map-row')) {
      const from = row.querySelector('[data-test="map-from"]').value.trim();
      const to = row.querySelector('[data-test="map-to"]').value;
      if (!from) continue;
      statusMap[from] = Number(to);
    }
    const body = {
      unknown_products: unknown.value,
      match_by_codes: match.checked,
      default_status: Number(defStatus.value),
      accept_updates: Object.fromEntries(UPDATE_TYPES.map((type) => [type, accept[type].checked])),
      status_map: statusMap,
    };
    busy(save, async () => {
      await put('/settings/orders', body);
      flash('ok', t('settings.saved'));
      rerender();
    });
  });
  return section(t('settings.orders_policy'), form);
}

function connectorSection(settings) {
  const c = settings.connector || {};
  const result = h('div', { 'data-test': 'password-result' });
  const rotate = confirmButton(t('settings.rotate'), t('settings.rotate_confirm'), { 'data-test': 'password-rotate' },
    (button) => busy(button, async () => {
      const r = await post('/settings/connector-password', {});
      result.replaceChildren(h('div', { class: 'secret-box', role: 'alert' },
        h('p', { class: 'warning-text', text: t('settings.password_once') }),
        h('code', { class: 'secret', 'data-test': 'new-password', text: r.password })));
      flash('ok', t('settings.password_rotated'));
    }));
  return section(t('settings.connector'),
    dl([
      ['path', t('settings.connector_path'), h('code', { text: c.path || '—' })],
      ['password_source', t('settings.password_source'), c.password_source ? tOr(`settings.password_from_${c.password_source}`, c.password_source) : '—'],
    ], 'connector'),
    h('p', { class: 'muted small', text: t('settings.rotate_hint') }),
    h('div', { class: 'form-actions' }, rotate),
    result);
}

// A list of named items (statuses, delivery or payment methods) with rename + add.
function namedList({ title, path, items, flag, test }) {
  const rows = items.map((item) => {
    const name = h('input', { value: item.name, maxlength: 100, 'data-test': `${test}-name`, 'aria-label': t('settings.name') });
    const box = flag ? h('input', { type: 'checkbox', checked: !!item[flag], 'data-test': `${test}-flag`, 'aria-label': t(`settings.flag_${flag}`) }) : null;
    const save = h('button', { type: 'button', class: 'btn btn-small', 'data-test': `${test}-save`, text: t('save') });
    save.addEventListener('click', () => busy(save, async () => {
      const body = { name: name.value.trim() };
      if (flag) body[flag] = box.checked;
      await put(`${path}/${item.id}`, body);
      item.name = body.name;
      if (flag) item[flag] = body[flag];
      flash('ok', t('settings.renamed', body.name));
    }));
    return { item, name, box, save };
  });
  const columns = [
    { key: 'id', label: 'ID', cell: (r) => `#${r.item.id}` },
    { key: 'name', label: t('settings.name'), cell: (r) => r.name },
  ];
  if (flag) columns.push({ key: 'flag', label: t(`settings.flag_${flag}`), cell: (r) => h('label', { class: 'check' }, r.box, h('span', { class: 'sr-only', text: t(`settings.flag_${flag}`) })) });
  columns.push({ key: 'save', label: '', class: 'actions-cell', cell: (r) => r.save });

  const newName = h('input', { maxlength: 100, 'data-test': `${test}-new-name`, placeholder: t('settings.new_name'), 'aria-label': t('settings.new_name') });
  const newFlag = flag ? h('input', { type: 'checkbox', 'data-test': `${test}-new-flag` }) : null;
  const add = h('button', { type: 'submit', class: 'btn btn-primary btn-small', 'data-test': `${test}-add`, text: t('add') });
  const addForm = h('form', { class: 'inline-form add-form', 'data-test': `${test}-add-form` },
    newName, flag ? h('label', { class: 'check' }, newFlag, h('span', { text: t(`settings.flag_${flag}`) })) : null, add);
  const section_ = section(title, table(columns, rows, { test, rowTest: (r) => `${test}-row-${r.item.id}`, class: 'named-grid' }), addForm);
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: newName.value.trim() };
    if (!body.name) { flash('error', t('settings.name_required')); newName.focus(); return; }
    if (flag) body[flag] = newFlag.checked;
    busy(add, async () => {
      const r = await post(path, body);
      flash('ok', t('settings.added', body.name, r && r.id));
      section_.replaceWith(namedList({ title, path, items: [...items, { id: r.id, ...body }], flag, test }));
    });
  });
  return section_;
}

export async function renderSettings(ctx) {
  const [settings, statuses, delivery, payment] = await Promise.all([
    get('/settings'), get('/order-statuses'), get('/delivery-methods'), get('/payment-methods'),
  ]);
  return h('div', null,
    pageHeader(t('nav.settings')),
    h('div', { class: 'settings-grid' },
      policySection(settings, statuses.items || [], ctx.rerender),
      connectorSection(settings),
      namedList({ title: t('settings.statuses'), path: '/order-statuses', items: statuses.items || [], flag: 'cancelled', test: 'statuses' }),
      namedList({ title: t('settings.delivery_methods'), path: '/delivery-methods', items: delivery.items || [], test: 'delivery' }),
      namedList({ title: t('settings.payment_methods'), path: '/payment-methods', items: payment.items || [], flag: 'cod', test: 'payment' })));
}
