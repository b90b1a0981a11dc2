/**
 * The sales filters as a value, and their place in the URL query, so a filtered view can be shared.
 * No imports: the first-load client script uses this module and must stay tiny.
 */

/** What the filter bar asks for; '' in a field means "all". */
export interface SalesFilter {
  /** '' (the page's own window), 'tudo', '12m', '3m' or a calendar year such as '2025'. */
  period: string;
  /** A region key (e.g. "sul"); ignored when `state` is set. */
  region: string;
  /** A UF code, or NOT_INFORMED for customers without one. */
  state: string;
  /** A seller id, or NOT_INFORMED for sales without a seller. */
  seller: string;
  /** A customer segment, or NOT_INFORMED for customers without one. */
  segment: string;
}

/**
 * Stands for a NULL key (no seller, no UF, no segment) in forms and URLs. Lowercase, unaccented and
 * hyphenated, so it cannot be mistaken for a UF code or a seller id as the exports write them.
 */
export const NOT_INFORMED = 'nao-informado';

/** No filter at all: the page as the build drew it. */
export const NO_FILTER: SalesFilter = { period: '', region: '', state: '', seller: '', segment: '' };

/** The query parameter of each field, in Portuguese because people read and share these URLs. */
export const FILTER_PARAMS: Record<keyof SalesFilter, string> = {
  period: 'periodo',
  region: 'regiao',
  state: 'uf',
  seller: 'vendedor',
  segment: 'segmento',
};

const FIELDS = Object.keys(FILTER_PARAMS) as Array<keyof SalesFilter>;

/** Whether any field is set. */
export const isFiltered = (filter: SalesFilter): boolean => FIELDS.some((field) => filter[field] !== '');

/** The filter a URL query asks for; a UF wins over a region, since the bar picks one place. */
export function filterFromSearch(search: string): SalesFilter {
  const params = new URLSearchParams(search);
  const filter = { ...NO_FILTER };
  for (const field of FIELDS) filter[field] = params.get(FILTER_PARAMS[field])?.trim() ?? '';
  if (filter.state) filter.region = '';
  return filter;
}

/** `search` with the filter's parameters set (empty ones removed) and every other parameter kept; "" when none is left. */
export function searchWithFilter(search: string, filter: SalesFilter): string {
  const params = new URLSearchParams(search);
  for (const field of FIELDS) {
    if (filter[field]) params.set(FILTER_PARAMS[field], filter[field]);
    else params.delete(FILTER_PARAMS[field]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The value of the bar's one place select: "uf:SP", "regiao:sul" or "" for the whole country. */
export const placeValue = (filter: Pick<SalesFilter, 'region' | 'state'>): string =>
  filter.state ? `uf:${filter.state}` : filter.region ? `regiao:${filter.region}` : '';

/** The region and UF a place select value stands for. */
export function placeFromValue(value: string): Pick<SalesFilter, 'region' | 'state'> {
  if (value.startsWith('uf:')) return { region: '', state: value.slice(3) };
  if (value.startsWith('regiao:')) return { region: value.slice(7), state: '' };
  return { region: '', state: '' };
}
