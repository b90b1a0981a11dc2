/**
 * Sortable DataTables: each column header of a table marked data-sortable becomes a button that sorts
 * the rows by that column, ascending first, descending on a second click; aria-sort and the arrow move
 * to the header sorted by. Without JavaScript the table keeps the order it was built in, which its header
 * states (DataTable.astro). Numeric and dated columns sort by the value in each cell's data-sort (the
 * text shows "R$ 1.234,56" or "31/10/2026"), text columns by the text; missing values last, ties in the
 * built order (src/lib/tableSort.ts, the same comparison the build used to state the order); rows marked
 * data-pinned (a total) stay at the bottom.
 *
 * On a phone, a table folded to its first rows (DataTable's phoneRows) keeps folding to the first rows
 * of the new order. A table whose rows the filters redraw (renderOverview.ts, renderGeografia.ts,
 * chartSwap.ts) is sorted again as the reader last asked.
 */

import { sortedOrder, textKey, type SortDirection, type SortKey } from '../lib/tableSort.ts';

const ARROW: Record<SortDirection, string> = { ascending: '▲', descending: '▼' };

/** A body cell's sort key: the number in data-sort for numeric and dated columns, the text otherwise. */
function keyOf(cell: HTMLElement | undefined, kind: string | undefined): SortKey {
  if (!cell) return null;
  if (kind === 'text') return textKey(cell.textContent ?? '');
  const raw = cell.dataset.sort;
  return raw === undefined || raw === '' ? null : Number(raw);
}

function setupTable(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])] as HTMLTableCellElement[];
  const body = table.tBodies[0];
  if (!body || headers.length === 0) return;
  const block = table.closest<HTMLElement>('.data-table-block');
  const phoneRows = block?.dataset.phoneRows ? Number(block.dataset.phoneRows) : null;
  // The built order, the tie-break of every sort.
  [...body.rows].forEach((row, i) => {
    row.dataset.builtOrder = String(i);
  });
  /** The reader's sort: set by a click, kept through redraws; null while the table is in its built order. */
  let chosen: { column: number; direction: SortDirection } | null = null;

  const arrowOf = (th: HTMLElement) => th.querySelector<HTMLElement>('.sort-arrow');
  const showState = (column: number, direction: SortDirection) => {
    headers.forEach((th, i) => {
      if (i === column) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
      const arrow = arrowOf(th);
      if (arrow) arrow.textContent = i === column ? ` ${ARROW[direction]}` : '';
    });
  };

  const observer = new MutationObserver(() => {
    if (chosen) sort(chosen.column, chosen.direction);
  });

  function sort(column: number, direction: SortDirection): void {
    const kind = headers[column]?.dataset.sortKind;
    const rows = [...body!.rows].sort((a, b) => Number(a.dataset.builtOrder ?? 0) - Number(b.dataset.builtOrder ?? 0));
    const keys = rows.map((row) => keyOf(row.cells[column], kind));
    // Pinned rows (a total) stay last, in their order.
    const ordered = sortedOrder(keys, direction)
      .map((i) => rows[i]!)
      .sort((a, b) => Number(a.hasAttribute('data-pinned')) - Number(b.hasAttribute('data-pinned')));
    body!.append(...ordered);
    if (phoneRows !== null) {
      for (const [i, row] of ordered.entries()) row.classList.toggle('phone-more', i >= phoneRows);
    }
    showState(column, direction);
    // The rows just moved are this script's own change, not a redraw to answer.
    observer.takeRecords();
  }

  headers.forEach((th, column) => {
    if (!th.dataset.sortKind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    if (!arrowOf(th)) {
      const arrow = document.createElement('span');
      arrow.className = 'sort-arrow';
      arrow.setAttribute('aria-hidden', 'true');
      th.append(arrow);
    }
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const current = th.getAttribute('aria-sort');
      const direction: SortDirection = current === 'ascending' ? 'descending' : 'ascending';
      chosen = { column, direction };
      sort(column, direction);
    });
  });
  observer.observe(body, { childList: true, subtree: true, characterData: true });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table.data-table[data-sortable]')) setupTable(table);
