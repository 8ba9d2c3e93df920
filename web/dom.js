// DOM helpers. Every piece of data goes into the page as text (textContent, attribute values,
// input values): never as HTML.
import { t, lang } from './i18n.js';

// h('div', {class: 'x', 'data-test': 'y', on: {click: fn}}, child, 'text', [more]) -> Element
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'on') {
        for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
      } else if (key === 'class') {
        el.className = value;
      } else if (key === 'text') {
        el.textContent = String(value);
      } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
        el[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Dates: the API gives unix seconds (orders) or milliseconds (journal); shown in local time.
export function fmtTime(seconds) {
  if (seconds === null || seconds === undefined || seconds === 0) return '—';
  return new Date(seconds * 1000).toLocaleString(lang(), {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}
export function fmtTimeMs(ms) {
  if (ms === null || ms === undefined) return '—';
  return fmtTime(ms / 1000);
}
// "5 min ago" style, for the dashboard.
export function fmtAgo(ms) {
  if (ms === null || ms === undefined) return t('never');
  const seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
  const rtf = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto' });
  if (seconds < 60) return rtf.format(-seconds, 'second');
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86400), 'day');
}
// Money is shown exactly as the API returns it (a string with two decimals).
export function fmtMoney(amount, currency) {
  if (amount === null || amount === undefined || amount === '') return '—';
  return currency ? `${amount} ${currency}` : String(amount);
}
export function fmtNumber(n) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString(lang());
}
export function orDash(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

// <input type=date> value (local day) -> unix seconds of its start / end in local time.
export function localDayStart(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  return Math.floor(new Date(y, m - 1, d, 0, 0, 0).getTime() / 1000);
}
export function localDayEnd(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  return Math.floor(new Date(y, m - 1, d, 23, 59, 59).getTime() / 1000);
}
// <input type=datetime-local> value -> unix ms (local time), and back.
export function localDateTimeMs(value) {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

// A label + control pair for forms.
export function field(label, control, extraClass) {
  return h('label', { class: 'field' + (extraClass ? ' ' + extraClass : '') },
    h('span', { class: 'field-label', text: label }), control);
}

export function select(attrs, options, current) {
  const el = h('select', attrs);
  for (const [value, label] of options) {
    const opt = h('option', { value: String(value), text: label });
    if (String(value) === String(current ?? '')) opt.selected = true;
    el.append(opt);
  }
  return el;
}

// Label/value rows for detail pages.
export function dl(rows, testPrefix) {
  const list = h('dl', { class: 'kv' });
  for (const [key, label, value] of rows) {
    list.append(h('dt', { text: label }),
      h('dd', { 'data-test': testPrefix ? `${testPrefix}-${key}` : null },
        value instanceof Node ? value : orDash(value)));
  }
  return list;
}

export function badge(text, kind, test) {
  return h('span', { class: `badge badge-${kind}`, 'data-test': test, text });
}

// A table that becomes stacked cards on narrow screens: each cell carries its column label.
// columns: [{key, label, cell(row) -> Node|string, class}], rows: array.
export function table(columns, rows, options = {}) {
  const head = h('thead', null, h('tr', null,
    columns.map((c) => h('th', { class: c.class, scope: 'col', text: c.label }))));
  const body = h('tbody');
  for (const row of rows) {
    const tr = h('tr', { 'data-test': options.rowTest ? options.rowTest(row) : null });
    if (options.onRow) {
      tr.classList.add('clickable');
      tr.addEventListener('click', (event) => {
        if (event.target.closest('a, button, input, select, textarea, label')) return;
        options.onRow(row);
      });
    }
    if (options.rowClass) {
      const cls = options.rowClass(row);
      if (cls) tr.classList.add(cls);
    }
    for (const c of columns) {
      const value = c.cell(row);
      tr.append(h('td', { class: c.class, 'data-label': c.label, 'data-col': c.key },
        value instanceof Node ? value : orDash(value)));
    }
    body.append(tr);
  }
  const tableEl = h('table', { class: 'grid ' + (options.class || ''), 'data-test': options.test },
    head, body);
  if (rows.length === 0) {
    return h('div', { class: 'table-wrap' }, tableEl,
      h('p', { class: 'empty', 'data-test': options.test ? options.test + '-empty' : null,
        text: options.empty || t('empty') }));
  }
  return h('div', { class: 'table-wrap' }, tableEl);
}

// Pretty-printed JSON for the journal detail (as text).
export function jsonBlock(value, test) {
  return h('pre', { class: 'json', 'data-test': test, text: JSON.stringify(value, null, 2) });
}

// A "A/B/C" path with line-break opportunities after each "/".
export function pathText(path) {
  if (!path) return null;
  const el = h('span');
  path.split('/').forEach((part, i) => {
    if (i) el.append('/', h('wbr'));
    el.append(part);
  });
  return el;
}
