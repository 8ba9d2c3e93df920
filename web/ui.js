// Shared page pieces: messages, navigation, paging, busy buttons.
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { queryString } from './api.js';

let flashEl = null;
export function setFlashElement(el) { flashEl = el; }

// A confirmation or error message above the page; stays until the next navigation.
export function flash(kind, text) {
  if (!flashEl) return;
  clear(flashEl);
  flashEl.append(h('div', { class: `flash flash-${kind}`, role: kind === 'error' ? 'alert' : 'status',
    'data-test': `flash-${kind}` },
  h('span', { text }),
  h('button', { type: 'button', class: 'flash-close', 'aria-label': t('close'), text: '×',
    on: { click: () => clearFlash() } })));
  flashEl.scrollIntoView({ block: 'nearest' });
}
export function clearFlash() { if (flashEl) clear(flashEl); }

// A readable message for an API error (field named when the API names one).
export function errorText(err) {
  if (!err) return t('error.unknown');
  if (err.status === 0) return t('error.network');
  const known = {
    401: 'error.unauthenticated', 403: 'error.csrf', 404: 'error.not_found',
    409: 'error.conflict', 413: 'error.too_large', 429: 'error.rate_limited', 500: 'error.internal',
  };
  let text = err.message || (known[err.status] ? t(known[err.status]) : t('error.unknown'));
  if (err.status === 500 && err.message) text = t('error.internal') + ' ' + err.message;
  if (err.field) text = `${err.field}: ${text}`;
  return text;
}

export function navigate(path, params) {
  const target = '#' + path + queryString(params);
  if (location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

// Runs an async action with the button disabled; shows the error as a flash message.
export async function busy(button, fn) {
  if (button) button.disabled = true;
  try {
    return await fn();
  } catch (err) {
    flash('error', errorText(err));
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

// Cursor paging: the current cursor lives in the URL; the cursors of earlier pages in memory
// (keyed by the filter), so "previous" works within a session.
const cursorStacks = new Map();
export function pager({ key, cursor, next, onPage, total, count, test }) {
  const stack = cursorStacks.get(key) || [];
  cursorStacks.set(key, stack);
  if (!cursor) stack.length = 0;
  const bar = h('nav', { class: 'pager', 'data-test': test || 'pager', 'aria-label': t('paging') });
  const info = [];
  if (count !== undefined) info.push(t('pager.shown', count));
  if (total !== undefined && total !== null) info.push(t('pager.total', total));
  bar.append(h('span', { class: 'pager-info', text: info.join(' · ') }));
  const buttons = h('span', { class: 'pager-buttons' });
  buttons.append(h('button', {
    type: 'button', class: 'btn', 'data-test': 'page-first', disabled: !cursor, text: t('pager.first'),
    on: { click: () => { stack.length = 0; onPage(null); } },
  }));
  buttons.append(h('button', {
    type: 'button', class: 'btn', 'data-test': 'page-prev', disabled: !cursor, text: t('pager.prev'),
    on: { click: () => { onPage(stack.pop() || null); } },
  }));
  buttons.append(h('button', {
    type: 'button', class: 'btn', 'data-test': 'page-next', disabled: !next, text: t('pager.next'),
    on: { click: () => { stack.push(cursor || null); onPage(next); } },
  }));
  bar.append(buttons);
  return bar;
}

export function pageHeader(title, ...extra) {
  return h('div', { class: 'page-head' }, h('h1', { 'data-test': 'page-title', text: title }), ...extra);
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { text: title }) : null, ...children);
}

export function loadingBox() {
  return h('p', { class: 'loading', 'data-test': 'loading', text: t('loading') });
}

export function errorBox(err) {
  return h('div', { class: 'flash flash-error', role: 'alert', 'data-test': 'page-error', text: errorText(err) });
}

// A button that asks for a second click before doing something that cannot be undone.
export function confirmButton(label, confirmLabel, attrs, action) {
  const button = h('button', { type: 'button', class: 'btn', ...attrs, text: label });
  let armed = false;
  let timer = null;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add('btn-danger');
      timer = setTimeout(() => { armed = false; button.textContent = label; button.classList.remove('btn-danger'); }, 6000);
      return;
    }
    clearTimeout(timer);
    armed = false;
    button.textContent = label;
    button.classList.remove('btn-danger');
    await action(button);
  });
  return button;
}
