import { martSchema } from './martRows.ts';
import { martExists, oncePerMarts, queryMart } from './readMart.ts';

/**
 * How customer lists name a customer. The customers mart gives every customer a publishable name (persons
 * pseudonymized, unregistered ones "Cliente não cadastrado (código)"), but names repeat: several companies
 * are called "Mercado Irmãos Rocha Ltda". Within one list, a name that two customers share carries the code
 * and the city/UF beside it, so the reader can tell them apart; a name no other customer of the list has
 * stays alone.
 */

/** Where a customer is, as the lists show it beside a shared name. */
export interface CustomerPlace {
  city: string | null;
  state: string | null;
}

/** Customers by code → place, for rows that do not carry their own city and UF. */
export type CustomerPlaces = ReadonlyMap<string, CustomerPlace>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** "Brasília/DF", "DF" or "Brasília" as known; null when neither is. */
export function placeText(city: unknown, state: unknown): string | null {
  return [text(city), text(state)].filter(Boolean).join('/') || null;
}

/** A customer's own name; one without a publishable name is identified by code and place, never left blank. */
export function customerName(name: unknown, id: unknown, place: string | null = null): string {
  const own = text(name);
  if (own) return own;
  const code = text(id);
  if (!code) return place ? `Cliente sem código (${place})` : 'Cliente sem código';
  return place ? `Cliente ${code} (${place})` : `Cliente ${code}`;
}

/**
 * The rows with `key` replaced by the name the list shows: the customer's name, with "(código · Cidade/UF)"
 * beside it when another customer of the same list has the same name (the same customer on several rows,
 * as in a list of suggestions, is not a repeat). The place comes from the row's `city` and `state`, else
 * from `places` by `customer_id`.
 */
export function distinctCustomerNames<T extends Record<string, unknown>>(rows: readonly T[], places: CustomerPlaces = new Map(), key = 'name'): T[] {
  const placeOf = (row: T): string | null => {
    const own = placeText(row.city, row.state);
    if (own && text(row.city)) return own;
    const known = places.get(String(row.customer_id ?? ''));
    return (known && placeText(known.city, known.state)) || own;
  };
  const names = rows.map((row) => customerName(row[key], row.customer_id, placeOf(row)));
  const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase('pt-BR');
  const customersByName = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const ids = customersByName.get(fold(names[i]!)) ?? new Set<string>();
    ids.add(String(row.customer_id ?? `#${i}`));
    customersByName.set(fold(names[i]!), ids);
  });
  return rows.map((row, i) => {
    const name = names[i]!;
    if (customersByName.get(fold(name))!.size < 2) return { ...row, [key]: name };
    const details = [text(row.customer_id), placeOf(row)].filter(Boolean).join(' · ');
    return { ...row, [key]: details ? `${name} (${details})` : name };
  });
}

/**
 * City and UF of every customer whose name another customer shares (customers mart, read once per build):
 * what a list needs beside a repeated name when its rows do not carry the place.
 */
export const sharedNamePlaces = oncePerMarts(
  (): Promise<CustomerPlaces> =>
    martExists('customers')
      ? queryMart(
          'customers',
          'select customer_id, city, state from mart where name in (select name from mart group by name having count(*) > 1)',
          martSchema('customers').pick({ customer_id: true, city: true, state: true }),
        ).then((rows) => new Map(rows.map((row) => [String(row.customer_id), { city: text(row.city), state: text(row.state) }])))
      : Promise.resolve(new Map()),
);

/** distinctCustomerNames with the places of the customers mart: `await customerNamer()` once per page, then name each list. */
export async function customerNamer(): Promise<<T extends Record<string, unknown>>(rows: readonly T[], key?: string) => T[]> {
  const places = await sharedNamePlaces();
  return (rows, key = 'name') => distinctCustomerNames(rows, places, key);
}
