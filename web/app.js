// blconnect web panel: a single-page app with hash routes, over the admin REST API only.
import { h, clear, field } from './dom.js';
import { t, lang, setLang, initLang, LANGUAGES } from './i18n.js';
import * as api from './api.js';
import { setFlashElement, clearFlash, errorText, loadingBox, errorBox } from './ui.js';
import { renderDashboard } from './page-dashboard.js';
import { renderOrders, renderOrder } from './page-orders.js';
import { renderProducts, renderProduct } from './page-products.js';
import { renderSettings } from './page-settings.js';
import { renderJournal, renderJournalEntry } from './page-journal.js';
import { renderHeldList, renderHeld } from './page-held.js';

const root = document.getElementById('app');

const NAV = [
  ['dashboard', 'nav.dashboard'],
  ['orders', 'nav.orders'],
  ['products', 'nav.products'],
  ['settings', 'nav.settings'],
  ['journal', 'nav.journal'],
];

// "#/orders/12?status_id=3" -> {parts: ['orders', '12'], params: URLSearchParams}
function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const [path, query] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query || '') };
}

let renderSeq = 0;
let afterLogin = null;  // the route to show once signed in
let layout = null;      // {main, nav, header...} while signed in
let lastHash = null;

function languageSwitch() {
  const sel = h('select', {
    class: 'lang-switch', 'data-test': 'lang-switch', 'aria-label': t('language'),
    on: {
      change: (event) => {
        setLang(event.target.value, true);
        document.documentElement.lang = lang();
        layout = null;
        route(true);
      },
    },
  });
  for (const code of LANGUAGES) {
    sel.append(h('option', { value: code, text: code.toUpperCase(), selected: code === lang() }));
  }
  return sel;
}

function buildLayout() {
  const navList = h('ul', { class: 'nav-list', id: 'nav-list' });
  for (const [key, label] of NAV) {
    navList.append(h('li', null, h('a', { href: `#/${key}`, 'data-nav': key, 'data-test': `nav-${key}`, text: t(label) })));
  }
  const toggle = h('button', {
    type: 'button', class: 'nav-toggle', 'data-test': 'nav-toggle', 'aria-controls': 'nav-list',
    'aria-expanded': 'false', 'aria-label': t('nav.menu'),
    on: {
      click: () => {
        const open = header.classList.toggle('nav-open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      },
    },
  }, h('span', { class: 'bars', 'aria-hidden': 'true' }));
  const s = api.session();
  const logout = h('button', {
    type: 'button', class: 'btn btn-ghost', 'data-test': 'logout', text: t('logout'),
    on: {
      click: async () => {
        try { await api.logout(); } catch { /* the session is gone either way */ }
        layout = null;
        location.hash = '#/login';
      },
    },
  });
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '#/dashboard', text: 'blconnect' }),
    toggle,
    h('nav', { class: 'nav', 'aria-label': t('nav.menu') }, navList),
    h('div', { class: 'user-box' },
      h('span', { class: 'user-name', 'data-test': 'user-name', text: s ? s.user : '' }),
      languageSwitch(), logout));
  // Close the phone menu after choosing a page.
  navList.addEventListener('click', (event) => {
    if (event.target.closest('a')) {
      header.classList.remove('nav-open');
      toggle.setAttribute('aria-expanded', 'false');
    }
  });
  const flashBox = h('div', { class: 'flash-box', 'data-test': 'flash' });
  const main = h('main', { class: 'main', id: 'main' });
  clear(root);
  root.append(header, h('div', { class: 'content' }, flashBox, main));
  setFlashElement(flashBox);
  return { header, main, navList };
}

