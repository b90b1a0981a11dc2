import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES } from '../../pipelines/brazil/cities.ts';
import { documentKind, isValidDocument, normalizeDocument } from '../../pipelines/brazil/documents.ts';
import { isUf, regionOf } from '../../pipelines/brazil/ufs.ts';
import { generateDemoData } from '../../pipelines/demo/generateDemo.ts';
import { readCanonical } from './readCsv.ts';

const outDir = mkdtempSync(join(tmpdir(), 'carteira-demo-realism-'));
const read = (file: string) => readCanonical(join(outDir, 'canonical', file)).rows;
let customers: string[][];
let orders: string[][];
let items: string[][];
let products: string[][];

/** Item value in cents (quantity × unit price − discount) per order. */
const itemCents = new Map<string, number>();
const cents = (money: string) => Math.round(Number(money) * 100);

beforeAll(async () => {
  await generateDemoData({ outDir, customers: 200 });
  customers = read('customers.csv');
  orders = read('orders.csv');
  items = read('order_items.csv');
  products = read('products.csv');
  for (const [orderId, , quantity, unitPrice, discount] of items) {
    const value = Number(quantity) * cents(unitPrice!) - cents(discount!);
    itemCents.set(orderId!, (itemCents.get(orderId!) ?? 0) + value);
  }
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const invoiced = () => orders.filter((o) => o[4] === 'invoiced');

describe('demo customers', () => {
  it('places every customer in a real UF and one of its cities, across the five regions', () => {
    for (const [, , , , city, state] of customers) {
      expect(isUf(state!), state).toBe(true);
      expect(CITIES[state as keyof typeof CITIES].map((c) => c.name)).toContain(city);
    }
    expect(new Set(customers.map((c) => regionOf(c[5]!))).size).toBe(5);
    const perState = new Map<string, number>();
    for (const c of customers) perState.set(c[5]!, (perState.get(c[5]!) ?? 0) + 1);
    expect([...perState.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe('SP');
  });

  it('gives every customer a valid document, about one in ten a CPF', () => {
    for (const [id, , document] of customers) expect(isValidDocument(document), `${id} ${document}`).toBe(true);
    const cpfs = customers.filter((c) => documentKind(normalizeDocument(c[2])!) === 'cpf').length;
    expect(cpfs / customers.length).toBeGreaterThan(0.04);
    expect(cpfs / customers.length).toBeLessThan(0.16);
  });

  it('registers customers before their first order', () => {
    const first = new Map<string, string>();
    for (const [, customerId, date] of orders) if (!first.has(customerId!) || date! < first.get(customerId!)!) first.set(customerId!, date!);
    for (const [id, , , , , , , createdAt] of customers) if (first.has(id!)) expect(createdAt! < first.get(id!)!, id).toBe(true);
  });

  it('has prospects that never buy and a few buyers missing from customers.csv', () => {
    const buyers = new Set(orders.map((o) => o[1]!));
    const listed = new Set(customers.map((c) => c[0]!));
    const prospects = customers.filter((c) => !buyers.has(c[0]!)).length;
    expect(prospects / customers.length).toBeGreaterThan(0.03);
    expect(prospects / customers.length).toBeLessThan(0.15);
    const derived = [...buyers].filter((id) => !listed.has(id)).length;
    expect(derived).toBeGreaterThanOrEqual(1);
    expect(derived / buyers.size).toBeLessThan(0.04);
  });
});

describe('demo orders', () => {
  it('concentrates revenue: the top 20% of buying customers bring 65-90% of it', () => {
    const revenue = new Map<string, number>();
    for (const [orderId, customerId] of invoiced()) revenue.set(customerId!, (revenue.get(customerId!) ?? 0) + itemCents.get(orderId!)!);
    const sorted = [...revenue.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((a, b) => a + b, 0);
    const share = top / sorted.reduce((a, b) => a + b, 0);
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.9);
  });

  it('adds up items to the order amount except on the few orders that also bill freight', () => {
    const differing = orders.filter(([orderId, , , , , , amount]) => cents(amount!) !== itemCents.get(orderId!));
    for (const [orderId, , , , , , amount] of differing) expect(cents(amount!)).toBeGreaterThan(itemCents.get(orderId!)!);
    expect(differing.length / orders.length).toBeGreaterThan(0.02);
    expect(differing.length / orders.length).toBeLessThan(0.09);
  });

  it('cancels about 3% and returns about 1.5% of the orders', () => {
    const share = (status: string) => orders.filter((o) => o[4] === status).length / orders.length;
    expect(share('canceled')).toBeGreaterThan(0.015);
    expect(share('canceled')).toBeLessThan(0.05);
    expect(share('returned')).toBeGreaterThan(0.005);
    expect(share('returned')).toBeLessThan(0.03);
  });

  it('dates orders on business days from 2023-12-01 to 2026-11-20', () => {
    for (const [, , date] of orders) {
      expect(date! >= '2023-12-01' && date! <= '2026-11-20', date).toBe(true);
      expect(new Date(`${date}T00:00:00Z`).getUTCDay(), date).not.toBe(0);
    }
    expect(orders.some((o) => o[2]!.startsWith('2026-11'))).toBe(true);
  });

  it('puts 1 to 8 lines in an order, with costs at 50-90% of the price', () => {
    const lines = new Map<string, number>();
    for (const [orderId, , , unitPrice, , unitCost] of items) {
      lines.set(orderId!, (lines.get(orderId!) ?? 0) + 1);
      expect(Number(unitCost) / Number(unitPrice)).toBeGreaterThan(0.5);
      expect(Number(unitCost) / Number(unitPrice)).toBeLessThan(0.9);
    }
    expect(Math.min(...lines.values())).toBe(1);
    expect(Math.max(...lines.values())).toBeLessThanOrEqual(8);
    expect(lines.size).toBe(orders.length);
  });

  it('peaks in December', () => {
    const byMonth = new Map<string, number>();
    for (const [orderId, , date] of invoiced()) byMonth.set(date!.slice(0, 7), (byMonth.get(date!.slice(0, 7)) ?? 0) + itemCents.get(orderId!)!);
    const year2025 = [...byMonth.entries()].filter(([m]) => m.startsWith('2025-')).map(([, v]) => v);
    expect(byMonth.get('2025-12')!).toBeGreaterThan((1.15 * year2025.reduce((a, b) => a + b, 0)) / 12);
  });

  it('makes bakeries buy bakery supplies far more than the average customer', () => {
    const categoryOf = new Map(products.map(([id, , category]) => [id!, category!]));
    const segmentOf = new Map(customers.map((c) => [c[0]!, c[3]!]));
    const customerOf = new Map(orders.map((o) => [o[0]!, o[1]!]));
    const totals = { all: 0, allBakery: 0, bakeries: 0, bakeriesBakery: 0 };
    for (const [orderId, productId, quantity, unitPrice] of items) {
      const value = Number(quantity) * Number(unitPrice);
      const isBakeryProduct = categoryOf.get(productId!) === 'Padaria';
      totals.all += value;
      if (isBakeryProduct) totals.allBakery += value;
      if (segmentOf.get(customerOf.get(orderId!)!) === 'Padaria') {
        totals.bakeries += value;
        if (isBakeryProduct) totals.bakeriesBakery += value;
      }
    }
    expect(totals.bakeriesBakery / totals.bakeries).toBeGreaterThan((2 * totals.allBakery) / totals.all);
  });
});

describe('demo sellers, contracts, targets and leads', () => {
  it('keeps customers of sellers who left and credits some orders to another seller', () => {
    const sellers = read('sellers.csv');
    const inactive = new Set(sellers.filter((s) => s[5] === 'false').map((s) => s[0]!));
    expect(inactive.size).toBeGreaterThan(0);
    expect(customers.some((c) => inactive.has(c[6]!))).toBe(true);
    const owner = new Map(customers.map((c) => [c[0]!, c[6]!]));
    const byOther = orders.filter((o) => owner.has(o[1]!) && owner.get(o[1]!) !== o[3]).length;
    expect(byOther).toBeGreaterThan(0);
    expect(byOther / orders.length).toBeLessThan(0.35);
  });

  it('gives contract statuses that match their dates', () => {
    const contracts = read('contracts.csv');
    expect(contracts.length).toBeGreaterThan(0);
    for (const [id, , start, end, , , status] of contracts) {
      expect(start! < end!, id).toBe(true);
      if (status === 'active') expect(end! >= '2026-11-20', id).toBe(true);
      if (status === 'ended') expect(end! < '2026-11-20', id).toBe(true);
    }
  });

  it('sets targets for active sellers only, coverage 50-80% and 1-5 new customers', () => {
    const active = new Set(
      read('sellers.csv')
        .filter((s) => s[5] === 'true')
        .map((s) => s[0]!),
    );
    for (const [sellerId, monthText, revenue, coverage, newCustomers] of read('targets.csv')) {
      expect(active.has(sellerId!)).toBe(true);
      expect(monthText! >= '2023-12' && monthText! <= '2026-11').toBe(true);
      expect(Number(revenue)).toBeGreaterThan(0);
      expect(Number(coverage)).toBeGreaterThanOrEqual(50);
      expect(Number(coverage)).toBeLessThanOrEqual(80);
      expect(Number(newCustomers)).toBeGreaterThanOrEqual(1);
      expect(Number(newCustomers)).toBeLessThanOrEqual(5);
    }
  });

  it('links won leads to the customer registered the day they closed; open leads have no close date', () => {
    const createdAt = new Map(customers.map((c) => [c[0]!, c[7]!]));
    const leads = read('leads.csv');
    expect(new Set(leads.map((l) => l[4]))).toEqual(new Set(['won', 'lost', 'open']));
    for (const [id, created, , , status, closed, customerId] of leads) {
      if (status === 'won') expect(createdAt.get(customerId!), id).toBe(closed);
      else expect(customerId, id).toBe('');
      if (status === 'open') expect(closed, id).toBe('');
      else expect(closed! >= created!, id).toBe(true);
    }
  });
});
