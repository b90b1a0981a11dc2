/**
 * The search fields of TableSearch.astro: typing narrows the rows of the tables (and the items of the
 * lists) in the field's scope to those whose text holds what was typed, accents and case aside, and the
 * field says how many match. A field with a scope searches every element with that data-search-scope;
 * one without (DataTable's search) searches the table of the DataTable it sits in. Rows are hidden, never
 * removed, so clearing the field brings every row back as built; rows are read afresh on every search,
 * so a table re-sorted (tableSort.ts) or redrawn by the filters is searched as it now stands.
 */

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');

// A row's cells are joined with a space, so that a query cannot match across the end of one cell and the start of the next.
const textOf = (item: HTMLElement) => (item.tagName === 'TR' ? [...item.children].map((cell) => cell.textContent ?? '').join(' ') : (item.textContent ?? ''));

for (const box of document.querySelectorAll<HTMLElement>('[data-table-search]')) {
  const input = box.querySelector('input')!;
  const status = box.querySelector('[data-search-status]')!;
  const scopes = box.dataset.tableSearch
    ? [...document.querySelectorAll<HTMLElement>('[data-search-scope]')].filter((el) => el.dataset.searchScope === box.dataset.tableSearch)
    : [box.closest<HTMLElement>('.data-table-block')?.querySelector<HTMLElement>('table')].filter((el): el is HTMLElement => Boolean(el));
  const items = () => scopes.flatMap((scope) => [...scope.querySelectorAll<HTMLElement>('tbody tr, li')]);
  // The count is of the first table's rows: one per seller, where the other tables repeat them.
  const counted = () => new Set(scopes[0]?.querySelectorAll<HTMLElement>('tbody tr') ?? []);
  const apply = () => {
    const query = fold(input.value.trim());
    // Shows the rows a phone folds away (global.css, phone folds), so the search finds them too.
    for (const scope of scopes) scope.toggleAttribute('data-searching', query !== '');
    const count = counted();
    let matches = 0;
    for (const item of items()) {
      const match = query === '' || fold(textOf(item)).includes(query);
      if (item.hidden === match) item.hidden = !match;
      if (match && count.has(item)) matches++;
    }
    const noun = box.dataset.noun ?? '';
    // Text only: the query is the reader's own input.
    status.textContent =
      query === '' ? '' : matches === 0 ? `Nenhum resultado para “${input.value.trim()}”.` : `${matches} de ${count.size} ${noun} com “${input.value.trim()}”.`;
  };
  input.addEventListener('input', apply);
  // Rows the filters redraw (chartSwap.ts) come back as built: the search applies to them again.
  const observer = new MutationObserver(() => {
    if (input.value.trim() !== '') apply();
  });
  for (const scope of scopes) observer.observe(scope, { childList: true, subtree: true });
  box.hidden = false;
}
