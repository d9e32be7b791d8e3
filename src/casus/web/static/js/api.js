// The API, with the reading token when the server asks for one.

const TOKEN_KEY = "casus.token";

export class Unauthorized extends Error {}

export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export async function getJSON(path) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  if (response.status === 401 || response.status === 403) throw new Unauthorized(String(response.status));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Every event, a page of 500 at a time. */
export async function allEvents() {
  const events = [];
  for (let offset = 0; ; offset += 500) {
    const page = await getJSON(`/api/events?limit=500&offset=${offset}`);
    events.push(...page.events);
    if (events.length >= page.total || page.events.length === 0) return events;
  }
}

export const eventDetail = (id) => getJSON(`/api/events/${encodeURIComponent(id)}`);
export const documentText = (docId) =>
  getJSON(`/api/documents/${docId.split("/").map(encodeURIComponent).join("/")}`);
