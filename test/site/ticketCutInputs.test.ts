import { describe, expect, it } from 'vitest';
import { ticketCutMissingInput } from '../../src/lib/ticketMedio.ts';

describe('which export a Ticket médio cut is missing', () => {
  it('names the customers file for the segment and UF cuts and the order lines for the category cut when the run loaded none', () => {
    const ordersOnly = new Set(['orders']);
    expect(ticketCutMissingInput('segment', ordersOnly)?.entity).toBe('customers');
    expect(ticketCutMissingInput('state', ordersOnly)?.entity).toBe('customers');
    expect(ticketCutMissingInput('category', ordersOnly)?.entity).toBe('order_items');
    expect(ticketCutMissingInput('seller', ordersOnly)).toBeNull();
  });

  it('draws every cut whose export loaded, and every cut when which files loaded is unknown', () => {
    const everything = new Set(['orders', 'customers', 'order_items']);
    for (const dimension of ['segment', 'category', 'state', 'seller'] as const) {
      expect(ticketCutMissingInput(dimension, everything)).toBeNull();
      expect(ticketCutMissingInput(dimension, null)).toBeNull();
    }
  });
});
