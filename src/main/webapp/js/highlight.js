// The matched terms of a result, marked in its object text: accent- and case-insensitive, at word starts, so
// "uniforme" marks "Uniformes" and "confeccao" marks "confecção".

function fold(c) {
  return c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * [{text, hit}] pieces of {@code text}; hits are the words (or phrases) starting with one of the terms. Pieces
 * joined give the text back unchanged.
 */
export function highlightPieces(text, terms) {
  const source = String(text ?? '');
  const chars = [...source];
  // One folded character per original one, so positions map back without offsets.
  const folded = chars.map((c) => { const f = fold(c); return f.length === 1 ? f : c.toLowerCase(); });
  const wanted = [...new Set((terms || []).map((t) => [...String(t)].map(fold).join('').trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length);
  const marks = new Array(chars.length).fill(false);
  for (const term of wanted) {
    const t = [...term];
    for (let i = 0; i + t.length <= chars.length; i++) {
      if (i > 0 && LETTER.test(chars[i - 1])) continue;
      let ok = true;
      for (let k = 0; k < t.length && ok; k++) ok = folded[i + k] === t[k];
      if (!ok) continue;
      let end = i + t.length;
      while (end < chars.length && LETTER.test(chars[end])) end++; // the rest of the word: plurals, suffixes
      for (let k = i; k < end; k++) marks[k] = true;
    }
  }
  const pieces = [];
  for (let i = 0; i < chars.length; i++) {
    const last = pieces[pieces.length - 1];
    if (last && last.hit === marks[i]) last.text += chars[i];
    else pieces.push({ text: chars[i], hit: marks[i] });
  }
  return pieces;
}
