import { NO_FILTER, filterFromSearch, isFiltered, placeFromValue, placeValue, searchWithFilter, type SalesFilter } from '../lib/filterParams.ts';
import type { SalesCube } from '../lib/salesFilterFile.ts';

/**
 * The filter bar, loaded with the page: shows the form, keeps the URL in step with it and, on the first
 * filter, loads the page's renderer (Plot and the chart functions) and the sales data. Nothing heavy is
 * imported here, so a reader who never filters downloads neither.
 */

/** A page's renderer: redraws its charts for a filter and returns the months they cover, in words. */
interface Renderer {
  renderFiltered: (cube: SalesCube, filter: SalesFilter) => string;
}

const renderers: Record<string, () => Promise<Renderer>> = {
  overview: () => import('./renderOverview.ts'),
  ticket: () => import('./renderTicket.ts'),
  geografia: () => import('./renderGeografia.ts'),
};

const NO_FILTER_TEXT = 'Sem filtro: todas as vendas.';

const select = (form: HTMLFormElement, name: string): HTMLSelectElement => form.elements.namedItem(name) as HTMLSelectElement;

function readForm(form: HTMLFormElement): SalesFilter {
  return {
    period: select(form, 'period').value,
    ...placeFromValue(select(form, 'place').value),
    seller: select(form, 'seller').value,
    segment: select(form, 'segment').value,
  };
}

/** Sets each select to the filter's value, or to "all" when the page has no such option (an old shared link). */
function writeForm(form: HTMLFormElement, filter: SalesFilter): void {
  const values: Record<string, string> = { period: filter.period, place: placeValue(filter), seller: filter.seller, segment: filter.segment };
  for (const [name, value] of Object.entries(values)) {
    const control = select(form, name);
    control.value = [...control.options].some((option) => option.value === value) ? value : '';
  }
}

/** "Vendedor: V001 · Segmento: Hotel", from the labels and options on the page (text only, never markup). */
function describe(form: HTMLFormElement): string {
  return ['period', 'place', 'seller', 'segment']
    .map((name) => select(form, name))
    .filter((control) => control.value !== '')
    .map((control) => `${control.labels?.[0]?.textContent?.trim() ?? control.name}: ${control.selectedOptions[0]?.textContent?.trim() ?? control.value}`)
    .join(' · ');
}

let sequence = 0;
let redrawn = false;

/** Shows the "empresa inteira (não filtrável)" marks of the figures the filters leave alone while a filter is on. */
function markFixed(filtered: boolean): void {
  for (const mark of document.querySelectorAll<HTMLElement>('[data-filter-fixed]')) mark.hidden = !filtered;
}

/**
 * Applies the form's filter. `push`: a step the reader took (a select, the reset button), which gets its
 * own history entry so the Back button undoes it; a filter read from the URL (load, Back) adds none.
 */
async function apply(form: HTMLFormElement, push: boolean): Promise<void> {
  const filter = readForm(form);
  const status = form.querySelector('[data-filter-status]')!;
  const url = `${location.pathname}${searchWithFilter(location.search, filter)}${location.hash}`;
  if (push && url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
  const current = ++sequence;
  markFixed(isFiltered(filter));
  if (!isFiltered(filter)) {
    form.removeAttribute('data-filtered');
    status.textContent = NO_FILTER_TEXT;
    if (redrawn) {
      const { restoreCharts } = await import('./chartSwap.ts');
      // A filter chosen while the module loaded wins.
      if (current !== sequence) return;
      restoreCharts();
      redrawn = false;
    }
    return;
  }
  form.setAttribute('data-filtered', '');
  form.setAttribute('aria-busy', 'true');
  status.textContent = 'Carregando os dados do filtro…';
  try {
    const load = renderers[form.dataset.filterPage ?? ''];
    if (!load) throw new Error(`no renderer for page "${form.dataset.filterPage}"`);
    const [renderer, { loadSalesCube }] = await Promise.all([load(), import('./loadSalesCube.ts')]);
    // A seller's option names that seller's own file: every cut of one seller's sales is in it.
    const sellerSrc = filter.seller ? select(form, 'seller').selectedOptions[0]?.dataset.src : undefined;
    const cube = await loadSalesCube(sellerSrc ?? form.dataset.src ?? '');
    // A later change (or a reset) while this one was loading wins.
    if (current !== sequence) return;
    const months = renderer.renderFiltered(cube, filter);
    redrawn = true;
    status.textContent = `Filtro aplicado: ${describe(form)}. Meses: ${months}.`;
  } catch {
    if (current === sequence) status.textContent = 'Não foi possível carregar os dados do filtro. Recarregue a página para tentar de novo.';
  } finally {
    if (current === sequence) form.removeAttribute('aria-busy');
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter-page]')) {
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => void apply(form, true));
  form.querySelector('[data-filter-reset]')?.addEventListener('click', () => {
    writeForm(form, NO_FILTER);
    void apply(form, true);
  });
  // Back and Forward: the URL holds the filter of that step.
  window.addEventListener('popstate', () => {
    writeForm(form, filterFromSearch(location.search));
    void apply(form, false);
  });
  // A shared link or a reload: the filters in its query apply at once.
  const fromUrl = filterFromSearch(location.search);
  if (isFiltered(fromUrl)) {
    writeForm(form, fromUrl);
    void apply(form, false);
  }
}
