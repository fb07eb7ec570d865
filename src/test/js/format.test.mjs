import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays, daysInclusive, daysLeftLabel, formatBRL, formatDate, formatDateTime, freshnessLabel, sourceLabel,
  todayInBrasilia,
} from '../../main/webapp/js/format.js';

test('money is Brazilian whatever the locale', () => {
  assert.equal(formatBRL(1234567.891), 'R$\u00a01.234.567,89');
  assert.equal(formatBRL(0), 'R$\u00a00,00');
  assert.equal(formatBRL(null), '—');
});

test('dates', () => {
  assert.equal(formatDate('2026-03-12T08:28:24'), '12/03/2026');
  assert.equal(formatDate(null), '—');
  assert.equal(formatDateTime('2026-03-12T08:28:24'), '12/03/2026 08:28');
  assert.equal(addDays('2026-03-01', -7), '2026-02-22');
  assert.equal(daysInclusive('2025-01-01', '2026-01-01'), 366);
  assert.equal(daysLeftLabel(-2), 'encerrada');
  assert.equal(daysLeftLabel(0), 'hoje');
  assert.equal(daysLeftLabel(1), '1 dia');
  assert.equal(daysLeftLabel(null), 'sem prazo');
});

test('today is taken in Brasília, not UTC', () => {
  // 01:30 UTC on the 2nd is still the 1st in Brasília (UTC-3).
  assert.equal(todayInBrasilia(new Date('2026-12-02T01:30:00Z')), '2026-12-01');
  assert.equal(todayInBrasilia(new Date('2026-12-02T04:00:00Z')), '2026-12-02');
});

test('freshness of the data behind a result', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  assert.equal(freshnessLabel('2026-12-07T11:48:00Z', now), 'Dados do PNCP atualizados há 12 min');
  assert.equal(freshnessLabel('2026-12-07T11:59:31Z', now), 'Dados do PNCP atualizados há menos de 1 min');
  assert.equal(freshnessLabel('2026-12-07T10:00:00Z', now), 'Dados do PNCP atualizados há 120 min');
  assert.equal(freshnessLabel('2026-12-07T06:30:00Z', now), 'Dados do PNCP atualizados há 5 h');
  assert.equal(freshnessLabel('2026-12-03T12:00:00Z', now), 'Dados do PNCP atualizados há 4 dias');
  // A clock a little ahead of the server's is not "in the future".
  assert.equal(freshnessLabel('2026-12-07T12:00:30Z', now), 'Dados do PNCP atualizados há menos de 1 min');
  assert.equal(freshnessLabel(null, now), null);
  assert.equal(freshnessLabel('ontem', now), null);
  assert.equal(sourceLabel('indice'), 'Fonte: índice local do PNCP');
  assert.equal(sourceLabel('pncp'), 'Fonte: PNCP, consulta ao vivo');
  assert.equal(sourceLabel(undefined), null);
});
