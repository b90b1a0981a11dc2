/**
 * Puts a redrawn chart in place of the one the build drew, inside Chart.astro's figure, and puts the
 * build's version back when the filters are cleared: the original nodes are kept, so clearing needs
 * neither Plot nor the data.
 */

/** What replaces a chart: its drawing for wide and narrow screens, its text alternative and maybe its title. */
export interface ChartContent {
  wide: Element;
  /** Ignored when the figure has no narrow version. */
  narrow?: Element;
  summary: string;
  title?: string;
}

interface Original {
  wide: Node[];
  narrow: Node[] | null;
  summary: string;
  title: string;
}

const originals = new Map<HTMLElement, Original>();

interface Parts {
  wide: HTMLElement;
  narrow: HTMLElement | null;
  summary: HTMLElement;
  title: HTMLElement;
}

function parts(figure: HTMLElement): Parts | null {
  const wide = figure.querySelector<HTMLElement>('.chart-wide');
  const summary = figure.querySelector<HTMLElement>('.chart-summary');
  const title = figure.querySelector<HTMLElement>('.chart-title');
  if (!wide || !summary || !title) return null;
  return { wide, narrow: figure.querySelector<HTMLElement>('.chart-narrow'), summary, title };
}

/**
 * What stands in for a chart when the filter leaves nothing to draw: an empty plot would show a zero
 * axis with bars of no meaning, so the space says so in words (the summary below says it too).
 */
export function noSalesNotice(): Element {
  const notice = document.createElement('p');
  notice.className = 'chart-empty';
  notice.textContent = 'Sem vendas para mostrar com estes filtros.';
  return notice;
}

/** The figure Chart.astro drew for `id`. */
export const chartFigure = (id: string): HTMLElement | null => document.getElementById(`${id}-title`)?.closest('figure') ?? null;

/** Replaces the chart `id` with new content; does nothing when the page has no such chart. */
export function swapChart(id: string, content: ChartContent): void {
  const figure = chartFigure(id);
  const p = figure && parts(figure);
  if (!figure || !p) return;
  if (!originals.has(figure)) {
    originals.set(figure, {
      wide: [...p.wide.childNodes],
      narrow: p.narrow ? [...p.narrow.childNodes] : null,
      summary: p.summary.textContent ?? '',
      title: p.title.textContent ?? '',
    });
  }
  p.wide.replaceChildren(content.wide);
  if (p.narrow) p.narrow.replaceChildren(content.narrow ?? content.wide.cloneNode(true));
  // textContent only: seller and segment names come from the exports.
  p.summary.textContent = content.summary;
  p.title.textContent = content.title ?? originals.get(figure)!.title;
  figure.setAttribute('data-filtered', '');
}

/** Copies of the build's content of every other element the filters rewrote (cards, tables). */
const originalContent = new Map<HTMLElement, Node[]>();

/**
 * Keeps a copy of what the build put in `element` before the filters first rewrite it in place, and
 * marks it as filtered; restoreCharts puts the copy back.
 */
export function keepOriginal(element: HTMLElement): void {
  if (!originalContent.has(element))
    originalContent.set(
      element,
      [...element.childNodes].map((node) => node.cloneNode(true)),
    );
  element.setAttribute('data-filtered', '');
}

/** Puts back every chart, card and table the filters redrew, as the build drew it. */
export function restoreCharts(): void {
  for (const [element, nodes] of originalContent) {
    element.replaceChildren(...nodes);
    element.removeAttribute('data-filtered');
  }
  originalContent.clear();
  for (const [figure, original] of originals) {
    const p = parts(figure);
    if (!p) continue;
    p.wide.replaceChildren(...original.wide);
    if (p.narrow && original.narrow) p.narrow.replaceChildren(...original.narrow);
    p.summary.textContent = original.summary;
    p.title.textContent = original.title;
    figure.removeAttribute('data-filtered');
  }
  originals.clear();
}
