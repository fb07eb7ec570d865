import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverFieldErrors, validate } from '../../main/webapp/js/validation.js';
import { pageOf, sortRows } from '../../main/webapp/js/table.js';

const ok = { ufs: ['SP'], data_inicial: '2026-11-01', data_final: '2026-11-28', modalidades: [6] };

test('a good request passes', () => assert.deepEqual(validate(ok), {}));

test('client checks mirror the server', () => {
  const e = validate({ ufs: [], data_inicial: '2026-02-30', data_final: '2026-01-01', modalidades: [],
    valor_minimo: 10, valor_maximo: 5, termos_busca: 'de, pó' });
  assert.equal(e.ufs, 'Selecione ao menos uma UF');
  assert.ok(e.data_inicial);
  assert.ok(e.modalidades);
  assert.match(e.valor_maximo, /maior ou igual/);
  assert.match(e.termos_busca, /Nenhum termo válido/);
  assert.match(validate({ ...ok, data_inicial: '2026-12-01' }).data_final, /anterior ou igual/);
  assert.match(validate({ ...ok, data_inicial: '2024-01-01' }).data_final, /366 dias/);
});

test('server messages map to fields', () => {
  assert.deepEqual(serverFieldErrors({ erro: 'x', campos: { ufs: ['UF inválida'], data_final: ['a', 'b'] } }),
    { ufs: 'UF inválida', data_final: 'a b' });
  assert.deepEqual(serverFieldErrors({ erro: 'JSON inválido' }), { _form: 'JSON inválido' });
});

test('sorting keeps missing values last and pages are clamped', () => {
  const rows = [{ valor: 5, orgao: 'b' }, { valor: null, orgao: 'Á' }, { valor: 20, orgao: 'a' }];
  assert.deepEqual(sortRows(rows, 'valor', 'desc').map((r) => r.valor), [20, 5, null]);
  assert.deepEqual(sortRows(rows, 'valor', 'asc').map((r) => r.valor), [5, 20, null]);
  // Accents and case do not order names: equal names keep their order.
  assert.deepEqual(sortRows(rows, 'orgao', 'asc').map((r) => r.orgao), ['Á', 'a', 'b']);
  const many = Array.from({ length: 3001 }, (_, i) => ({ i }));
  assert.deepEqual(pageOf(many, 999, 25).page, 121);
  assert.equal(pageOf([], 1, 25).pages, 1);
});

test('"abertas agora" needs no dates, but dates it has are checked, and it is never live', () => {
  const abertas = { ufs: ['SP'], modalidades: [6], somente_abertas: true, status: 'recebendo_proposta' };
  assert.deepEqual(validate(abertas), {});
  assert.deepEqual(validate({ ...abertas, data_inicial: '2026-11-01', data_final: '2026-11-28' }), {});
  assert.ok(validate({ ...abertas, data_inicial: '2026-11-01' }).data_final);
  assert.match(validate({ ...abertas, fonte: 'pncp' }).fonte, /índice local/);
  // Without the flag, dates stay required.
  assert.ok(validate({ ufs: ['SP'], modalidades: [6] }).data_inicial);
});
