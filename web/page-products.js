// Products: list with filters, inline stock/price editing, and one product with its variants.
import { h, fmtMoney, orDash, table, badge, field, select, dl, fmtNumber, pathText } from './dom.js';
import { t } from './i18n.js';
import { get, put } from './api.js';
import { pageHeader, section, navigate, pager, flash, busy } from './ui.js';

const PRODUCT_FILTERS = ['q', 'sku', 'ean', 'category_id', 'active', 'quantity_from', 'quantity_to',
  'price_from', 'price_to', 'sort', 'order'];

// Stock: a whole number >= 0. Price: > 0 with at most two decimals. Checked before sending; the
// API checks again.
function parseStock(text) {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}
function parsePrice(text) {
  const v = text.trim().replace(',', '.');
  return /^\d{1,10}(\.\d{1,2})?$/.test(v) && Number(v) > 0 ? v : null;
}

// Stock + price inputs with one Save button for a product (no variants) or a variant.
// `base` is the API path of the product or variant ("/products/5" or "/products/5/variants/9").
function editor(base, item, { onSaved, testPrefix, stockLocked, variantsLink }) {
  const stock = h('input', {
    type: 'number', min: 0, step: 1, inputmode: 'numeric', class: 'in-stock',
    value: String(item.quantity), 'data-test': `${testPrefix}-stock`, 'aria-label': t('products.stock'),
    disabled: stockLocked,
    title: stockLocked ? t('products.stock_from_variants') : null,
  });
  const price = h('input', {
    type: 'text', inputmode: 'decimal', class: 'in-price', value: item.price,
    'data-test': `${testPrefix}-price`, 'aria-label': t('products.price'),
  });
  const save = h('button', { type: 'button', class: 'btn btn-small', 'data-test': `${testPrefix}-save`, text: t('save') });
  // In the list: the stock input, plus a link to the variants once we know there are some.
  const stockCell = h('span', { class: 'stack' }, stock);
  const lockStock = (count) => {
    stockLocked = true;
    stock.disabled = true;
    stock.value = String(item.quantity);
    stock.title = t('products.stock_from_variants');
    if (variantsLink && !stockCell.querySelector('a')) {
      stockCell.append(h('a', { href: variantsLink, class: 'small', 'data-test': `${testPrefix}-variants`,
        text: count ? t('products.edit_variants', count) : t('products.open_variants') }));
    }
  };
  if (stockLocked) lockStock(stockLocked === true ? 0 : stockLocked);
  const mark = () => {
    const changed = (!stockLocked && stock.value !== String(item.quantity)) || price.value !== item.price;
    save.classList.toggle('btn-primary', changed);
  };
  stock.addEventListener('input', mark);
  price.addEventListener('input', mark);
  const submit = () => busy(save, async () => {
    const notes = [];
    let refused = false;
    const stockChanged = !stockLocked && stock.value !== String(item.quantity);
    const priceChanged = price.value.trim() !== item.price;
    if (!stockChanged && !priceChanged) { flash('info', t('products.nothing_changed')); return; }
    let newStock = null;
    let newPrice = null;
    if (stockChanged) {
      newStock = parseStock(stock.value);
      if (newStock === null) { flash('error', t('products.bad_stock')); stock.focus(); return; }
    }
    if (priceChanged) {
      newPrice = parsePrice(price.value);
      if (newPrice === null) { flash('error', t('products.bad_price')); price.focus(); return; }
    }
    if (stockChanged) {
      let r;
      try {
        r = await put(`${base}/stock`, { quantity: newStock });
      } catch (err) {
        // A product with variants keeps its stock on the variants: say so and link to them.
        if (!(err.status === 422 && /variant/i.test(err.message) && variantsLink)) throw err;
        lockStock(0);
        refused = true;
      }
      if (r) {
        item.quantity = r.quantity;
        stock.value = String(r.quantity);
        if (r.note) notes.push(r.note);
      }
    }
    if (priceChanged) {
      const r = await put(`${base}/price`, { price: newPrice });
      item.price = r.price;
      price.value = r.price;
    }
    mark();
    if (refused) {
      flash('error', t('products.has_variants', item.name || `#${item.id}`));
      return;
    }
    flash('ok', t('products.saved', item.name || `#${item.id}`) + (notes.length ? ` (${notes.join('; ')})` : ''));
    if (onSaved) onSaved();
  });
  save.addEventListener('click', submit);
  for (const input of [stock, price]) {
    input.addEventListener('keydown', (event) => { if (event.key === 'Enter') { event.preventDefault(); submit(); } });
  }
  return { stock, price, save, stockCell };
}

