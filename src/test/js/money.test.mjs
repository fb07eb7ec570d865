import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterMoneyTyping, formatMoneyInput, parseBRL } from '../../main/webapp/js/money.js';

test('money typed the Brazilian way is read as Brazilians mean it', () => {
  assert.equal(parseBRL('1.500,00'), 1500);
  assert.equal(parseBRL('1.500'), 1500);
  assert.equal(parseBRL('1500'), 1500);
  assert.equal(parseBRL('1500,5'), 1500.5);
  assert.equal(parseBRL('R$ 1.234.567,89'), 1234567.89);
  assert.equal(parseBRL(' 0,99 '), 0.99);
  assert.equal(parseBRL('1500.50'), 1500.5); // the en-US habit, unambiguous with two decimals
  assert.equal(parseBRL('1.50'), 1.5);
  assert.equal(parseBRL(''), null);
  assert.equal(parseBRL('   '), null);
});

test('what is not money is refused with a message, never guessed', () => {
  for (const bad of ['1,5,0', 'abc', '1.50.0', '1.5000', '12.34.56', '1,234', '-5', '1.500,001', ',5', '1 500,00x']) {
    assert.throws(() => parseBRL(bad), /Valor inválido: use o formato 1.500,00/, bad);
  }
  assert.throws(() => parseBRL('100.000.000.000.000,00'), /acima do máximo/);
  assert.equal(parseBRL('10.000.000.000.000,00'), 1e13);
});

test('the field shows what it understood, grouped', () => {
  assert.equal(formatMoneyInput(1500), '1.500,00');
  assert.equal(formatMoneyInput(1234567.891), '1.234.567,89');
  assert.equal(formatMoneyInput(0.5), '0,50');
  assert.equal(formatMoneyInput(null), '');
  assert.equal(parseBRL(formatMoneyInput(98765.43)), 98765.43);
});

test('typing keeps digits, dots and one comma', () => {
  assert.equal(filterMoneyTyping('R$ 1.500,00'), '1.500,00');
  assert.equal(filterMoneyTyping('1,5,0'), '1,50');
  assert.equal(filterMoneyTyping('abc12'), '12');
});
