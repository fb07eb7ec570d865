import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  forget, idFromQuery, remember, remembered, searchToResume, urlWithSearch, validId,
} from '../../main/webapp/js/resume.js';

const ID = '3f2b8c1e-9d4a-4e5b-8f6a-1b2c3d4e5f60';
const OTHER = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

function memoryStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k), raw: m,
  };
}

test('the search id comes from ?busca= and only when it is a UUID', () => {
  assert.equal(idFromQuery(`?busca=${ID}`), ID);
  assert.equal(idFromQuery(`?x=1&busca=${ID.toUpperCase()}`), ID);
  assert.equal(idFromQuery('?busca=<script>'), null);
  assert.equal(idFromQuery(''), null);
  assert.equal(validId('../../etc'), null);
});

test('the URL carries the id without losing other parameters', () => {
  assert.equal(urlWithSearch('http://h/bidiq/?a=1#x', ID), `http://h/bidiq/?a=1&busca=${ID}#x`);
  assert.equal(urlWithSearch(`http://h/bidiq/?busca=${ID}&a=1`, null), 'http://h/bidiq/?a=1');
  assert.equal(urlWithSearch(`http://h/bidiq/?busca=${OTHER}`, ID), `http://h/bidiq/?busca=${ID}`);
});

test('a reload resumes after the last event this tab saw', () => {
  const s = memoryStorage();
  remember(s, ID, 0);
  remember(s, ID, 7);
  assert.deepEqual(searchToResume(`?busca=${ID}`, s), { id: ID, lastEventId: 7 });
  assert.deepEqual(searchToResume('', s), { id: ID, lastEventId: 7 }); // a URL without the id: this tab's search
});

test('a shared link replays its search from the start', () => {
  const s = memoryStorage();
  remember(s, OTHER, 12);
  assert.deepEqual(searchToResume(`?busca=${ID}`, s), { id: ID, lastEventId: 0 });
  assert.equal(remembered(s, ID), 0);
});

test('nothing to resume: forgotten, empty, corrupt or hostile storage', () => {
  const s = memoryStorage();
  assert.equal(searchToResume('', s), null);
  remember(s, ID, 3);
  forget(s);
  assert.equal(searchToResume('', s), null);
  s.setItem('bidiq.busca', '{not json');
  assert.equal(searchToResume('', s), null);
  s.setItem('bidiq.busca', JSON.stringify({ id: 'x', lastEventId: 5 }));
  assert.equal(searchToResume('', s), null);
  s.setItem('bidiq.busca', JSON.stringify({ id: ID, lastEventId: -4 }));
  assert.deepEqual(searchToResume('', s), { id: ID, lastEventId: 0 });
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); }, removeItem() {} };
  remember(broken, ID, 1);
  assert.equal(searchToResume('', broken), null);
});
