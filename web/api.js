// The admin REST API (docs/admin-api.md), relative to the panel: /admin/ + api/v1/...
// Cookie session (same origin) and the CSRF token on every state-changing request.
const BASE = 'api/v1';

export class ApiError extends Error {
  constructor(status, code, message, field, retryAfter) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || '';
    this.field = field || '';
    this.retryAfter = retryAfter;
  }
}

const state = {
  session: null,  // {user, csrf_token, expires_at, language}
  onUnauthenticated: null,
};

export function session() { return state.session; }
export function setSession(value) { state.session = value; }
export function onUnauthenticated(fn) { state.onUnauthenticated = fn; }

// Query object -> "?a=1&b=2" without empty values.
export function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

export async function api(method, path, { query, body, quiet401 } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && state.session) {
    headers['X-CSRF-Token'] = state.session.csrf_token;
  }
  let response;
  try {
    response = await fetch(BASE + path + queryString(query), init);
  } catch (err) {
    throw new ApiError(0, 'network', String(err && err.message ? err.message : err));
  }
  if (response.status === 204) return null;
  let data = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const e = (data && data.error) || {};
    const retry = response.headers.get('Retry-After');
    const error = new ApiError(response.status, e.code, e.message, e.field,
      retry ? Number(retry) : undefined);
    if (response.status === 401 && !quiet401 && state.session) {
      state.session = null;
      if (state.onUnauthenticated) state.onUnauthenticated();
    }
    throw error;
  }
  return data;
}

export const get = (path, query, opts) => api('GET', path, { ...opts, query });
export const post = (path, body) => api('POST', path, { body });
export const put = (path, body) => api('PUT', path, { body });
export const del = (path) => api('DELETE', path);

export async function login(username, password) {
  const data = await api('POST', '/session', { body: { username, password }, quiet401: true });
  state.session = data;
  return data;
}

export async function restoreSession() {
  try {
    state.session = await api('GET', '/session', { quiet401: true });
  } catch (err) {
    if (err.status !== 401) throw err;
    state.session = null;
  }
  return state.session;
}

export async function logout() {
  try {
    await api('DELETE', '/session', { quiet401: true });
  } finally {
    state.session = null;
  }
}