function renderLogin(message) {
  layout = null;
  setFlashElement(null);
  clear(root);
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, 'data-test': 'login-username', id: 'login-username' });
  const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-test': 'login-password', id: 'login-password' });
  const error = h('div', { class: 'login-error', role: 'alert', 'data-test': 'login-error', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'login-submit', text: t('login.submit') });
  const show = (text) => { error.textContent = text; error.hidden = false; };
  if (message) show(message);
  const form = h('form', {
    class: 'login-form', 'data-test': 'login-form', novalidate: true,
    on: {
      submit: async (event) => {
        event.preventDefault();
        error.hidden = true;
        if (!user.value || !pass.value) return show(t('login.missing'));
        submit.disabled = true;
        try {
          const s = await api.login(user.value.trim(), pass.value);
          initLang(s.language);
          document.documentElement.lang = lang();
          pass.value = '';
          const target = afterLogin && afterLogin !== '#/login' ? afterLogin : '#/dashboard';
          afterLogin = null;
          if (location.hash === target) route(true); else location.hash = target;
        } catch (err) {
          if (err.status === 401) show(t('login.wrong'));
          else if (err.status === 429) {
            show(err.retryAfter ? t('login.throttled_for', err.retryAfter) : t('login.throttled'));
          } else show(errorText(err));
          pass.select();
        } finally {
          submit.disabled = false;
        }
      },
    },
  },
  h('h1', { text: t('login.title') }),
  h('p', { class: 'muted', text: t('login.intro') }),
  error,
  field(t('login.username'), user),
  field(t('login.password'), pass),
  h('div', { class: 'login-actions' }, submit, languageSwitch()));
  root.append(h('div', { class: 'login-page', 'data-test': 'login-page' }, form));
  user.focus();
}

const PAGES = {
  dashboard: (ctx) => renderDashboard(ctx),
  orders: (ctx) => (ctx.parts[1] ? renderOrder(ctx, ctx.parts[1]) : renderOrders(ctx)),
  products: (ctx) => (ctx.parts[1] ? renderProduct(ctx, ctx.parts[1]) : renderProducts(ctx)),
  settings: (ctx) => renderSettings(ctx),
  journal: (ctx) => (ctx.parts[1] ? renderJournalEntry(ctx, ctx.parts[1]) : renderJournal(ctx)),
  held: (ctx) => (ctx.parts[1] ? renderHeld(ctx, ctx.parts[1]) : renderHeldList(ctx)),
};

// Renders the route in the hash. `keepFlash`: a re-render after an action keeps its message.
async function route(keepFlash) {
  const seq = ++renderSeq;
  const { parts, params } = parseHash();
  if (!api.session()) {
    if (parts[0] !== 'login') afterLogin = location.hash || '#/dashboard';
    renderLogin();
    return;
  }
  if (parts[0] === 'login' || !PAGES[parts[0]]) {
    location.replace('#/dashboard');
    return;
  }
  if (!layout) layout = buildLayout();
  if (!keepFlash && location.hash !== lastHash) clearFlash();
  lastHash = location.hash;
  for (const a of layout.navList.querySelectorAll('a')) {
    if (a.dataset.nav === parts[0]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const main = layout.main;
  // Show "loading" only if the page takes a moment, to avoid flicker.
  const timer = setTimeout(() => { if (seq === renderSeq) { clear(main); main.append(loadingBox()); } }, 150);
  const ctx = {
    parts, params,
    current: () => seq === renderSeq,
    rerender: () => route(true),
  };
  let content;
  try {
    content = await PAGES[parts[0]](ctx);
  } catch (err) {
    if (!api.session()) return;  // 401: the login page is shown instead
    content = errorBox(err);
  }
  clearTimeout(timer);
  if (seq !== renderSeq) return;  // a newer navigation won
  const page = h('div', { class: 'page', 'data-test': `page-${parts[0]}${parts[1] ? '-detail' : ''}` }, content);
  clear(main);
  main.append(page);
  if (!keepFlash) window.scrollTo(0, 0);
}

api.onUnauthenticated(() => {
  afterLogin = location.hash;
  layout = null;
  renderLogin(t('login.expired'));
});

window.addEventListener('hashchange', () => route(false));

async function start() {
  initLang(null);
  document.documentElement.lang = lang();
  try {
    const s = await api.restoreSession();
    if (s) initLang(s.language);
  } catch (err) {
    clear(root);
    root.append(h('div', { class: 'login-page' }, errorBox(err)));
    return;
  }
  document.documentElement.lang = lang();
  if (!location.hash) location.replace('#/dashboard');
  route(false);
}

start();
