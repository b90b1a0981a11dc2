import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

// Four sellers, three of them called Ana Teixeira as the exports spell it (case, an accent, a trailing
// space); one departed seller whose customer the balance proposal hands to another.
const files = {
  'sellers.csv': [
    'seller_id,name,team,state,active',
    'V1,Ana Teixeira,Sul,RS,true',
    'V2,ANA TEIXEIRA ,Sul,RS,true',
    'V3,Ána Teixeira,Sul,RS,false',
    'V4,Bruno Lima,Sul,RS,true',
  ],
  'customers.csv': [
    'customer_id,name,segment,city,state,seller_id',
    'C1,Mercado Um Ltda,Mercearia,Porto Alegre,RS,V1',
    'C2,Mercado Dois Ltda,Mercearia,Porto Alegre,RS,V3',
    'C3,Mercado Tres Ltda,Mercearia,Porto Alegre,RS,V4',
  ],
  'orders.csv': [
    'order_id,customer_id,order_date,seller_id,status,channel,amount',
    'O1,C1,2026-05-10,V1,invoiced,,100',
    'O2,C2,2026-05-11,V3,invoiced,,80',
    'O3,C3,2026-05-12,V4,invoiced,,60',
  ],
};

describe('seller names as the report shows them', () => {
  let marts: MartRun;
  beforeAll(async () => {
    marts = await runMarts(files, '2026-05-31');
  });
  afterAll(() => marts.close());

  it('gives sellers who share a name (ignoring case, accents and spaces around it) their code beside it, and leaves a name no one else has alone', async () => {
    expect(await marts.rows('select seller_id, name from sellers order by seller_id')).toEqual([
      { seller_id: 'V1', name: 'Ana Teixeira (V1)' },
      { seller_id: 'V2', name: 'ANA TEIXEIRA (V2)' },
      { seller_id: 'V3', name: 'Ána Teixeira (V3)' },
      { seller_id: 'V4', name: 'Bruno Lima' },
    ]);
  });

  it('names the sellers of the balance proposal by the same rule', async () => {
    // V3 departed: its customer C2 goes to an active seller of the same region, and every name carries the rule
    const moves = await marts.rows<{ from_seller_name: string; to_seller_name: string }>(
      'select from_seller_name, to_seller_name from reassignment_suggestions order by step',
    );
    expect(moves.length).toBeGreaterThan(0);
    expect(moves[0]!.from_seller_name).toBe('Ána Teixeira (V3)');
    expect(['Ana Teixeira (V1)', 'ANA TEIXEIRA (V2)', 'Bruno Lima']).toContain(moves[0]!.to_seller_name);
    const balance = await marts.rows('select seller_id, seller_name from portfolio_balance where seller_id is not null order by seller_id');
    expect(balance).toContainEqual({ seller_id: 'V1', seller_name: 'Ana Teixeira (V1)' });
    expect(balance).toContainEqual({ seller_id: 'V4', seller_name: 'Bruno Lima' });
    // the labels the page and the proposal CSV show carry the code once
    const labels = await marts.rows('select seller_id, seller_label from portfolio_balance where seller_id is not null order by seller_id');
    expect(labels).toContainEqual({ seller_id: 'V1', seller_label: 'Ana Teixeira (V1)' });
    expect(labels).toContainEqual({ seller_id: 'V4', seller_label: 'Bruno Lima (V4)' });
    const [first] = await marts.rows<{ from_seller_label: string }>('select from_seller_label from reassignment_suggestions order by step limit 1');
    expect(first!.from_seller_label).toBe('Ána Teixeira (V3)');
  });
});
