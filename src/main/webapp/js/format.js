// Brazilian formats, independent of the browser's locale.

const BRL = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567.891 -> "R$ 1.234.567,89" (a normal space, so text is stable to compare). */
export function formatBRL(value) {
  const n = Number(value);
  if (value === null || value === undefined || Number.isNaN(n)) return '—';
  return 'R$ ' + BRL.format(n).replace(/\u00a0/g, ' ');
}

/** "2026-03-12T08:28:24" or "2026-03-12" -> "12/03/2026". */
export function formatDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "2026-03-12T08:28:24" -> "12/03/2026 08:28". */
export function formatDateTime(iso) {
  if (!iso || iso.length < 16) return formatDate(iso);
  return `${formatDate(iso)} ${iso.slice(11, 16)}`;
}

/** Today's date in Brasília as "YYYY-MM-DD", whatever the browser's time zone. */
export function todayInBrasilia(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "YYYY-MM-DD" plus n days (n may be negative), in calendar days. */
export function addDays(isoDate, n) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/** Days between two "YYYY-MM-DD" dates, inclusive of both ends. */
export function daysInclusive(from, to) {
  const a = Date.parse(from + 'T00:00:00Z');
  const b = Date.parse(to + 'T00:00:00Z');
  return Math.round((b - a) / 86400000) + 1;
}

/** The days-left label shown in the table. */
export function daysLeftLabel(dias) {
  if (dias === null || dias === undefined) return 'sem prazo';
  if (dias < 0) return 'encerrada';
  if (dias === 0) return 'hoje';
  return dias === 1 ? '1 dia' : `${dias} dias`;
}

/**
 * How old the PNCP data behind a result is: "Dados do PNCP atualizados há 12 min" (minutes up to two hours, the
 * index's default freshness limit; then hours, then days). Null when the time is unknown.
 */
export function freshnessLabel(iso, now = new Date()) {
  const t = Date.parse(iso || '');
  if (Number.isNaN(t)) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - t) / 60000));
  let age;
  if (minutes < 1) age = 'há menos de 1 min';
  else if (minutes <= 120) age = `há ${minutes} min`;
  else if (minutes < 48 * 60) age = `há ${Math.floor(minutes / 60)} h`;
  else age = `há ${Math.floor(minutes / 1440)} dias`;
  return `Dados do PNCP atualizados ${age}`;
}

/** Which source answered a search, as the page says it. */
export function sourceLabel(fonte) {
  if (fonte === 'indice') return 'Fonte: índice local do PNCP';
  if (fonte === 'pncp') return 'Fonte: PNCP, consulta ao vivo';
  return null;
}
