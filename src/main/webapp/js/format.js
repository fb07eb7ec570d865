// Brazilian formats, independent of the browser's locale.

const BRL = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567.891 -> "R$\u00a01.234.567,89": a non-breaking space, so "R$" never wraps away from its number. */
export function formatBRL(value) {
  const n = Number(value);
  if (value === null || value === undefined || Number.isNaN(n)) return '—';
  return 'R$\u00a0' + BRL.format(n).replace(/\u00a0/g, ' ');
}

/** What an undisclosed value says: PNCP sends 0 both for a sigiloso budget and for one never informed. */
export const UNDISCLOSED = 'sigiloso / não informado';

/** A notice's value, or the undisclosed label (the API sends null for both). */
export function valueLabel(value) {
  return value === null || value === undefined ? UNDISCLOSED : formatBRL(value);
}

/** "1 estado", "2 estados": counts in Portuguese. */
export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

const STATUS = {
  recebendo_proposta: 'Recebendo propostas', em_julgamento: 'Em julgamento', encerrada: 'Encerrada',
};

/** The inferred status as the badge says it. */
export function statusLabel(status) {
  return STATUS[status] || 'Situação desconhecida';
}

const REJECTIONS = [
  ['rejeitadas_keyword', 'sem palavras do setor ou dos termos', 'sem palavras do setor ou dos termos'],
  ['rejeitadas_exclusao', 'excluída por um termo de exclusão', 'excluídas por termos de exclusão'],
  ['rejeitadas_contexto', 'sem o contexto exigido pelo setor', 'sem o contexto exigido pelo setor'],
  ['rejeitadas_min_match', 'com poucos termos em comum', 'com poucos termos em comum'],
  ['rejeitadas_red_flags', 'descartada por sinais de outro setor', 'descartadas por sinais de outro setor'],
  ['rejeitadas_status', 'fora da situação escolhida', 'fora da situação escolhida'],
  ['rejeitadas_prazo', 'com prazo encerrado', 'com prazo encerrado'],
  ['rejeitadas_valor', 'fora da faixa de valor', 'fora da faixa de valor'],
  ['rejeitadas_esfera', 'de outra esfera', 'de outras esferas'],
  ['rejeitadas_municipio', 'de outro município', 'de outros municípios'],
  ['rejeitadas_orgao', 'de outro órgão', 'de outros órgãos'],
  ['rejeitadas_uf', 'de outra UF', 'de outras UFs'],
  ['rejeitadas_modalidade', 'de outra modalidade', 'de outras modalidades'],
  ['rejeitadas_outros', 'descartada por outro motivo', 'descartadas por outros motivos'],
];

/** Why notices were left out: "312 sem palavras do setor ou dos termos", largest first; zero counts omitted. */
export function filterBreakdown(stats) {
  if (!stats) return [];
  return REJECTIONS.map(([key, one, many]) => [Number(stats[key]) || 0, one, many])
    .filter(([n]) => n > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
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
