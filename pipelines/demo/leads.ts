import { FIRST_DAY, LAST_DAY, WINDOW_MONTHS, monthStart } from './calendar.ts';
import type { Customer } from './customers.ts';
import type { Rng } from './random.ts';
import { isEmployed, type Seller } from './sellers.ts';
import type { Cell } from './writeCsv.ts';

const SOURCES = ['Indicação', 'Site', 'Feira', 'Prospecção ativa', 'Instagram'];
// Referrals convert best, so they weigh more among won leads than among the others.
const WON_SOURCE_WEIGHTS = [0.4, 0.12, 0.1, 0.25, 0.13];
const OTHER_SOURCE_WEIGHTS = [0.25, 0.17, 0.1, 0.3, 0.18];

interface Lead {
  created: number;
  seller: string;
  source: string;
  status: 'open' | 'won' | 'lost';
  closed: number | null;
  customer: string | null;
}

/**
 * Leads (oportunidades): 70% of the customers acquired during the window came from a won lead, closed the
 * day the customer was registered; about 1.4 times as many leads were lost, closed 1 to 17 weeks after they
 * were opened, or are still open when that date is after the last day. Ids L00001… follow creation order.
 */
export function buildLeads(customers: readonly Customer[], sellers: readonly Seller[], rng: Rng): Cell[][] {
  const leads: Lead[] = [];
  for (const customer of customers) {
    if (!customer.buys || !customer.listed || customer.createdAt < FIRST_DAY || !rng.chance(0.7)) continue;
    leads.push({
      created: customer.createdAt - rng.int(5, 60),
      seller: sellers[customer.owner]!.id,
      source: SOURCES[rng.weighted(WON_SOURCE_WEIGHTS)]!,
      status: 'won',
      closed: customer.createdAt,
      customer: customer.id,
    });
  }
  const otherPerMonth = (leads.length * 1.4) / WINDOW_MONTHS.length;
  for (const month of WINDOW_MONTHS) {
    const start = monthStart(month);
    const end = Math.min(monthStart(month + 1), LAST_DAY + 1);
    const staff = sellers.filter((s) => isEmployed(s, start));
    const count = Math.round(otherPerMonth * rng.lognormal(0, 0.2) * ((end - start) / 30));
    for (let i = 0; i < count; i++) {
      const created = rng.int(start, end - 1);
      const closed = created + rng.int(7, 120);
      leads.push({
        created,
        seller: rng.pick(staff.length > 0 ? staff : sellers).id,
        source: SOURCES[rng.weighted(OTHER_SOURCE_WEIGHTS)]!,
        status: closed > LAST_DAY ? 'open' : 'lost',
        closed: closed > LAST_DAY ? null : closed,
        customer: null,
      });
    }
  }
  leads.sort((a, b) => a.created - b.created || a.seller.localeCompare(b.seller) || a.source.localeCompare(b.source));
  const width = Math.max(5, String(leads.length).length);
  return leads.map((lead, i) => [`L${String(i + 1).padStart(width, '0')}`, lead.created, lead.seller, lead.source, lead.status, lead.closed, lead.customer]);
}