export async function renderProducts(ctx) {
  const p = ctx.params;
  const filters = {};
  for (const key of PRODUCT_FILTERS) filters[key] = p.get(key) || '';
  const cursor = p.get('cursor') || '';
  const [categories, page] = await Promise.all([
    get('/categories').then((d) => d.items || []).catch(() => []),
    get('/products', { ...filters, limit: 50, cursor }),
  ]);

  const controls = {
    q: h('input', { type: 'search', value: filters.q, 'data-test': 'filter-q', placeholder: t('products.search_hint') }),
    sku: h('input', { value: filters.sku, 'data-test': 'filter-sku' }),
    ean: h('input', { value: filters.ean, 'data-test': 'filter-ean' }),
    category_id: select({ 'data-test': 'filter-category' },
      [['', t('all')], ...categories.map((c) => [c.id, c.path || c.name])], filters.category_id),
    active: select({ 'data-test': 'filter-active' },
      [['', t('all')], ['true', t('products.active')], ['false', t('products.inactive')]], filters.active),
    quantity_from: h('input', { type: 'number', min: 0, value: filters.quantity_from, 'data-test': 'filter-qfrom' }),
    quantity_to: h('input', { type: 'number', min: 0, value: filters.quantity_to, 'data-test': 'filter-qto' }),
    price_from: h('input', { inputmode: 'decimal', value: filters.price_from, 'data-test': 'filter-pfrom' }),
    price_to: h('input', { inputmode: 'decimal', value: filters.price_to, 'data-test': 'filter-pto' }),
    sort: select({ 'data-test': 'filter-sort' },
      [['', 'ID'], ['name', t('products.name')], ['quantity', t('products.stock')], ['price', t('products.price')]], filters.sort),
    order: select({ 'data-test': 'filter-order' },
      [['', t('products.asc')], ['desc', t('products.desc')]], filters.order),
  };
  const form = h('form', { class: 'filters', 'data-test': 'products-filters' },
    field(t('search'), controls.q, 'field-wide'),
    field('SKU', controls.sku),
    field('EAN', controls.ean),
    field(t('products.category'), controls.category_id, 'field-wide'),
    field(t('products.availability'), controls.active),
    field(t('products.stock_from'), controls.quantity_from),
    field(t('products.stock_to'), controls.quantity_to),
    field(t('products.price_from'), controls.price_from),
    field(t('products.price_to'), controls.price_to),
    field(t('products.sort'), controls.sort),
    field(t('products.order'), controls.order),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'filter-apply', text: t('apply') }),
      h('button', { type: 'button', class: 'btn', 'data-test': 'filter-reset', text: t('reset'), on: { click: () => navigate('/products') } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = {};
    for (const key of PRODUCT_FILTERS) next[key] = controls[key].value.trim();
    navigate('/products', next);
  });
  for (const key of ['category_id', 'active', 'sort', 'order']) {
    controls[key].addEventListener('change', () => form.requestSubmit());
  }

  const items = page.items || [];
  const editors = new Map();
  for (const item of items) {
    // A product with variants keeps its stock on the variants (edited on the detail page). When
    // the list reports `variants` the input is locked at once; otherwise the API's 422 locks it.
    const variants = Array.isArray(item.variants) ? item.variants.length : Number(item.variants || 0);
    editors.set(item.id, editor(`/products/${item.id}`, item, {
      testPrefix: 'row', stockLocked: variants > 0 ? variants : false, variantsLink: `#/products/${item.id}`,
    }));
  }
  const list = table([
    { key: 'id', label: 'ID', cell: (it) => h('a', { href: `#/products/${it.id}`, 'data-test': 'product-link', text: `#${it.id}` }) },
    { key: 'name', label: t('products.name'), class: 'wrap', cell: (it) => h('a', { href: `#/products/${it.id}`, text: it.name }) },
    { key: 'sku', label: 'SKU', cell: (it) => orDash(it.sku) },
    { key: 'ean', label: 'EAN', cell: (it) => orDash(it.ean) },
    { key: 'stock', label: t('products.stock'), cell: (it) => editors.get(it.id).stockCell },
    { key: 'price', label: t('products.price'), cell: (it) => editors.get(it.id).price },
    { key: 'save', label: '', class: 'actions-cell', cell: (it) => editors.get(it.id).save },
  ], items, { test: 'products-table', rowTest: (it) => `product-row-${it.id}`, class: 'products-grid', empty: t('products.none') });

  const paging = pager({
    key: 'products:' + PRODUCT_FILTERS.map((k) => filters[k]).join('|'),
    cursor, next: page.next_cursor, count: items.length, total: page.total,
    onPage: (c) => navigate('/products', { ...filters, cursor: c }),
  });
  return h('div', null, pageHeader(t('nav.products'), h('span', { class: 'muted', 'data-test': 'products-total', text: t('pager.total', fmtNumber(page.total)) })),
    form, list, paging);
}

