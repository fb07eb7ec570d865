// Money as Brazilians type it: "1.500,00" is one thousand five hundred reais, whatever the browser's locale.

/** The largest value the API accepts (R$ 10 trilhões). */
export const MAX_VALUE = 1e13;

const GROUPED = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/; // 1.500 · 1.500,5 · 1.234.567,89
const PLAIN_COMMA = /^\d+(,\d{1,2})?$/; // 1500 · 1500,5
const PLAIN_DOT = /^\d+\.\d{1,2}$/; // 1500.50 (typed the en-US way: a dot and one or two decimals)

/**
 * The number in a money text, or null when the text is empty. Throws a RangeError with a Portuguese message when it
 * is not money ("1,5,0", "abc", "1.50.0") or is too large; never guesses.
 */
export function parseBRL(text) {
  const t = String(text ?? '').replace(/R\$/g, '').replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  let normal;
  if (GROUPED.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else if (PLAIN_COMMA.test(t)) normal = t.replace(',', '.');
  else if (PLAIN_DOT.test(t)) normal = t;
  else throw new RangeError('Valor inválido: use o formato 1.500,00');
  const n = Math.round(Number(normal) * 100) / 100;
  if (!Number.isFinite(n)) throw new RangeError('Valor inválido: use o formato 1.500,00');
  if (n > MAX_VALUE) throw new RangeError('Valor acima do máximo aceito (R$ 10.000.000.000.000,00)');
  return n;
}

/** 1500 -> "1.500,00": how the field shows a value it understood. */
export function formatMoneyInput(n) {
  if (n === null || n === undefined) return '';
  const [int, dec] = Number(n).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`;
}

/** What may be typed at all: digits, one comma, dots; anything else is dropped as it is typed. */
export function filterMoneyTyping(text) {
  let seenComma = false;
  let out = '';
  for (const c of String(text ?? '')) {
    if (/\d/.test(c) || c === '.') out += c;
    else if (c === ',' && !seenComma) { seenComma = true; out += c; }
  }
  return out;
}
