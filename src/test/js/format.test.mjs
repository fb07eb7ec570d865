import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, daysInclusive, daysLeftLabel, formatBRL, formatDate, formatDateTime, todayInBrasilia }
  from '../../main/webapp/js/format.js';

test('money is Brazilian whatever the locale', () => {
  assert.equal(formatBRL(1234567.891), 'R$ 1.234.567,89');
  assert.equal(formatBRL(0), 'R$ 0,00');
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
