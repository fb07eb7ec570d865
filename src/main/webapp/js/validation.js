// Client-side checks that mirror the server's (messages in Portuguese, keyed by the API's field names).
import { daysInclusive, formatDate, todayInBrasilia } from './format.js';

export const UFS = ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR',
  'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'];
export const MAX_RANGE_DAYS = 366;
const STOPWORDS = new Set(['a', 'o', 'as', 'os', 'de', 'da', 'do', 'das', 'dos', 'e', 'em', 'no', 'na', 'nos',
  'nas', 'para', 'por', 'com', 'sem', 'um', 'uma', 'ou', 'que', 'se', 'ao', 'aos']);

function validDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s || '')) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function hasUsableTerm(text) {
  const pieces = text.includes(',') ? text.split(',') : text.split(/\s+/);
  return pieces.map((p) => p.trim().toLowerCase()).some((p) => {
    if (!p) return false;
    if (/[^\p{L}\p{N} -]/u.test(p)) return false;
    if (!p.includes(' ') && (STOPWORDS.has(p) || [...p].length < 4)) return false;
    return true;
  });
}

/**
 * Returns { field: message } for every problem; empty when the request can be sent. {@code today} is Brasília's
 * "YYYY-MM-DD" (the server's calendar too): no date may be after it.
 */
export function validate(req, today = todayInBrasilia()) {
  const errors = {};
  if (!req.ufs || req.ufs.length === 0) errors.ufs = 'Selecione ao menos uma UF';
  else if (req.ufs.some((u) => !UFS.includes(u))) errors.ufs = 'UF inválida';
  // "Abertas agora" asks for every notice still open, whatever its publication date: dates are optional.
  const abertas = req.somente_abertas === true;
  const noDates = abertas && !req.data_inicial && !req.data_final;
  const okStart = noDates || validDate(req.data_inicial);
  const okEnd = noDates || validDate(req.data_final);
  if (!okStart) errors.data_inicial = 'Informe uma data inicial válida';
  if (!okEnd) errors.data_final = 'Informe uma data final válida';
  if (abertas && req.fonte === 'pncp') {
    errors.fonte = '"Abertas agora" é respondida pelo índice local; não use a fonte PNCP ao vivo';
  }
  const future = `não pode estar no futuro (hoje é ${formatDate(today)})`;
  if (!noDates && okStart && req.data_inicial > today) errors.data_inicial = `A data inicial ${future}`;
  if (!noDates && okEnd && req.data_final > today) errors.data_final = `A data final ${future}`;
  if (!noDates && okStart && okEnd && !errors.data_final && !errors.data_inicial) {
    if (req.data_inicial > req.data_final) {
      errors.data_final = 'Data inicial deve ser anterior ou igual à data final';
    } else if (daysInclusive(req.data_inicial, req.data_final) > MAX_RANGE_DAYS) {
      errors.data_final = `Período máximo de ${MAX_RANGE_DAYS} dias entre a data inicial e a final`;
    }
  }
  if (!req.modalidades || req.modalidades.length === 0) errors.modalidades = 'Escolha ao menos uma modalidade';
  const min = req.valor_minimo;
  const max = req.valor_maximo;
  if (min !== undefined && min !== null && (Number.isNaN(min) || min < 0)) {
    errors.valor_minimo = 'O valor mínimo não pode ser negativo';
  }
  if (max !== undefined && max !== null && (Number.isNaN(max) || max < 0)) {
    errors.valor_maximo = 'O valor máximo não pode ser negativo';
  } else if (min != null && max != null && max < min) {
    errors.valor_maximo = 'O valor máximo deve ser maior ou igual ao valor mínimo';
  }
  if (req.termos_busca !== undefined && !(req.termos_busca || '').trim()) {
    errors.termos_busca = 'Adicione ao menos um termo, ou escolha buscar por setor';
  } else if (req.termos_busca && !hasUsableTerm(req.termos_busca)) {
    errors.termos_busca = 'Nenhum termo válido: use termos com pelo menos 4 caracteres';
  }
  if (req.municipios && req.municipios.some((m) => !/^\d{7}$/.test(m))) {
    errors.municipios = 'Município inválido: use o código IBGE de 7 dígitos (ex.: 4209300)';
  }
  return errors;
}

/** The server's 422 body {"campos": {field: [messages]}} as { field: message }. */
export function serverFieldErrors(body) {
  const out = {};
  const fields = (body && body.campos) || {};
  for (const [field, messages] of Object.entries(fields)) {
    out[field] = Array.isArray(messages) ? messages.join(' ') : String(messages);
  }
  if (Object.keys(out).length === 0 && body && body.erro) out._form = body.erro;
  return out;
}
