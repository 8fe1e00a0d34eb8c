// The API on this origin (/api/v1/...), called with the Keycloak access token; errors come back as problem+json.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.headers = headers;
  }
}

export function url(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * One call: {status, headers, data}. data is the parsed JSON, or the text for another type. A status of 400 or
 * more throws an ApiError carrying the problem details.
 */
export async function call(method, path, { query, body, headers = {}, accept = 'application/json', blob = false } = {}) {
  const token = await accessToken();
  const init = { method, headers: { Accept: accept, Authorization: `Bearer ${token}`, ...headers } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path, query), init);
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok && response.status !== 304) {
    let problem = null;
    try { problem = type.includes('json') ? await response.json() : { detail: await response.text() }; } catch { /* empty */ }
    throw new ApiError(response.status, problem, response.headers);
  }
  let data = null;
  if (blob) data = await response.blob();
  else if (type.includes('json')) data = await response.json();
  else if (response.status !== 204) data = await response.text();
  return { status: response.status, headers: response.headers, data };
}

export const get = async (path, query, options) => (await call('GET', path, { query, ...options })).data;
