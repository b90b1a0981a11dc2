/**
 * The search fields of TableSearch.astro: typing narrows the rows of the tables (and the items of the
 * lists) in the field's scope to those whose text holds what was typed, accents and case aside. Rows
 * are hidden, never removed, so clearing the field brings every row back as built.
 */

const fold = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');

for (const box of document.querySelectorAll<HTMLElement>('[data-table-search]')) {
  const input = box.querySelector('input')!;
  const status = box.querySelector('[data-search-status]')!;
  const scopes = [...document.querySelectorAll<HTMLElement>('[data-search-scope]')].filter((el) => el.dataset.searchScope === box.dataset.tableSearch);
  const items = scopes.flatMap((scope) => [...scope.querySelectorAll<HTMLElement>('tbody tr, li')]);
  // A row's cells are joined with a space, so that a query cannot match across the end of one cell and the start of the next.
  const textOf = (item: HTMLElement) => (item.tagName === 'TR' ? [...item.children].map((cell) => cell.textContent ?? '').join(' ') : item.textContent ?? '');
  const texts = new Map(items.map((item) => [item, fold(textOf(item))]));
  // The count is of the first table's rows: one per seller, where the other tables repeat them.
  const counted = new Set(scopes[0]?.querySelectorAll<HTMLElement>('tbody tr') ?? []);
  input.addEventListener('input', () => {
    const query = fold(input.value.trim());
    // Shows the rows a phone folds away (global.css, phone folds), so the search finds them too.
    for (const scope of scopes) scope.toggleAttribute('data-searching', query !== '');
    let matches = 0;
    for (const item of items) {
      const match = query === '' || texts.get(item)!.includes(query);
      item.hidden = !match;
      if (match && counted.has(item)) matches++;
    }
    // Text only: the query is the reader's own input.
    status.textContent = query === ''
      ? ''
      : matches === 0
        ? `Nenhum resultado para “${input.value.trim()}”.`
        : `${matches} de ${counted.size} ${box.dataset.noun ?? ''} com “${input.value.trim()}”.`;
  });
  box.hidden = false;
}
