// Sorting and paging of result rows, in the browser.

const NUMERIC = new Set(['valor', 'dias_restantes']);

export function sortRows(rows, key, direction = 'asc') {
  const sign = direction === 'desc' ? -1 : 1;
  const value = (r) => r[key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const aMissing = va === null || va === undefined || va === '';
    const bMissing = vb === null || vb === undefined || vb === '';
    if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1; // missing always last
    if (NUMERIC.has(key)) return sign * (Number(va) - Number(vb));
    return sign * String(va).localeCompare(String(vb), 'pt-BR', { sensitivity: 'base' });
  });
}

export function pageOf(rows, page, size) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}
