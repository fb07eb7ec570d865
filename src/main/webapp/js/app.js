// The BidIQ page: the form, the live progress of a search (EventSource), and its results.
import {
  addDays, daysLeftLabel, filterBreakdown, formatBRL, formatDate, formatDateTime, freshnessLabel, plural,
  sourceLabel, statusLabel, todayInBrasilia, UNDISCLOSED, valueLabel,
} from './format.js';
import { filterMoneyTyping, formatMoneyInput, parseBRL } from './money.js';
import { highlightPieces } from './highlight.js';
import { forget, remember, searchToResume, urlWithSearch } from './resume.js';
import { announcement, initialState, isTerminal, reduce } from './search-state.js';
import { serverFieldErrors, validate } from './validation.js';
import { orderingAfterHeaderClick, orderRows, ORDERINGS, pageOf } from './table.js';

const REGIONS = {
  Norte: ['AC', 'AP', 'AM', 'PA', 'RO', 'RR', 'TO'],
  Nordeste: ['AL', 'BA', 'CE', 'MA', 'PB', 'PE', 'PI', 'RN', 'SE'],
  'Centro-Oeste': ['DF', 'GO', 'MT', 'MS'],
  Sudeste: ['ES', 'MG', 'RJ', 'SP'],
  Sul: ['PR', 'RS', 'SC'],
};
const DEFAULT_UFS = ['SC', 'PR', 'RS'];
const PAGE_SIZE = 25;
const OBJECT_PREVIEW = 180;
const FEW_RESULTS = 5;

const $ = (sel) => document.querySelector(sel);
let state = initialState();
let source = null;
let lastRequest = null;
let sectors = [];
let modalidades = [];
let terms = [];
let table = { rows: [], ordering: 'data_desc', page: 1, matched: false };

function dispatch(action) {
  const previous = state;
  state = reduce(state, action);
  const said = announcement(previous, state);
  if (said) $('#stage-announcer').textContent = said;
  if (state.searchId && state.lastEventId !== previous.lastEventId) {
    remember(sessionStorage, state.searchId, state.lastEventId);
  }
  render();
}

// ---------- server calls ----------

/** A fetch whose failures speak Portuguese: no connection, server errors, overload. */
async function call(url, options) {
  let res;
  try {
    res = await fetch(url, options);
  } catch (e) {
    throw new Error('Sem conexão com o servidor. Verifique sua internet e tente novamente.');
  }
  const body = await res.json().catch(() => ({}));
  return { res, body };
}

function httpMessage(res, body) {
  if (body && body.erro) return body.erro;
  if (res.status === 429) return 'Muitas buscas em pouco tempo. Aguarde um instante e tente novamente.';
  if (res.status === 503) return 'O servidor está ocupado no momento. Tente novamente em alguns instantes.';
  if (res.status === 404) return 'Não encontrado no servidor.';
  if (res.status >= 500) return 'O servidor não conseguiu atender agora. Tente novamente em alguns instantes.';
  return `O servidor recusou o pedido (código ${res.status}).`;
}

// ---------- form ----------

function buildUfToggles() {
  const box = $('#uf-regions');
  for (const [region, ufs] of Object.entries(REGIONS)) {
    const div = document.createElement('div');
    div.className = 'region';
    div.setAttribute('role', 'group');
    div.setAttribute('aria-label', region);
    div.innerHTML = `<span class="region-name" aria-hidden="true">${region}</span><div class="uf-toggles"></div>`;
    for (const uf of ufs) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'uf';
      b.textContent = uf;
      b.dataset.uf = uf;
      b.setAttribute('aria-pressed', DEFAULT_UFS.includes(uf) ? 'true' : 'false');
      b.addEventListener('click', () => {
        b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
        updateUfCount();
      });
      div.querySelector('.uf-toggles').append(b);
    }
    box.append(div);
  }
  $('#uf-all').addEventListener('click', () => setUfs(Object.values(REGIONS).flat()));
  $('#uf-none').addEventListener('click', () => setUfs([]));
  updateUfCount();
}

function setUfs(list) {
  document.querySelectorAll('.uf').forEach((b) => b.setAttribute('aria-pressed', list.includes(b.dataset.uf)
    ? 'true' : 'false'));
  updateUfCount();
}

function selectedUfs() {
  return [...document.querySelectorAll('.uf[aria-pressed="true"]')].map((b) => b.dataset.uf);
}

function updateUfCount() {
  const n = selectedUfs().length;
  $('#uf-count').textContent = n === 1 ? '1 estado selecionado' : `${n} estados selecionados`;
}

