// The BidIQ page: the form, the live progress of a search (EventSource), and its results.
import {
  addDays, daysLeftLabel, formatBRL, formatDate, formatDateTime, freshnessLabel, sourceLabel, todayInBrasilia,
} from './format.js';
import { initialState, isTerminal, reduce } from './search-state.js';
import { serverFieldErrors, validate } from './validation.js';
import { pageOf, sortRows } from './table.js';

const REGIONS = {
  Norte: ['AC', 'AP', 'AM', 'PA', 'RO', 'RR', 'TO'],
  Nordeste: ['AL', 'BA', 'CE', 'MA', 'PB', 'PE', 'PI', 'RN', 'SE'],
  'Centro-Oeste': ['DF', 'GO', 'MT', 'MS'],
  Sudeste: ['ES', 'MG', 'RJ', 'SP'],
  Sul: ['PR', 'RS', 'SC'],
};
const DEFAULT_UFS = ['SC', 'PR', 'RS'];
const PAGE_SIZE = 25;

const $ = (sel) => document.querySelector(sel);
let state = initialState();
let source = null;
let table = { rows: [], key: null, dir: 'asc', page: 1 };

function dispatch(action) {
  state = reduce(state, action);
  renderProgress();
}

// ---------- form ----------

function buildUfToggles() {
  const box = $('#uf-regions');
  for (const [region, ufs] of Object.entries(REGIONS)) {
    const div = document.createElement('div');
    div.className = 'region';
    div.innerHTML = `<h3>${region}</h3><div class="uf-toggles"></div>`;
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
  $('#uf-all').addEventListener('click', () => setAllUfs(true));
  $('#uf-none').addEventListener('click', () => setAllUfs(false));
  updateUfCount();
}

function setAllUfs(on) {
  document.querySelectorAll('.uf').forEach((b) => b.setAttribute('aria-pressed', on ? 'true' : 'false'));
  updateUfCount();
}

function selectedUfs() {
  return [...document.querySelectorAll('.uf[aria-pressed="true"]')].map((b) => b.dataset.uf);
}

function updateUfCount() {
  const n = selectedUfs().length;
  $('#uf-count').textContent = n === 1 ? '1 estado selecionado' : `${n} estados selecionados`;
}

async function loadSectors() {
  const select = $('#setor_id');
  try {
    const res = await fetch('api/setores');
    const body = await res.json();
    select.innerHTML = body.setores.map((s) => `<option value="${esc(s.id)}" title="${esc(s.description)}">`
      + `${esc(s.name)}</option>`).join('');
  } catch (e) {
    select.innerHTML = '<option value="vestuario">Vestuário e Uniformes</option>';
  }
}

async function loadModalidades() {
  const box = $('#modalidades');
  let list;
  try {
    list = (await (await fetch('api/modalidades')).json()).modalidades;
  } catch (e) {
    list = [{ codigo: 6, nome: 'Pregão - Eletrônico' }];
  }
  box.innerHTML = list.map((m) => `<label><input type="checkbox" name="modalidade" value="${m.codigo}"`
    + `${m.codigo === 6 ? ' checked' : ''}> ${m.codigo} · ${esc(m.nome)}</label>`).join('');
}

function numberOrNull(id) {
  const v = $(id).value.trim();
  return v === '' ? null : Number(v);
}

function readForm() {
  const req = {
    ufs: selectedUfs(),
    data_inicial: $('#data_inicial').value,
    data_final: $('#data_final').value,
    setor_id: $('#setor_id').value || undefined,
    status: $('#status').value,
    ordenacao: $('#ordenacao').value,
    fonte: $('#fonte').value,
    modalidades: [...document.querySelectorAll('input[name="modalidade"]:checked')].map((c) => Number(c.value)),
    search_id: crypto.randomUUID ? crypto.randomUUID() : undefined,
  };
  const termos = $('#termos_busca').value.trim();
  if (termos) req.termos_busca = termos;
  const min = numberOrNull('#valor_minimo');
  const max = numberOrNull('#valor_maximo');
  if (min !== null) req.valor_minimo = min;
  if (max !== null) req.valor_maximo = max;
  return req;
}

/**
 * "Abertas agora": the form's UFs, sector or terms, modalities and filters, but every notice whose proposal
 * deadline is still ahead, whatever its publication date. Only the index answers it, so no dates and no source.
 */
function readOpenNow() {
  const req = readForm();
  delete req.data_inicial;
  delete req.data_final;
  delete req.fonte;
  req.status = 'recebendo_proposta';
  req.somente_abertas = true;
  if (req.ordenacao === 'data_desc') req.ordenacao = 'prazo_asc';
  return req;
}

function showErrors(errors) {
  document.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
  document.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
  for (const [field, message] of Object.entries(errors)) {
    const slot = document.querySelector(`[data-error-for="${field}"]`) || $('[data-error-for="_form"]');
    slot.textContent = message;
    const container = document.querySelector(`[data-field="${field}"]`);
    if (container) container.classList.add('invalid');
  }
}

async function submit(event) {
  event.preventDefault();
  await start(readForm());
}

async function start(req) {
  const errors = validate(req);
  showErrors(errors);
  if (Object.keys(errors).length > 0) return;
  closeStream();
  $('#results').hidden = true;
  setBusy(true);
  dispatch({ type: 'submit' });
  try {
    const res = await fetch('api/buscar', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req),
    });
    const body = await res.json().catch(() => ({}));
    if (res.status === 400 || res.status === 422) {
      showErrors(serverFieldErrors(body));
      dispatch({ type: 'failed', message: body.erro || 'Requisição inválida.' });
      return;
    }
    if (!res.ok) throw new Error(body.erro || `Erro ${res.status}`);
    dispatch({ type: 'accepted', searchId: body.search_id, eventsUrl: body.events_url, resultUrl: body.result_url });
    openStream();
  } catch (e) {
    dispatch({ type: 'failed', message: e.message || 'Não foi possível iniciar a busca.' });
  } finally {
    if (isTerminal(state) || state.phase === 'idle') setBusy(false);
  }
}

