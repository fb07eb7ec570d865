// Keeping a running search across reloads, closed tabs and shared links: its id lives in the URL (?busca={id})
// and in sessionStorage, with the id of the last progress event seen, so the stream resumes where it stopped.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = 'bidiq.busca';

export function validId(id) {
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
}

/** The search id in a query string ("?busca=..."), or null. */
export function idFromQuery(search) {
  return validId(new URLSearchParams(search || '').get('busca'));
}

/** The URL with ?busca={id} set (or removed when id is null), other parameters and the hash kept. */
export function urlWithSearch(href, id) {
  const url = new URL(href);
  if (id) url.searchParams.set('busca', id);
  else url.searchParams.delete('busca');
  return url.toString();
}

/** Which search to resume on load: the URL's (a shared link, a reload) wins over this tab's memory. */
export function searchToResume(search, storage) {
  const fromUrl = idFromQuery(search);
  if (fromUrl) return { id: fromUrl, lastEventId: remembered(storage, fromUrl) };
  const saved = read(storage);
  return saved ? { id: saved.id, lastEventId: saved.lastEventId } : null;
}

export function remember(storage, id, lastEventId = 0) {
  try {
    storage.setItem(KEY, JSON.stringify({ id, lastEventId }));
  } catch (e) { /* storage full or disabled: the URL still has the id */ }
}

export function forget(storage) {
  try { storage.removeItem(KEY); } catch (e) { /* nothing kept */ }
}

/** The last event id this tab saw for that search (0 when none: replay from the start). */
export function remembered(storage, id) {
  const saved = read(storage);
  return saved && saved.id === id ? saved.lastEventId : 0;
}

function read(storage) {
  try {
    const v = JSON.parse(storage.getItem(KEY) || 'null');
    const id = v && validId(v.id);
    if (!id) return null;
    const last = Number(v.lastEventId);
    return { id, lastEventId: Number.isInteger(last) && last > 0 ? last : 0 };
  } catch (e) {
    return null;
  }
}
