// Sorting and paging of result rows, in the browser.

const NUMERIC = new Set(['valor', 'dias_restantes', 'relevance_score']);

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

/** Each "Ordenar por" option as a sort of the rows: the select and the column headers are one control. */
export const ORDERINGS = {
  data_desc: { key: 'data_publicacao', dir: 'desc' },
  data_asc: { key: 'data_publicacao', dir: 'asc' },
  valor_desc: { key: 'valor', dir: 'desc' },
  valor_asc: { key: 'valor', dir: 'asc' },
  prazo_asc: { key: 'data_encerramento', dir: 'asc' },
  relevancia: { key: 'relevance_score', dir: 'desc' },
};

/** The ordering a click on a column header chooses, given the current one (a second click reverses it). */
export function orderingAfterHeaderClick(column, current) {
  if (column === 'valor') return current === 'valor_desc' ? 'valor_asc' : 'valor_desc';
  if (column === 'data_publicacao') return current === 'data_desc' ? 'data_asc' : 'data_desc';
  if (column === 'data_encerramento') return 'prazo_asc'; // deadlines: nearest first, the only useful way
  return current;
}

/** The rows in an ordering's order. */
export function orderRows(rows, ordering) {
  const o = ORDERINGS[ordering] || ORDERINGS.data_desc;
  return sortRows(rows, o.key, o.dir);
}
