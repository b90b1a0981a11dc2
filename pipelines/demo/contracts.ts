import { LAST_DAY, addMonths, dayOf } from './calendar.ts';
import type { Customer } from './customers.ts';
import type { Product } from './catalog.ts';
import type { Rng } from './random.ts';
import type { Cell } from './writeCsv.ts';

type ContractStatus = 'active' | 'canceled' | 'ended';

const CONTRACT_SEGMENTS = new Set(['Supermercado', 'Hotel', 'Restaurante']);

/** The product a supply contract is about: the one the customer buys most often. */
function mainProduct(customer: Customer, products: readonly Product[]): Product {
  const cum = customer.basketCum;
  const weights = Array.from(cum, (total, i) => total - (i > 0 ? cum[i - 1]! : 0));
  return products[customer.basket[weights.indexOf(Math.max(...weights))]!]!;
}

/**
 * Supply contracts (12 or 24 months) for about 15% of the buying customers, mostly supermarkets, hotels and
 * restaurants. When one ends it is renewed two times in three, the next starting within 30 days, with the
 * monthly value adjusted; a customer that churns cancels the contract in force; a few others cancel early.
 * Rows come sorted by start date; ids CT00001… follow that order.
 */
export function buildContracts(customers: readonly Customer[], products: readonly Product[], rng: Rng): Cell[][] {
  const contracts: { start: number; end: number; customer: Customer; value: number; product: string; status: ContractStatus }[] = [];
  for (const customer of customers) {
    if (!customer.buys || !customer.listed) continue;
    const odds = (CONTRACT_SEGMENTS.has(customer.segment) ? 0.22 : 0.08) * (customer.band === 'large' ? 2 : 1);
    if (!rng.chance(odds)) continue;
    const product = mainProduct(customer, products).id;
    const earliest = Math.max(customer.createdAt + 1, dayOf(2022, 6, 1));
    let start = rng.int(earliest, Math.max(earliest, Math.min(customer.stopDay, LAST_DAY) - 20));
    // Monthly values in cents, rounded to R$ 10.
    let value = Math.round(150 * customer.size ** 0.8 * rng.lognormal(0, 0.3)) * 1000;
    for (;;) {
      const plannedEnd = addMonths(start, rng.chance(0.6) ? 12 : 24) - 1;
      // a customer that stopped buying just before the contract began cancels it on its first day, not before
      const churnCancel = customer.stopDay <= plannedEnd ? Math.max(start, Math.floor(customer.stopDay) + rng.int(0, 30)) : Infinity;
      const earlyCancel = rng.chance(0.06) ? rng.int(start + 60, plannedEnd - 1) : Infinity;
      const cancelAt = Math.min(churnCancel, earlyCancel);
      if (cancelAt <= LAST_DAY) {
        contracts.push({ start, end: cancelAt, customer, value, product, status: 'canceled' });
        break;
      }
      contracts.push({ start, end: plannedEnd, customer, value, product, status: plannedEnd < LAST_DAY ? 'ended' : 'active' });
      if (plannedEnd >= LAST_DAY || !rng.chance(0.67)) break;
      start = plannedEnd + 1 + rng.int(0, 30);
      if (start > LAST_DAY) break;
      value = Math.round((value * rng.lognormal(0.03, 0.12)) / 1000) * 1000;
    }
  }
  contracts.sort((a, b) => a.start - b.start || a.customer.index - b.customer.index);
  const width = Math.max(5, String(contracts.length).length);
  return contracts.map((c, i) => [`CT${String(i + 1).padStart(width, '0')}`, c.customer.id, c.start, c.end, c.value, c.product, c.status]);
}
