// Calls to the moderation API with the session cookie and its CSRF token; problems become errors.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function createApi(fetchImpl = fetch) {
  let csrf = null;
  async function call(method, path, body, withHeaders = false) {
    const headers = { Accept: 'application/json' };
    if (csrf) headers['X-CSRF-Token'] = csrf;
    const init = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetchImpl(path, init);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return withHeaders ? { data, headers: response.headers } : data;
  }
  return {
    setCsrf(token) {
      csrf = token;
    },
    get: (path) => call('GET', path),
    /** A GET whose answer's headers matter too (a page of the queue: its total and next cursor). */
    getPage: (path) => call('GET', path, undefined, true),
    post: (path, body) => call('POST', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
  };
}