// ---------- progress ----------

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
    } else if (data.stage === 'error') {
      closeStream();
      setBusy(false);
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

function setBusy(busy) {
  $('#buscar').disabled = busy;
  $('#abertas-agora').disabled = busy;
}

function closeStream() {
  if (source) {
    source.close();
    source = null;
  }
}

async function fetchResult() {
  try {
    const res = await fetch(state.resultUrl);
    const body = await res.json();
    if (body.status === 'error') {
      dispatch({ type: 'failed', message: body.erro || 'A busca falhou.' });
    } else {
      dispatch({ type: 'result', result: body.resultado });
      renderResults(body.resultado);
    }
  } catch (e) {
    dispatch({ type: 'failed', message: 'Não foi possível obter o resultado. Tente novamente.' });
  } finally {
    setBusy(false);
  }
}

const STAGE_TEXT = {
  connecting: 'Conectando', consultando: 'Consultando o índice local', fetching: 'Buscando licitações no PNCP',
  filtering: 'Filtrando',
  summary: 'Gerando resumo', excel: 'Gerando planilha Excel', complete: 'Busca concluída', error: 'Erro',
};

function renderProgress() {
  const box = $('#progress');
  if (state.phase === 'idle') { box.hidden = true; return; }
  box.hidden = false;
  const pct = Math.round(state.progress);
  $('#bar-fill').style.width = `${pct}%`;
  $('.bar').setAttribute('aria-valuenow', String(pct));
  $('#progress-pct').textContent = `${pct}%`;
  const label = STAGE_TEXT[state.stage] || 'Iniciando';
  $('#stage-text').textContent = state.message || label;
  $('#ufs-done').textContent = `${state.ufsDone}/${state.ufTotal || selectedUfs().length}`;
  $('#items-found').textContent = String(state.itemsFound);
  const err = $('#progress-error');
  err.hidden = state.phase !== 'error';
  err.textContent = state.phase === 'error' ? state.error : '';
}

// ---------- results ----------

function renderResults(r) {
  $('#results').hidden = false;
  const resumo = r.resumo || {};
  const destaques = (resumo.destaques || []).map((d) => `<li>${esc(d)}</li>`).join('');
  $('#summary').innerHTML = `
    <p class="total">${resumo.total_oportunidades || 0} oportunidades · ${formatBRL(resumo.valor_total || 0)}</p>
    <p>${esc(resumo.resumo_executivo || '')}</p>
    ${destaques ? `<strong>Destaques</strong><ul>${destaques}</ul>` : ''}
    ${resumo.alerta_urgencia ? `<p class="alert">${esc(resumo.alerta_urgencia)}</p>` : ''}
    <p class="muted">${r.total_raw} registros do PNCP analisados · ${r.total_filtrado} após os filtros</p>
    ${sourceHtml(r)}`;

  const missing = r.indice_nao_coberto || [];
  const mbox = $('#not-covered');
  mbox.hidden = missing.length === 0;
  mbox.innerHTML = missing.length === 0 ? '' : `<strong>O índice local não cobre todo o pedido; os resultados`
    + ` podem estar incompletos:</strong><ul>${missing.map((m) => `<li>${esc(m.uf)} · modalidade ${m.modalidade}`
    + ` · ${formatDate(m.data_inicial)} a ${formatDate(m.data_final)}: ${esc(m.motivo)}</li>`).join('')}</ul>`;

  const failed = r.unidades_com_falha || [];
  const fbox = $('#failed-units');
  fbox.hidden = failed.length === 0;
  fbox.innerHTML = failed.length === 0 ? '' : `<strong>${failed.length} consulta(s) ao PNCP falharam; os resultados`
    + ` podem estar incompletos:</strong><ul>${failed.map((f) => `<li>${esc(f.uf)} · modalidade ${f.modalidade}`
    + ` · ${formatDate(f.data_inicial)} a ${formatDate(f.data_final)}: ${esc(f.motivo)}</li>`).join('')}</ul>`;

  setupDownload(r);
  table = { rows: r.licitacoes || [], key: null, dir: 'asc', page: 1 };
  $('#results-title').textContent = `Resultados (${table.rows.length})`;
  renderTable();
}

/** Which source answered and how fresh its data is ("Dados do PNCP atualizados há N min"). */
function sourceHtml(r) {
  const source = sourceLabel(r.fonte);
  if (!source) return '';
  const fresh = freshnessLabel(r.dados_atualizados_em);
  const title = r.dados_atualizados_em ? ` title="${esc(formatDateTime(toBrasiliaIso(r.dados_atualizados_em)))}"` : '';
  return `<p id="source-info" class="source" data-fonte="${esc(r.fonte)}">${esc(source)}`
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
  if (r.download_url) {
    a.href = r.download_url;
  } else if (r.download_id) {
    a.href = `api/download/${encodeURIComponent(r.download_id)}`;
  } else if (r.excel_base64) {
    const bytes = Uint8Array.from(atob(r.excel_base64), (c) => c.charCodeAt(0));
    const blob = new Blob([bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    a.href = URL.createObjectURL(blob);
    a.download = 'BidIQ_relatorio.xlsx';
  } else {
    return;
  }
  a.hidden = false;
}

function renderTable() {
  const rows = table.key ? sortRows(table.rows, table.key, table.dir) : table.rows;
  const { rows: pageRows, page, pages } = pageOf(rows, table.page, PAGE_SIZE);
  table.page = page;
  const tbody = $('#results-table tbody');
  if (rows.length === 0) {
    tbody.innerHTML = '<tr><td colspan="9" class="empty">Nenhuma licitação encontrada com esses filtros.</td></tr>';
  } else {
    tbody.innerHTML = pageRows.map(rowHtml).join('');
  }
  $('#page-info').textContent = `Página ${page} de ${pages}`;
  $('#prev-page').disabled = page <= 1;
  $('#next-page').disabled = page >= pages;
  document.querySelectorAll('#results-table th[data-sort]').forEach((th) => {
    th.setAttribute('aria-sort', th.dataset.sort === table.key
      ? (table.dir === 'asc' ? 'ascending' : 'descending') : 'none');
  });
}

function rowHtml(l) {
  const urg = l.urgencia || 'none';
  const link = /^https?:\/\//.test(l.link || '') ? `<a href="${esc(l.link)}" target="_blank" rel="noopener">Abrir</a>`
    : '—';
  return `<tr>
    <td class="objeto">${esc(l.objeto)}</td>
    <td>${esc(l.orgao || '—')}</td>
    <td>${esc(l.uf || '')}${l.municipio ? ' / ' + esc(l.municipio) : ''}</td>
    <td class="num">${formatBRL(l.valor)}</td>
    <td>${esc(l.modalidade || '')}</td>
    <td>${formatDate(l.data_publicacao)}</td>
    <td>${formatDateTime(l.data_encerramento)}</td>
    <td class="num"><span class="urg urg-${esc(urg)}">${esc(daysLeftLabel(l.dias_restantes))}</span></td>
    <td>${link}</td></tr>`;
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function setupTable() {
  document.querySelectorAll('#results-table th[data-sort]').forEach((th) => {
    th.addEventListener('click', () => {
      const key = th.dataset.sort;
      table.dir = table.key === key && table.dir === 'asc' ? 'desc' : 'asc';
      table.key = key;
      table.page = 1;
      renderTable();
    });
  });
  $('#prev-page').addEventListener('click', () => { table.page -= 1; renderTable(); });
  $('#next-page').addEventListener('click', () => { table.page += 1; renderTable(); });
}

// ---------- start ----------

function init() {
  const today = todayInBrasilia();
  $('#data_final').value = today;
  $('#data_inicial').value = addDays(today, -7);
  buildUfToggles();
  setupTable();
  loadSectors();
  loadModalidades();
  $('#search-form').addEventListener('submit', submit);
  $('#abertas-agora').addEventListener('click', () => start(readOpenNow()));
}

init();