export async function renderProduct(ctx, id) {
  const product = await get(`/products/${encodeURIComponent(id)}`);
  const variants = product.variants || [];
  const hasVariants = variants.length > 0;
  const reload = () => ctx.rerender();

  const own = editor(`/products/${product.id}`, { ...product },
    { testPrefix: 'product', onSaved: reload, stockLocked: hasVariants });
  const editBox = section(t('products.stock_price'),
    h('div', { class: 'inline-form' },
      field(t('products.stock'), own.stock), field(t('products.price'), own.price), own.save),
    hasVariants ? h('p', { class: 'muted', text: t('products.stock_from_variants') }) : null);

  const variantTable = hasVariants ? section(t('products.variants'), table([
    { key: 'id', label: 'ID', cell: (v) => `#${v.id}` },
    { key: 'name', label: t('products.variant'), class: 'wrap', cell: (v) => v.name },
    { key: 'sku', label: 'SKU', cell: (v) => orDash(v.sku) },
    { key: 'ean', label: 'EAN', cell: (v) => orDash(v.ean) },
    { key: 'stock', label: t('products.stock'), cell: (v) => v.editor.stock },
    { key: 'price', label: t('products.price'), cell: (v) => v.editor.price },
    { key: 'save', label: '', class: 'actions-cell', cell: (v) => v.editor.save },
  ], variants.map((v) => ({
    ...v,
    editor: editor(`/products/${product.id}/variants/${v.id}`, { ...v, name: `${product.name} ${v.name}` },
      { testPrefix: `variant-${v.id}`, onSaved: reload }),
  })), { test: 'variants-table', rowTest: (v) => `variant-row-${v.id}`, class: 'products-grid' })) : null;

  const images = product.images || [];
  const features = product.features || [];
  const info = section(t('products.details'), dl([
    ['external_id', t('products.external_id'), product.external_id],
    ['sku', 'SKU', product.sku],
    ['ean', 'EAN', product.ean],
    ['model', t('products.model'), product.model],
    ['category', t('products.category'), product.category ? pathText(product.category.path) : null],
    ['manufacturer', t('products.manufacturer'), typeof product.manufacturer === 'object' && product.manufacturer ? product.manufacturer.name : product.manufacturer],
    ['tax', t('order.tax'), product.tax_rate !== undefined ? `${product.tax_rate}%` : null],
    ['weight', t('products.weight'), product.weight_kg !== undefined && product.weight_kg !== null ? `${product.weight_kg} kg` : null],
    ['active', t('products.availability'), product.active === false ? badge(t('products.inactive'), 'warn') : badge(t('products.active'), 'ok')],
    ['location', t('products.location'), product.location],
    ['url', 'URL', product.url && /^https?:\/\//i.test(product.url)
      ? h('a', { href: product.url, target: '_blank', rel: 'noopener noreferrer', class: 'break', text: product.url }) : product.url],
  ], 'product'));

  const extra = section(t('products.content'),
    features.length ? table([
      { key: 'name', label: t('products.feature'), cell: (f) => f.name },
      { key: 'value', label: t('products.value'), cell: (f) => f.value },
    ], features, { test: 'product-features' }) : null,
    images.length ? h('div', null, h('h3', { text: t('products.images') }),
      h('ul', { class: 'links' }, images.map((u) => h('li', null, h('span', { class: 'break', text: u }))))) : null,
    product.short_description ? h('div', null, h('h3', { text: t('products.short_description') }),
      h('p', { class: 'prewrap', text: product.short_description })) : null,
    product.description ? h('div', null, h('h3', { text: t('products.description') }),
      // The description may hold shop HTML: shown as source text, never rendered.
      h('pre', { class: 'desc', text: product.description })) : null);

  return h('div', { 'data-product-id': String(product.id) },
    pageHeader(product.name,
      h('span', { class: 'muted', text: `#${product.id}` }),
      h('a', { class: 'btn btn-ghost back', href: '#/products', text: t('back_to_list') })),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-summary' }, editBox, variantTable),
      h('div', { class: 'detail-side' },
        section(t('products.summary'), dl([
          ['quantity', t('products.stock'), fmtNumber(product.quantity)],
          ['price', t('products.price'), fmtMoney(product.price)],
          ['variants', t('products.variants'), String(variants.length)],
        ], 'summary')),
        info),
      h('div', { class: 'detail-main' }, extra)));
}

