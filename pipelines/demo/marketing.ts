import { WINDOW_MONTHS } from './calendar.ts';
import type { Rng } from './random.ts';
import type { Cell } from './writeCsv.ts';

/** Monthly budget in BRL per channel for the default 2,000-customer company; trade fairs only in their month. */
const CHANNELS: readonly { channel: string; budget: number; months?: Readonly<Record<number, number>> }[] = [
  { channel: 'Google Ads', budget: 9000 },
  { channel: 'Instagram', budget: 6000 },
  { channel: 'E-mail Marketing', budget: 1200 },
  { channel: 'Material de PDV', budget: 3500 },
  // APAS Show (São Paulo, May) and a regional fair in August.
  { channel: 'Feiras e Eventos', budget: 0, months: { 4: 45000, 7: 20000 } },
];

/**
 * Marketing spend per month per channel, scaled to the size of the customer base, growing about 8% a year,
 * with a December push on the digital channels and ±15% noise. Rows by month, then channel.
 */
export function buildMarketingSpend(customerCount: number, rng: Rng): Cell[][] {
  const scale = customerCount / 2000;
  const rows: Cell[][] = [];
  WINDOW_MONTHS.forEach((month, m) => {
    for (const { channel, budget, months } of CHANNELS) {
      const base = months ? (months[month % 12] ?? 0) : budget;
      if (base === 0) continue;
      const push = month % 12 === 11 && (channel === 'Google Ads' || channel === 'Instagram') ? 1.3 : 1;
      const amount = base * scale * 1.08 ** (m / 12) * push * rng.lognormal(0, 0.15);
      rows.push([month, Math.round(amount * 100), channel]);
    }
  });
  return rows;
}
