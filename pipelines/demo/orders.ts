import type { Product } from './catalog.ts';
import { LAST_DAY, SEASONALITY, WINDOW_MONTHS, monthStart, nextBusinessDay } from './calendar.ts';
import type { Customer } from './customers.ts';
import { pickCumulative } from './habits.ts';
import type { Rng } from './random.ts';
import type { SellerDirectory } from './sellers.ts';
import type { TableWriter } from './writeCsv.ts';

/** What the order stream leaves behind for the tables written after it. */
export interface OrderStats {
  /** Invoiced item revenue in cents, at [seller × 36 + window month]. */
  readonly sellerMonthRevenue: Float64Array;
  readonly orders: number;
  readonly lines: number;
}

/** Everything the order stream needs. `frequency` > 1 makes every customer buy that much more often. */
export interface OrderContext {
  readonly customers: readonly Customer[];
  readonly products: readonly Product[];
  readonly directory: SellerDirectory;
  readonly orders: TableWriter;
  readonly items: TableWriter;
  readonly rng: Rng;
  readonly frequency: number;
  readonly idWidth: number;
}

const CHANNELS = ['Vendedor externo', 'Televendas', 'E-commerce B2B', 'WhatsApp'];
const GAP_SHAPE = 3;
const MEAN_SEASON = SEASONALITY.reduce((a, b) => a + b, 0) / 12;
// Measured on the default dataset: lost lines (duplicate products in an order, the clamp to 1-8 lines,
// purchases pushed past the last day) against the plain estimate below.
const LINES_CALIBRATION = 0.87;

/** Expected number of item lines of a customer over the window, used to scale the dataset to --order-lines. */
export function expectedLines(customer: Customer, frequency = 1): number {
  if (!customer.buys) return 0;
  const end = Math.min(customer.stopDay, LAST_DAY + 1);
  const paused = Math.max(0, Math.min(customer.pauseUntil, end) - Math.max(customer.pauseFrom, customer.firstDay));
  const slowDays = Math.max(0, end - Math.max(customer.slowFrom, customer.firstDay));
  const activeDays = Math.max(0, end - customer.firstDay - paused);
  const effectiveDays = activeDays - slowDays + slowDays / customer.slowFactor;
  const orders = 1 + (Math.max(0, effectiveDays) * MEAN_SEASON * frequency) / customer.gapDays;
  return orders * Math.min(8, Math.max(1, customer.linesMean)) * LINES_CALIBRATION;
}

/**
 * Streams the orders and their items month by month: each customer follows its own rhythm (gamma-distributed
 * gaps around its mean, shorter in December, longer in January), lifecycle (start, pause, slowdown, churn)
 * and basket; within a month orders are sorted by date, so order numbers grow with time like in an ERP.
 * Only one month of orders is ever held in memory.
 */
export async function writeOrders(ctx: OrderContext): Promise<OrderStats> {
  const { customers, products, directory, rng } = ctx;
  const monthCount = WINDOW_MONTHS.length;
  const sellerMonthRevenue = new Float64Array(directory.sellers.length * monthCount);
  const next = Float64Array.from(customers, (c) => c.firstDay);
  let orderNumber = 0;
  let lines = 0;

  for (let m = 0; m < monthCount; m++) {
    const month = WINDOW_MONTHS[m]!;
    const end = Math.min(monthStart(month + 1), LAST_DAY + 1);
    const season = SEASONALITY[month % 12]!;
    // List prices go up about 1.2% a quarter.
    const inflation = 1.012 ** Math.floor(m / 3);
    const keys: number[] = [];
    customers.forEach((c, i) => {
      while (next[i]! < end) {
        const planned = next[i]!;
        if (planned >= c.stopDay) {
          next[i] = Infinity;
          break;
        }
        if (planned >= c.pauseFrom && planned < c.pauseUntil) {
          next[i] = c.pauseUntil + rng.int(0, 14);
          continue;
        }
        const day = nextBusinessDay(Math.floor(planned));
        const slow = planned >= c.slowFrom ? c.slowFactor : 1;
        next[i] = Math.max(planned + rng.gamma(GAP_SHAPE, (c.gapDays * slow) / (season * ctx.frequency)), day + 1);
        if (day < end) keys.push(day * customers.length + i);
        else next[i] = day;
      }
    });
    // A typed array sorts numbers natively, without a comparator call per comparison.
    for (const key of Float64Array.from(keys).sort()) {
      const day = Math.floor(key / customers.length);
      const c = customers[key - day * customers.length]!;
      const orderId = `PED${String(++orderNumber).padStart(ctx.idWidth, '0')}`;
      const seller = directory.sellerOnDay(c.owner, day, month);
      const r = rng.float();
      const status = r < 0.03 ? 'canceled' : r < 0.045 ? 'returned' : 'invoiced';
      const lineCount = Math.min(8, Math.max(1, Math.round(c.linesMean + 1.1 * rng.normal())));
      const used: number[] = [];
      let total = 0;
      const [basket, basketCum] = day >= c.adoptFrom ? [c.basketAfter, c.basketCumAfter] : [c.basket, c.basketCum];
      for (let k = 0; k < lineCount; k++) {
        const product = products[basket[pickCumulative(basketCum, rng)]!]!;
        if (used.includes(product.index)) continue;
        used.push(product.index);
        const listPrice = product.priceCents * inflation;
        const unitPrice = Math.round(listPrice * c.priceFactor);
        const quantityMean = c.qtyScale * 3 * Math.sqrt(4000 / product.priceCents) * (season > 1.2 ? 1.15 : 1);
        const quantity = Math.max(1, Math.round(quantityMean * rng.lognormal(-0.08, 0.4)));
        const discounted = rng.chance(c.band === 'large' ? 0.35 : 0.2);
        const discount = discounted ? Math.round(quantity * unitPrice * (0.02 + 0.08 * rng.float())) : 0;
        const unitCost = Math.round(listPrice * product.costRatio * (1 + 0.02 * rng.normal()));
        total += quantity * unitPrice - discount;
        ctx.items.write([orderId, product.id, quantity, unitPrice, discount, unitCost]);
      }
      lines += used.length;
      // Freight billed on the order but not on the items: the loader's amount check must find these.
      const freight = rng.chance(0.05) ? Math.max(2500, Math.round(total * (0.01 + 0.02 * rng.float()))) : 0;
      const channel = rng.chance(0.8) ? c.channel : rng.pick(CHANNELS);
      ctx.orders.write([orderId, c.id, day, directory.sellers[seller]!.id, status, channel, total + freight]);
      if (status === 'invoiced') sellerMonthRevenue[seller * monthCount + m] = sellerMonthRevenue[seller * monthCount + m]! + total;
    }
    await ctx.orders.drain();
    await ctx.items.drain();
  }
  return { sellerMonthRevenue, orders: orderNumber, lines };
}