function showLoadError() {
  const failed = [];
  if (sectors.length === 0) failed.push('os setores');
  if (modalidades.length === 0) failed.push('as modalidades');
  const box = $('#load-error');
  box.hidden = failed.length === 0;
  if (failed.length === 0) return;
  box.innerHTML = `Não foi possível carregar ${failed.join(' e ')} do servidor; a busca fica indisponível até`
    + ' carregar. <button type="button" id="reload-lists" class="secondary small">Tentar novamente</button>';
  $('#reload-lists').addEventListener('click', loadLists);
}

async function loadSectors() {
  const select = $('#setor_id');
  try {
    const { res, body } = await call('api/setores');
    if (!res.ok || !Array.isArray(body.setores)) throw new Error(httpMessage(res, body));
    sectors = body.setores;
    const current = select.value;
    select.innerHTML = sectors.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('');
    if (current && sectors.some((s) => s.id === current)) select.value = current;
    updateSectorHint();
  } catch (e) {
    sectors = [];
    select.innerHTML = '<option value="">Setores indisponíveis</option>';
  }
}

function updateSectorHint() {
  const s = sectors.find((x) => x.id === $('#setor_id').value);
  $('#setor-hint').textContent = s && s.description ? s.description
    : 'Usa as palavras-chave e exclusões do setor.';
}

async function loadModalidades() {
  const box = $('#modalidades');
  try {
    const { res, body } = await call('api/modalidades');
    if (!res.ok || !Array.isArray(body.modalidades)) throw new Error(httpMessage(res, body));
    const checked = new Set(selectedModalidades());
    modalidades = body.modalidades;
    box.innerHTML = modalidades.map((m) => `<label class="check"><input type="checkbox" name="modalidade"`
      + ` value="${m.codigo}"${(checked.size ? checked.has(m.codigo) : m.codigo === 6) ? ' checked' : ''}>`
      + ` ${m.codigo} · ${esc(m.nome)}</label>`).join('');
  } catch (e) {
    modalidades = [];
    box.innerHTML = '<p class="muted">Modalidades indisponíveis.</p>';
  }
}

async function loadLists() {
  await Promise.all([loadSectors(), loadModalidades()]);
  showLoadError();
  const ready = sectors.length > 0 && modalidades.length > 0;
  $('#buscar').disabled = !ready;
  $('#abertas-agora').disabled = !ready;
}

function selectedModalidades() {
  return [...document.querySelectorAll('input[name="modalidade"]:checked')].map((c) => Number(c.value));
}

function modalidadeName(code) {
  const m = modalidades.find((x) => x.codigo === code);
  return m ? `${code} · ${m.nome}` : String(code);
}

// ----- sector or terms -----

function mode() {
  return document.querySelector('input[name="modo"]:checked').value;
}

function setMode(value) {
  document.querySelectorAll('input[name="modo"]').forEach((r) => { r.checked = r.value === value; });
  $('#mode-setor').hidden = value !== 'setor';
  $('#mode-termos').hidden = value !== 'termos';
}

function addTerms(text) {
  for (const piece of String(text).split(',')) {
    const t = piece.trim().replace(/\s+/g, ' ');
    if (t && !terms.some((x) => x.toLowerCase() === t.toLowerCase()) && terms.length < 20) terms.push(t);
  }
  renderChips();
}

function renderChips() {
  const box = $('#term-chips');
  box.innerHTML = terms.map((t, i) => `<span class="chip">${esc(t)}<button type="button" class="chip-remove"`
    + ` data-index="${i}" aria-label="Remover o termo ${esc(t)}">×</button></span>`).join('');
  box.querySelectorAll('.chip-remove').forEach((b) => b.addEventListener('click', () => {
    terms.splice(Number(b.dataset.index), 1);
    renderChips();
    $('#termo-input').focus();
  }));
}

function setupTerms() {
  document.querySelectorAll('input[name="modo"]').forEach((r) => r.addEventListener('change', () => setMode(mode())));
  const input = $('#termo-input');
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addTerms(input.value);
      input.value = '';
    } else if (e.key === 'Backspace' && input.value === '' && terms.length > 0) {
      terms.pop();
      renderChips();
    }
  });
  input.addEventListener('input', () => {
    if (input.value.includes(',')) {
      addTerms(input.value);
      input.value = '';
    }
  });
  $('#add-term').addEventListener('click', () => { addTerms(input.value); input.value = ''; input.focus(); });
}

// ----- period, money -----

function setPeriod(days) {
  const today = todayInBrasilia();
  $('#data_final').value = today;
  $('#data_inicial').value = addDays(today, -(days - 1));
  markPreset();
}

