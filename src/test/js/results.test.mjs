import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightPieces } from '../../main/webapp/js/highlight.js';
import { filterBreakdown, plural, statusLabel, valueLabel } from '../../main/webapp/js/format.js';
import { orderingAfterHeaderClick, orderRows } from '../../main/webapp/js/table.js';
import { announcement, initialState, reduce } from '../../main/webapp/js/search-state.js';

const hits = (text, terms) => highlightPieces(text, terms).filter((p) => p.hit).map((p) => p.text);

test('matched terms are marked accent- and case-insensitively, whole words from their start', () => {
  assert.deepEqual(hits('Aquisição de UNIFORMES e jalecos', ['uniforme', 'jaleco']), ['UNIFORMES', 'jalecos']);
  assert.deepEqual(hits('Confecção de camisas', ['confeccao']), ['Confecção']);
  assert.deepEqual(hits('Reuniforme não conta', ['uniforme']), []);
  assert.deepEqual(hits('camisa polo azul', ['camisa polo']), ['camisa polo']);
  const text = 'Objeto <b>com</b> marcação';
  assert.equal(highlightPieces(text, ['marcacao']).map((p) => p.text).join(''), text);
});

test('undisclosed values, statuses and counts in Portuguese', () => {
  assert.equal(valueLabel(null), 'sigiloso / não informado');
  assert.equal(valueLabel(1500), 'R$\u00a01.500,00');
  assert.equal(statusLabel('em_julgamento'), 'Em julgamento');
  assert.equal(plural(1, 'estado', 'estados'), '1 estado');
  assert.equal(plural(2, 'estado', 'estados'), '2 estados');
});

test('the filter breakdown says why notices were left out, largest first', () => {
  assert.deepEqual(filterBreakdown({ rejeitadas_keyword: 312, rejeitadas_exclusao: 40, rejeitadas_valor: 0,
    rejeitadas_uf: 1 }), ['312 sem palavras do setor ou dos termos', '40 excluídas por termos de exclusão',
    '1 de outra UF']);
  assert.deepEqual(filterBreakdown(null), []);
});

test('headers and the "Ordenar por" select are one control', () => {
  assert.equal(orderingAfterHeaderClick('valor', 'data_desc'), 'valor_desc');
  assert.equal(orderingAfterHeaderClick('valor', 'valor_desc'), 'valor_asc');
  assert.equal(orderingAfterHeaderClick('data_publicacao', 'data_desc'), 'data_asc');
  assert.equal(orderingAfterHeaderClick('data_encerramento', 'valor_asc'), 'prazo_asc');
  const rows = [{ valor: 5, relevance_score: 0.2 }, { valor: null, relevance_score: 0.9 }, { valor: 9, relevance_score: 0.5 }];
  assert.deepEqual(orderRows(rows, 'valor_desc').map((r) => r.valor), [9, 5, null]);
  assert.deepEqual(orderRows(rows, 'relevancia').map((r) => r.relevance_score), [0.9, 0.5, 0.2]);
});

test('a cancelled search ends, and only stage changes are announced', () => {
  let s = reduce(reduce(initialState(), { type: 'submit' }), { type: 'accepted', searchId: 's', eventsUrl: '/e',
    resultUrl: '/r' });
  const a = reduce(s, { type: 'event', id: 1, data: { stage: 'fetching', progress: 10, message: 'Buscando' } });
  assert.equal(announcement(s, a), 'Buscando');
  const b = reduce(a, { type: 'event', id: 2, data: { stage: 'fetching', progress: 20, message: 'Buscando 2' } });
  assert.equal(announcement(a, b), null);
  s = reduce(b, { type: 'cancel-requested' });
  assert.ok(s.cancelling);
  s = reduce(s, { type: 'event', id: 3, data: { stage: 'cancelled', progress: 0, message: 'Busca cancelada.' } });
  assert.equal(s.phase, 'cancelled');
  assert.equal(announcement(b, s), 'Busca cancelada.');
});

test('a reloaded page picks the search up where the server has it', () => {
  const running = reduce(initialState(), { type: 'resumed', lastEventId: 4, view: { search_id: 's', status: 'running',
    events_url: '/e', result_url: '/r', progresso: { stage: 'fetching', progress: 40, message: 'Buscando' } } });
  assert.equal(running.phase, 'running');
  assert.equal(running.lastEventId, 4);
  assert.equal(running.progress, 40);
  const done = reduce(initialState(), { type: 'resumed', view: { search_id: 's', status: 'complete',
    pedido: { ufs: ['SC', 'SP'] }, resultado: { licitacoes: [], total_raw: 81 } } });
  assert.equal(done.phase, 'complete');
  assert.equal(done.progress, 100);
  assert.equal(done.ufsDone, 2);
  assert.equal(done.ufTotal, 2);
  assert.equal(done.itemsFound, 81);
  const failed = reduce(initialState(), { type: 'resumed', view: { search_id: 's', status: 'error', erro: 'x' } });
  assert.equal(failed.error, 'x');
});
