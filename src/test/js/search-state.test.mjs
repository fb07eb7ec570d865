import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, isTerminal, reduce } from '../../main/webapp/js/search-state.js';

const running = () => reduce(reduce(initialState(), { type: 'submit' }),
  { type: 'accepted', searchId: 's', eventsUrl: '/e', resultUrl: '/r' });

test('a search goes idle -> starting -> running -> complete', () => {
  let s = initialState();
  assert.equal(s.phase, 'idle');
  s = reduce(s, { type: 'submit' });
  assert.equal(s.phase, 'starting');
  s = reduce(s, { type: 'accepted', searchId: 's', eventsUrl: '/e', resultUrl: '/r' });
  assert.equal(s.phase, 'running');
  s = reduce(s, { type: 'event', id: 1, data: { stage: 'connecting', progress: 3, message: 'x' } });
  s = reduce(s, { type: 'event', id: 2, data: { stage: 'complete', progress: 100, detail: {} } });
  assert.equal(s.phase, 'fetching-result');
  s = reduce(s, { type: 'result', result: { licitacoes: [] } });
  assert.ok(isTerminal(s));
  assert.equal(s.progress, 100);
});

test('progress never goes backwards and repeated events are ignored', () => {
  let s = running();
  s = reduce(s, { type: 'event', id: 1, data: { stage: 'fetching', progress: 40,
    detail: { uf_index: 2, uf_total: 3, items_found: 50 } } });
  s = reduce(s, { type: 'disconnected' });
  s = reduce(s, { type: 'event', id: 1, data: { stage: 'fetching', progress: 40 } });
  s = reduce(s, { type: 'event', id: 2, data: { stage: 'fetching', progress: 30,
    detail: { uf_index: 1, uf_total: 3, items_found: 10 } } });
  assert.equal(s.progress, 40);
  assert.equal(s.ufsDone, 2);
  assert.equal(s.itemsFound, 50);
  assert.equal(s.lastEventId, 2);
  assert.equal(s.reconnects, 1);
});

test('an error event ends the search with its message', () => {
  let s = running();
  s = reduce(s, { type: 'event', id: 1, data: { stage: 'error', progress: -1, message: 'PNCP fora do ar' } });
  assert.equal(s.phase, 'error');
  assert.equal(s.error, 'PNCP fora do ar');
  assert.ok(isTerminal(s));
  assert.equal(reduce(s, { type: 'event', id: 2, data: { stage: 'fetching', progress: 50 } }), s);
});