function markPreset() {
  const today = todayInBrasilia();
  document.querySelectorAll('.preset').forEach((b) => {
    const days = Number(b.dataset.days);
    const on = $('#data_final').value === today && $('#data_inicial').value === addDays(today, -(days - 1));
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
}

function setupMoney(id) {
  const input = $(id);
  input.addEventListener('input', () => {
    const filtered = filterMoneyTyping(input.value);
    if (filtered !== input.value) input.value = filtered;
  });
  // On leaving the field, a value it understood is shown grouped ("1.500,00"). What it cannot read is reported at
  // submit: a message appearing on blur would move the button the user is clicking.
  input.addEventListener('blur', () => {
    try {
      const n = parseBRL(input.value);
      if (n !== null) input.value = formatMoneyInput(n);
    } catch (e) { /* reported by readForm() */ }
  });
}

function list(text, separator) {
  return text.split(separator).map((s) => s.trim()).filter(Boolean);
}

/** The form as a request, and the problems found reading it (money that is not money). */
function readForm() {
  const errors = {};
  const req = {
    ufs: selectedUfs(),
    data_inicial: $('#data_inicial').value,
    data_final: $('#data_final').value,
    status: $('#status').value,
    ordenacao: $('#ordenacao').value,
    fonte: $('#fonte').value,
    modalidades: selectedModalidades(),
  };
  if (mode() === 'termos') {
    addTerms($('#termo-input').value);
    $('#termo-input').value = '';
    req.termos_busca = terms.join(', ');
  } else {
    req.setor_id = $('#setor_id').value || undefined;
  }
  for (const field of ['valor_minimo', 'valor_maximo']) {
    try {
      const n = parseBRL($(`#${field}`).value);
      if (n !== null) req[field] = n;
    } catch (e) {
      errors[field] = e.message;
    }
  }
  const exclusions = list($('#exclusion_terms').value, ',');
  if (exclusions.length) req.exclusion_terms = exclusions;
  const esferas = [...document.querySelectorAll('input[name="esfera"]:checked')].map((c) => c.value);
  if (esferas.length) req.esferas = esferas;
  const municipios = list($('#municipios').value, /[,;\s]+/);
  if (municipios.length) req.municipios = municipios;
  const orgaos = list($('#orgaos').value, ';');
  if (orgaos.length) req.orgaos = orgaos;
  return { req, errors };
}

/**
 * "Abertas agora": the form's UFs, sector or terms, modalities and filters, but every notice whose proposal
 * deadline is still ahead, whatever its publication date. Only the index answers it, so no dates and no source.
 */
function readOpenNow() {
  const read = readForm();
  const { req } = read;
  delete req.data_inicial;
  delete req.data_final;
  delete req.fonte;
  req.status = 'recebendo_proposta';
  req.somente_abertas = true;
  if (req.ordenacao === 'data_desc') req.ordenacao = 'prazo_asc';
  return read;
}

/** Puts a request back in the form (a resumed or shared search), so "Editar busca" starts from it. */
function fillForm(req) {
  if (!req) return;
  setUfs(req.ufs || []);
  if (req.data_inicial) $('#data_inicial').value = req.data_inicial;
  if (req.data_final) $('#data_final').value = req.data_final;
  markPreset();
  if (req.termos_busca) {
    terms = [];
    addTerms(req.termos_busca);
    setMode('termos');
  } else {
    setMode('setor');
    if (req.setor_id) $('#setor_id').value = req.setor_id;
  }
  if (req.status) $('#status').value = req.status;
  if (req.ordenacao) $('#ordenacao').value = req.ordenacao;
  if (req.fonte) $('#fonte').value = req.fonte;
  $('#valor_minimo').value = req.valor_minimo != null ? formatMoneyInput(req.valor_minimo) : '';
  $('#valor_maximo').value = req.valor_maximo != null ? formatMoneyInput(req.valor_maximo) : '';
  if (req.modalidades) {
    document.querySelectorAll('input[name="modalidade"]').forEach((c) => {
      c.checked = req.modalidades.includes(Number(c.value));
    });
  }
  $('#exclusion_terms').value = (req.exclusion_terms || []).join(', ');
  document.querySelectorAll('input[name="esfera"]').forEach((c) => {
    c.checked = (req.esferas || []).map((e) => e.toUpperCase()).includes(c.value);
  });
  $('#municipios').value = (req.municipios || []).join(', ');
  $('#orgaos').value = (req.orgaos || []).join('; ');
}

/** One line saying what a request searches, for the collapsed form and the results header. */
function criteriaText(req) {
  if (!req) return '';
  const parts = [];
  const ufs = [...(req.ufs || [])].sort();
  parts.push(ufs.length === 27 ? 'Todos os estados' : ufs.join(', '));
  if (req.somente_abertas) parts.push('abertas agora (qualquer data de publicação)');
  else parts.push(`publicadas de ${formatDate(req.data_inicial)} a ${formatDate(req.data_final)}`);
  if (req.termos_busca) parts.push(`termos: ${req.termos_busca}`);
  else {
    const s = sectors.find((x) => x.id === (req.setor_id || 'vestuario'));
    parts.push(s ? s.name : (req.setor_id || 'Vestuário e Uniformes'));
  }
  parts.push(statusLabelForFilter(req.status));
  parts.push((req.modalidades || [6]).map(modalidadeName).join(', '));
  if (req.valor_minimo != null) parts.push(`a partir de ${formatBRL(req.valor_minimo)}`);
  if (req.valor_maximo != null) parts.push(`até ${formatBRL(req.valor_maximo)}`);
  if (req.exclusion_terms) parts.push(`excluindo: ${req.exclusion_terms.join(', ')}`);
  if (req.esferas) parts.push(`esfera ${req.esferas.join(', ')}`);
  if (req.municipios) parts.push(plural(req.municipios.length, 'município', 'municípios'));
  if (req.orgaos) parts.push(plural(req.orgaos.length, 'órgão', 'órgãos'));
  return parts.filter(Boolean).join(' · ');
}

function statusLabelForFilter(status) {
  return status === 'todos' || !status ? 'Todas as situações' : statusLabel(status);
}

function fieldInput(field) {
  const ids = { ufs: '.uf', modalidades: 'input[name="modalidade"]', termos_busca: '#termo-input',
    esferas: 'input[name="esfera"]' };
  return document.querySelector(ids[field] || `#${field}`);
}

/** Errors next to their fields, marked aria-invalid; with {@code focus}, the first one gets the focus. */
function showErrors(errors, focus = true) {
  const fields = Object.keys(errors);
  if (focus) {
    document.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
    document.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    document.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  }
  let first = null;
  for (const [field, message] of Object.entries(errors)) {
    const slot = document.querySelector(`[data-error-for="${field}"]`) || $('[data-error-for="_form"]');
    slot.textContent = message;
    const container = document.querySelector(`[data-field="${field}"]`);
    if (container) container.classList.add('invalid');
    const input = fieldInput(field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  if (focus && fields.length > 0) {
    showForm(false);
    if (first && first.closest('details')) first.closest('details').open = true;
    (first || $('[data-error-for="_form"]')).focus();
  }
}

// ---------- one search ----------

async function submit(event) {
  event.preventDefault();
  const { req, errors } = readForm();
  await start(req, errors);
}

async function start(req, readErrors = {}) {
  const errors = { ...validate(req), ...readErrors };
  showErrors(errors);
  if (Object.keys(errors).length > 0) return;
  req.search_id = crypto.randomUUID ? crypto.randomUUID() : undefined;
  lastRequest = req;
  closeStream();
  resetResults();
  collapseForm(req);
  dispatch({ type: 'submit' });
  $('#progress').scrollIntoView({ block: 'start' });
  $('#stage-text').focus();
  try {
    const { res, body } = await call('api/buscar', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req),
    });
    if (res.status === 400 || res.status === 422) {
      dispatch({ type: 'reset' });
      showErrors(serverFieldErrors(body));
      return;
    }
    if (!res.ok) throw new Error(httpMessage(res, body));
    track(body.search_id);
    dispatch({ type: 'accepted', searchId: body.search_id, eventsUrl: body.events_url, resultUrl: body.result_url });
    openStream();
  } catch (e) {
    dispatch({ type: 'failed', message: e.message || 'Não foi possível iniciar a busca.' });
  }
}

/** The search id goes into the URL and this tab's memory: a reload or a shared link finds it again. */
function track(id) {
  history.pushState({ busca: id }, '', urlWithSearch(location.href, id));
  remember(sessionStorage, id, 0);
}

function untrack() {
  history.replaceState(null, '', urlWithSearch(location.href, null));
  forget(sessionStorage);
}

function openStream() {
  const url = state.lastEventId > 0 ? `${state.eventsUrl}?lastEventId=${state.lastEventId}` : state.eventsUrl;
  source = new EventSource(url);
  source.onmessage = (e) => {
    let data;
    try { data = JSON.parse(e.data); } catch (err) { return; }
    dispatch({ type: 'event', id: Number(e.lastEventId), data });
    if (data.stage === 'complete') {
      closeStream();
      fetchResult();
    } else if (data.stage === 'error' || data.stage === 'cancelled') {
      closeStream();
    }
  };
  source.onerror = () => {
    if (isTerminal(state) || state.phase === 'fetching-result') return;
    dispatch({ type: 'disconnected' });
    if (source && source.readyState === EventSource.CLOSED) {
      // The browser gave up: open a new stream that resumes after the last event we have.
      closeStream();
      setTimeout(() => { if (state.phase === 'running') openStream(); }, 2000);
    }
  };
}

function closeStream() {
  if (source) {
    source.close();
    source = null;
  }
}

async function fetchResult() {
  try {
    const { res, body } = await call(state.resultUrl);
    if (!res.ok) throw new Error(httpMessage(res, body));
    if (body.status === 'error') {
      dispatch({ type: 'failed', message: body.erro || 'A busca falhou.' });
    } else {
      dispatch({ type: 'result', result: body.resultado });
    }
  } catch (e) {
    dispatch({ type: 'failed', message: e.message || 'Não foi possível obter o resultado. Tente novamente.' });
  }
}

async function cancelSearch() {
  if (!state.resultUrl) return;
  dispatch({ type: 'cancel-requested' });
  try {
    const { res, body } = await call(state.resultUrl, { method: 'DELETE' });
    if (!res.ok && res.status !== 202) throw new Error(httpMessage(res, body));
  } catch (e) {
    dispatch({ type: 'failed', message: e.message });
  }
}

/** On load: a search in the URL or in this tab's memory is resumed (running) or shown (finished). */
async function resume() {
  const found = searchToResume(location.search, sessionStorage);
  if (!found) return;
  const { res, body } = await call(`api/buscar/${encodeURIComponent(found.id)}`).catch((e) => ({ error: e }));
  if (!res) {
    dispatch({ type: 'failed', message: 'Sem conexão com o servidor. Verifique sua internet e tente novamente.' });
    return;
  }
  if (res.status === 404) {
    untrack();
    $('#load-error').hidden = false;
    $('#load-error').textContent = 'Essa busca não está mais disponível: os resultados ficam guardados por tempo'
      + ' limitado no servidor. Faça uma nova busca.';
    return;
  }
  if (!res.ok) {
    dispatch({ type: 'failed', message: httpMessage(res, body) });
    return;
  }
  lastRequest = body.pedido || null;
  fillForm(lastRequest);
  collapseForm(lastRequest);
  if (!new URLSearchParams(location.search).get('busca')) {
    history.replaceState({ busca: body.search_id }, '', urlWithSearch(location.href, body.search_id));
  }
  dispatch({ type: 'resumed', view: body, lastEventId: found.lastEventId });
  if (state.phase === 'running') openStream();
}

// ---------- rendering ----------

let rendered = { phase: null, result: null };

function render() {
  renderProgress();
  if (state.phase === rendered.phase && state.result === rendered.result) return;
  const entered = state.phase !== rendered.phase;
  rendered = { phase: state.phase, result: state.result };
  const failed = state.phase === 'error' || state.phase === 'cancelled';
  $('#failure').hidden = !failed;
  if (failed) renderFailure();
  if (state.phase === 'complete' && state.result) {
    renderResults(state.result);
    if (entered) {
      $('#summary').scrollIntoView({ block: 'start' });
      $('#summary').focus();
    }
  }
  const busy = state.phase === 'starting' || state.phase === 'running' || state.phase === 'fetching-result';
  $('#buscar').disabled = busy || sectors.length === 0;
  $('#abertas-agora').disabled = busy || sectors.length === 0;
}

const STAGE_TEXT = {
  connecting: 'Conectando', consultando: 'Consultando o índice local', fetching: 'Buscando licitações no PNCP',
  filtering: 'Filtrando', summary: 'Gerando resumo', excel: 'Gerando planilha Excel', complete: 'Busca concluída',
};

function renderProgress() {
  const box = $('#progress');
  // Shown until the search ends well (then at 100 %, above its results); an error or a cancel replaces it.
  const visible = ['starting', 'running', 'fetching-result', 'complete'].includes(state.phase);
  box.hidden = !visible;
  if (!visible) return;
  const pct = Math.round(state.progress);
  $('#bar-fill').style.width = `${pct}%`;
  $('.bar').setAttribute('aria-valuenow', String(pct));
  $('.bar').setAttribute('aria-valuetext', `${pct}% · ${state.message || ''}`);
  $('#progress-pct').textContent = `${pct}%`;
  $('#stage-text').textContent = state.message || STAGE_TEXT[state.stage] || 'Iniciando';
  const total = state.ufTotal || (lastRequest && lastRequest.ufs ? lastRequest.ufs.length : 0);
  $('#ufs-done').textContent = `${state.ufsDone}/${total} ${total === 1 ? 'estado' : 'estados'}`;
  $('#items-found').textContent = plural(state.itemsFound, 'registro encontrado', 'registros encontrados');
  const cancel = $('#cancel');
  cancel.hidden = state.phase === 'complete' || state.phase === 'fetching-result';
  cancel.disabled = state.cancelling || state.phase !== 'running';
  cancel.textContent = state.cancelling ? 'Cancelando...' : 'Cancelar busca';
}

function renderFailure() {
  const cancelled = state.phase === 'cancelled';
  const detail = state.errorDetail || {};
  const pncpDown = detail.motivo === 'pncp_indisponivel';
  $('#failure').classList.toggle('cancelled', cancelled);
  $('#failure-title').textContent = cancelled ? 'Busca cancelada'
    : pncpDown ? 'Não foi possível consultar o PNCP' : 'Não foi possível concluir a busca';
  $('#failure-text').textContent = cancelled ? 'A busca foi interrompida e nenhum resultado foi guardado.'
    : state.error;
  const units = Array.isArray(detail.unidades_com_falha) ? detail.unidades_com_falha : [];
  $('#failure-units').innerHTML = affected(units).map((line) => `<li>${esc(line)}</li>`).join('');
  $('#retry').textContent = cancelled ? 'Buscar de novo' : 'Tentar novamente';
  $('#retry').hidden = !lastRequest;
  $('#failure').scrollIntoView({ block: 'start' });
  $('#failure-title').focus();
}

/** "SC: modalidades 4, 5" per UF, from failed units. */
function affected(units) {
  const byUf = new Map();
  for (const u of units) {
    if (!byUf.has(u.uf)) byUf.set(u.uf, new Set());
    byUf.get(u.uf).add(u.modalidade);
  }
  return [...byUf.entries()].map(([uf, mods]) => {
    const list = [...mods].sort((a, b) => a - b).map(modalidadeName).join(', ');
    return `${uf}: ${mods.size === 1 ? 'modalidade' : 'modalidades'} ${list}`;
  });
}

function resetResults() {
  $('#results').hidden = true;
  $('#failure').hidden = true;
  setupDownload(null);
  rendered = { phase: null, result: null };
}

function renderResults(r) {
  $('#results').hidden = false;
  const failed = r.unidades_com_falha || [];
  const fbox = $('#failed-units');
  fbox.hidden = failed.length === 0;
  fbox.innerHTML = failed.length === 0 ? '' : `<strong>Resultado parcial: ${failed.length === 1
    ? '1 consulta ao PNCP falhou' : `${failed.length} consultas ao PNCP falharam`}; outras licitações podem estar`
    + ` faltando.</strong><ul>${affected(failed).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;

  const missing = r.indice_nao_coberto || [];
  const mbox = $('#not-covered');
  mbox.hidden = missing.length === 0;
  mbox.innerHTML = missing.length === 0 ? '' : '<strong>O índice local não cobre todo o pedido; os resultados'
    + ` podem estar incompletos:</strong><ul>${missing.map((m) => `<li>${esc(m.uf)} · ${esc(modalidadeName(m.modalidade))}`
    + ` · ${formatDate(m.data_inicial)} a ${formatDate(m.data_final)}: ${esc(m.motivo)}</li>`).join('')}</ul>`;

  const resumo = r.resumo || {};
  const destaques = (resumo.destaques || []).map((d) => `<li>${esc(d)}</li>`).join('');
  const n = resumo.total_oportunidades || 0;
  const semValor = resumo.sem_valor || 0;
  $('#summary').innerHTML = `
    <h2 class="total">${n === 0 ? 'Nenhuma oportunidade encontrada'
    : `${esc(plural(n, 'oportunidade', 'oportunidades'))} · ${esc(formatBRL(resumo.valor_total || 0))}`}
      ${r.incompleta ? '<span class="badge badge-warn">resultado parcial</span>' : ''}</h2>
    ${semValor > 0 ? `<p class="muted">${esc(plural(semValor, 'licitação', 'licitações'))} com valor ${UNDISCLOSED}
      ${semValor === 1 ? 'fica' : 'ficam'} fora do total.</p>` : ''}
    <p>${esc(resumo.resumo_executivo || '')}</p>
    ${destaques ? `<h3>Destaques</h3><ul>${destaques}</ul>` : ''}
    ${resumo.alerta_urgencia ? `<p class="alert">${esc(resumo.alerta_urgencia)}</p>` : ''}
    <p class="muted">${esc(plural(r.total_raw, 'registro analisado', 'registros analisados'))} ·
      ${esc(plural(r.total_filtrado, 'após os filtros', 'após os filtros'))}</p>
    ${sourceHtml(r)}`;
  renderBreakdown(r);

  setupDownload(r);
  $('#results-criteria').textContent = lastRequest ? `Busca: ${criteriaText(lastRequest)}` : '';
  table = { rows: r.licitacoes || [], ordering: (lastRequest && lastRequest.ordenacao) || 'data_desc', page: 1 };
  $('#results-title').textContent = `Resultados (${table.rows.length})`;
  $('#table-caption').textContent = `Licitações encontradas: ${r.rotulo_busca || ''}`.replace(/: $/, '');
  setOrdering(table.ordering, false);
  renderTable();
}

function renderBreakdown(r) {
  const box = $('#filter-breakdown');
  const lines = filterBreakdown(r.filter_stats);
  const few = (r.total_filtrado || 0) < FEW_RESULTS;
  box.hidden = !few || lines.length === 0;
  box.innerHTML = box.hidden ? '' : `<h3>Por que ${r.total_filtrado === 0 ? 'nenhuma licitação ficou'
    : 'poucas licitações ficaram'}</h3><p>Dos ${esc(plural(r.total_raw, 'registro analisado', 'registros analisados'))}:</p>`
    + `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`
    + '<p class="muted">Amplie o período, os estados ou as modalidades, ou revise os termos.</p>';
}

/** Which source answered and how fresh its data is ("Dados do PNCP atualizados há N min"). */
function sourceHtml(r) {
  const label = sourceLabel(r.fonte);
  if (!label) return '';
  const fresh = freshnessLabel(r.dados_atualizados_em);
  const title = r.dados_atualizados_em ? ` title="${esc(formatDateTime(toBrasiliaIso(r.dados_atualizados_em)))}"` : '';
  return `<p id="source-info" class="source" data-fonte="${esc(r.fonte)}">${esc(label)}`
    + `${fresh ? ` · <span id="freshness"${title}>${esc(fresh)}</span>` : ''}`
    + `${r.fonte_motivo ? ` <span class="muted">(${esc(r.fonte_motivo)})</span>` : ''}</p>`;
}

/** An instant as a local Brasília "YYYY-MM-DDTHH:mm" for display. */
function toBrasiliaIso(instant) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function setupDownload(r) {
  const a = $('#download');
  a.hidden = true;
  a.removeAttribute('download');
  a.removeAttribute('href'); // never the previous search's file
  if (!r) return;
  if (r.download_url) {
    a.href = r.download_url;
  } else if (r.download_id) {
    a.href = `api/download/${encodeURIComponent(r.download_id)}`;
  } else if (r.excel_base64) {
    const bytes = Uint8Array.from(atob(r.excel_base64), (c) => c.charCodeAt(0));
    const blob = new Blob([bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    a.href = URL.createObjectURL(blob);
    a.download = `BidIQ_${(r.rotulo_busca || 'relatorio').normalize('NFD').replace(/[^\w]+/g, '_')}.xlsx`;
  } else {
    return;
  }
  a.hidden = false;
}

function setOrdering(ordering, rerender = true) {
  table.ordering = ORDERINGS[ordering] ? ordering : 'data_desc';
  $('#ordenar-resultados').value = table.ordering;
  $('#ordenacao').value = table.ordering;
  const o = ORDERINGS[table.ordering];
  document.querySelectorAll('#results-table th[data-sort]').forEach((th) => {
    th.setAttribute('aria-sort', th.dataset.sort === o.key ? (o.dir === 'asc' ? 'ascending' : 'descending') : 'none');
  });
  if (rerender) {
    table.page = 1;
    renderTable();
  }
}

function renderTable() {
  const rows = orderRows(table.rows, table.ordering);
  const { rows: pageRows, page, pages } = pageOf(rows, table.page, PAGE_SIZE);
  table.page = page;
  const tbody = $('#results-table tbody');
  if (rows.length === 0) {
    tbody.innerHTML = '<tr><td colspan="9" class="empty">Nenhuma licitação encontrada com esses filtros.</td></tr>';
  } else {
    tbody.innerHTML = pageRows.map(rowHtml).join('');
    tbody.querySelectorAll('.more').forEach((b) => b.addEventListener('click', () => toggleObject(b)));
  }
  $('#page-info').textContent = `Página ${page} de ${pages}`;
  $('#prev-page').disabled = page <= 1;
  $('#next-page').disabled = page >= pages;
}

function toggleObject(button) {
  const cell = button.closest('.objeto');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  button.textContent = open ? 'ver menos' : 'ver mais';
  cell.querySelector('.objeto-rest').hidden = !open;
  cell.querySelector('.objeto-ellipsis').hidden = open;
}

function marked(text, matched) {
  return highlightPieces(text, matched).map((p) => (p.hit ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
}

function objectHtml(l) {
  const text = l.objeto || '';
  const matched = l.matched_terms || [];
  if (text.length <= OBJECT_PREVIEW) return marked(text, matched);
  const cut = text.lastIndexOf(' ', OBJECT_PREVIEW) > OBJECT_PREVIEW / 2 ? text.lastIndexOf(' ', OBJECT_PREVIEW)
    : OBJECT_PREVIEW;
  return `${marked(text.slice(0, cut), matched)}<span class="objeto-ellipsis">…</span>`
    + `<span class="objeto-rest" hidden>${marked(text.slice(cut), matched)}</span> `
    + '<button type="button" class="link more" aria-expanded="false">ver mais</button>';
}

const STATUS_CLASS = { recebendo_proposta: 'open', em_julgamento: 'judging', encerrada: 'closed' };

function rowHtml(l) {
  const urg = l.urgencia || 'none';
  const link = /^https?:\/\//.test(l.link || '') ? `<a class="edital" href="${esc(l.link)}" target="_blank"`
    + ' rel="noopener">Abrir edital no PNCP<span class="visually-hidden"> (abre em nova aba)</span></a>' : '—';
  const matched = (l.matched_terms || []).length ? `<span class="matched">Termos encontrados:
    ${esc(l.matched_terms.join(', '))}</span>` : '';
  const value = l.valor === null || l.valor === undefined
    ? `<span class="undisclosed">${UNDISCLOSED}</span>` : esc(formatBRL(l.valor));
  return `<tr>
    <td class="objeto" data-label="Objeto"><span class="objeto-text">${objectHtml(l)}</span>${matched}</td>
    <td data-label="Órgão">${esc(l.orgao || '—')}</td>
    <td data-label="UF / Município">${esc(l.uf || '')}${l.municipio ? ' / ' + esc(l.municipio) : ''}</td>
    <td class="num" data-label="Valor">${value}</td>
    <td data-label="Modalidade">${esc(l.modalidade || '')}</td>
    <td data-label="Publicação">${formatDate(l.data_publicacao)}</td>
    <td data-label="Encerramento">${formatDateTime(l.data_encerramento)}
      <span class="urg urg-${esc(urg)}">${esc(daysLeftLabel(l.dias_restantes))}</span></td>
    <td data-label="Situação"><span class="badge status-${STATUS_CLASS[l.status] || 'unknown'}">`
    + `${esc(statusLabel(l.status))}</span></td>
    <td data-label="Edital">${link}</td></tr>`;
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---------- form collapsing ----------

function collapseForm(req) {
  if (!req) return;
  $('#criteria-text').textContent = criteriaText(req);
  $('#criteria').hidden = false;
  $('#search-form').hidden = true;
}

function showForm(focus = true) {
  $('#search-form').hidden = false;
  $('#criteria').hidden = true;
  if (focus) {
    $('#search-form').scrollIntoView({ block: 'start' });
    $('#form-title').setAttribute('tabindex', '-1');
    $('#form-title').focus();
  }
}

function scrollToTable() {
  $('#results-title').scrollIntoView({ block: 'start' });
}

function setupTable() {
  $('#ordenar-resultados').innerHTML = $('#ordenacao').innerHTML; // one list of orderings, two places to choose
  document.querySelectorAll('#results-table th[data-sort] button').forEach((button) => {
    button.addEventListener('click', () => {
      setOrdering(orderingAfterHeaderClick(button.closest('th').dataset.sort, table.ordering));
    });
  });
  $('#ordenar-resultados').addEventListener('change', (e) => setOrdering(e.target.value));
  $('#ordenacao').addEventListener('change', (e) => { if (table.rows.length) setOrdering(e.target.value); });
  $('#prev-page').addEventListener('click', () => { table.page -= 1; renderTable(); scrollToTable(); });
  $('#next-page').addEventListener('click', () => { table.page += 1; renderTable(); scrollToTable(); });
}

// ---------- start ----------

async function init() {
  setPeriod(7);
  buildUfToggles();
  setupTerms();
  setupTable();
  setupMoney('#valor_minimo');
  setupMoney('#valor_maximo');
  document.querySelectorAll('.preset').forEach((b) => b.addEventListener('click', () => setPeriod(Number(b.dataset.days))));
  $('#data_inicial').addEventListener('change', markPreset);
  $('#data_final').addEventListener('change', markPreset);
  $('#data_inicial').max = todayInBrasilia();
  $('#data_final').max = todayInBrasilia();
  $('#setor_id').addEventListener('change', updateSectorHint);
  $('#search-form').addEventListener('submit', submit);
  $('#abertas-agora').addEventListener('click', () => {
    const { req, errors } = readOpenNow();
    start(req, errors);
  });
  $('#cancel').addEventListener('click', cancelSearch);
  $('#edit-search').addEventListener('click', () => showForm());
  $('#failure-edit').addEventListener('click', () => showForm());
  $('#retry').addEventListener('click', () => { if (lastRequest) start({ ...lastRequest }); });
  window.addEventListener('popstate', () => window.location.reload());
  await loadLists();
  await resume();
}

init();
