// Calls the API with the bearer token; turns error bodies into ApiError and a 401 into a sign-in.

/** An API answer other than 2xx, with the API's error code and request id when it sent them. */
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The API client. `getToken` reads the current token; `onUnauthorized` runs on any 401 (expired or
 * revoked token) before the call rejects.
 */
export function createApiClient({ getToken, onUnauthorized }) {
  async function send(path, { method = 'GET', body, query, accept = 'application/json' } = {}) {
    const headers = { accept, authorization: `Bearer ${getToken() ?? ''}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (response.ok) return response;
    const error = await errorOf(response);
    if (response.status === 401) onUnauthorized(error);
    throw error;
  }

  const getJson = async (path, query) => (await send(path, { query })).json();

  return {
    status: () => getJson('/api/status'),
    summary: (query) => getJson('/api/summary', query),
    facebookSummary: (query) => getJson('/api/facebook/summary', query),
    mentions: (query) => getJson('/api/mentions', query),
    mentionCounts: (query) => getJson('/api/mention-counts', query),
    members: () => getJson('/api/members'),
    outlets: () => getJson('/api/outlets'),
    feeds: () => getJson('/api/feeds'),
    leads: () => getJson('/api/leads'),
    async reviewLead(leadId, action) {
      const path = `/api/leads/${encodeURIComponent(leadId)}`;
      return (await send(path, { method: 'PATCH', body: { action } })).json();
    },
    async markOutlet(domain, notPress) {
      const path = `/api/outlets/${encodeURIComponent(domain)}`;
      return (await send(path, { method: 'PATCH', body: { notPress } })).json();
    },
    async review(mentionId, status, note) {
      const body = note ? { status, note } : { status };
      const path = `/api/mentions/${encodeURIComponent(mentionId)}`;
      return (await send(path, { method: 'PATCH', body })).json();
    },
    alertSubscriptions: () => getJson('/api/alerts/subscriptions'),
    async createAlertSubscription(body) {
      return (await send('/api/alerts/subscriptions', { method: 'POST', body })).json();
    },
    async updateAlertSubscription(id, body) {
      const path = `/api/alerts/subscriptions/${encodeURIComponent(id)}`;
      return (await send(path, { method: 'PATCH', body })).json();
    },
    async deleteAlertSubscription(id) {
      const path = `/api/alerts/subscriptions/${encodeURIComponent(id)}`;
      return (await send(path, { method: 'DELETE' })).json();
    },
    async addMention(body) {
      return (await send('/api/mentions', { method: 'POST', body })).json();
    },
    events: (query) => getJson('/api/events', query),
    eventCoverage: (eventId) => getJson(`/api/events/${encodeURIComponent(eventId)}/coverage`),
    outcomesReport: (query) => getJson('/api/reports/outcomes', query),
    async saveEvent(eventId, body) {
      const path = eventId ? `/api/events/${encodeURIComponent(eventId)}` : '/api/events';
      return (await send(path, { method: eventId ? 'PUT' : 'POST', body })).json();
    },
    async deleteEvent(eventId) {
      return (await send(`/api/events/${encodeURIComponent(eventId)}`, { method: 'DELETE' })).json();
    },
    async decideCoverage(eventId, mentionId, action) {
      const path = `/api/events/${encodeURIComponent(eventId)}/coverage/${encodeURIComponent(mentionId)}`;
      return (await send(path, { method: 'PUT', body: { action } })).json();
    },
    /** The outcomes PDF as a Blob. */
    async outcomesPdf(query) {
      const response = await send('/api/reports/outcomes.pdf', { query, accept: 'application/pdf' });
      return response.blob();
    },
    /** The CSV as a Blob and the file name the server suggested. */
    async exportCsv(query) {
      const response = await send('/api/export.csv', { query, accept: 'text/csv' });
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
      return { blob: await response.blob(), filename: name ? decodeURIComponent(name) : undefined };
    },
  };
}

async function errorOf(response) {
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const detail = body?.error;
  return new ApiError(
    response.status,
    detail?.code ?? `http-${response.status}`,
    detail?.message ?? body?.message ?? response.statusText,
    detail?.requestId,
  );
}
