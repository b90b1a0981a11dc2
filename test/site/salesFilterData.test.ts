import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSalesFilterFiles } from '../../src/integrations/martDownloads.ts';
import { buildSalesFilterFiles, loadSalesFilterIndex, type SalesFilterFiles } from '../../src/lib/salesFilterData.ts';
import { decodeSalesFile, type SalesFilterFile } from '../../src/lib/salesFilterFile.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { type MartRun, runMarts } from '../marts/runMarts.ts';

let run: MartRun;
let files: SalesFilterFiles;

// Ana (V1) sells R$ 100,00 to K1 in January and R$ 50,00 in February; Bia (V2) sells R$ 25,00 to K2, in the
// same UF and segment as K1, and R$ 300,50 to K3 in RS; V3, a second Ana, sells R$ 10,00 to K4 in February. The exports have no order lines: margins are unknown.
beforeAll(async () => {
  run = await runMarts(
    {
      'sellers.csv': ['seller_id,name', 'V1,Ana', 'V2,Bia', 'V3,Ana'],
      'customers.csv': [
        'customer_id,name,segment,state,seller_id',
        'K1,Hotel Um,Hotel,SP,V1',
        'K2,Hotel Dois,Hotel,SP,V2',
        'K3,Padaria Três,Padaria,RS,V2',
        'K4,Hotel Quatro,Hotel,SP,V3',
      ],
      'orders.csv': [
        'order_id,customer_id,order_date,seller_id,status,amount',
        'O1,K1,2026-01-10,V1,invoiced,100.00',
        'O2,K2,2026-01-12,V2,invoiced,25.00',
        'O3,K3,2026-01-20,V2,invoiced,300.50',
        'O4,K1,2026-02-05,V1,invoiced,50.00',
        'O5,K4,2026-02-10,V3,invoiced,10.00',
      ],
    },
    '2026-02-28',
  );
  process.env.CARTEIRA_MARTS_DIR = run.dir;
  files = (await buildSalesFilterFiles())!;
});
afterAll(() => run.close());

/** A file's sales cells as [month, seller, UF, segment, cents, orders, margin], keys read back from its dictionaries. */
const salesRows = (file: SalesFilterFile) =>
  decodeSalesFile(JSON.parse(JSON.stringify(file))).cells.map((c) => [
    c.month.toISOString().slice(0, 7),
    c.seller,
    c.state,
    c.segment,
    c.revenueCents,
    c.orders,
    c.marginCents,
  ]);

describe('the filter files built from the marts', () => {
  it('lists every seller cell by month, seller, UF and segment', () => {
    expect(salesRows(files.every)).toEqual([
      ['2026-01', 'V1', 'SP', 'Hotel', 10_000, 1, null],
      ['2026-01', 'V2', 'RS', 'Padaria', 30_050, 1, null],
      ['2026-01', 'V2', 'SP', 'Hotel', 2_500, 1, null],
      ['2026-02', 'V1', 'SP', 'Hotel', 5_000, 1, null],
      ['2026-02', 'V3', 'SP', 'Hotel', 1_000, 1, null],
    ]);
    expect(files.every.months).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('tells apart sellers who share a name by their code', async () => {
    // V3 is a second Ana
    expect(files.every.sellers).toEqual([
      { key: 'V1', label: 'Ana (V1)' },
      { key: 'V3', label: 'Ana (V3)' },
      { key: 'V2', label: 'Bia' },
    ]);
  });

  it('sums over sellers in SQL: January in SP and Hotel is 100,00 + 25,00 in 2 orders, February 50,00 + 10,00, each listed where its first seller stood', () => {
    expect(files.summed.sellers).toEqual([]);
    expect('seller' in files.summed.cells).toBe(false);
    expect(salesRows(files.summed)).toEqual([
      ['2026-01', null, 'SP', 'Hotel', 12_500, 2, null],
      ['2026-01', null, 'RS', 'Padaria', 30_050, 1, null],
      ['2026-02', null, 'SP', 'Hotel', 6_000, 2, null],
    ]);
    // K1 and K2 both enter the portfolio in January, in SP and Hotel; K3 in RS
    const newInJanuary = decodeSalesFile(JSON.parse(JSON.stringify(files.summed)))
      .customerCells.filter((c) => c.month.toISOString().startsWith('2026-01'))
      .map((c) => [c.state, c.newCustomers]);
    expect(newInJanuary).toEqual(
      expect.arrayContaining([
        ['SP', 2],
        ['RS', 1],
      ]),
    );
  });

  it('gives each seller a file of its own cells, listing only that seller and every month of the report', () => {
    const bia = files.bySeller.get('V2')!;
    expect(bia.file.sellers).toEqual([{ key: 'V2', label: 'Bia' }]);
    expect(bia.file.months).toEqual(['2026-01-01', '2026-02-01']);
    expect(salesRows(bia.file)).toEqual([
      ['2026-01', 'V2', 'RS', 'Padaria', 30_050, 1, null],
      ['2026-01', 'V2', 'SP', 'Hotel', 2_500, 1, null],
    ]);
    expect(salesRows(files.bySeller.get('V1')!.file).map((row) => row[4])).toEqual([10_000, 5_000]);
  });

  it("lists in the pages' index exactly the files' options, months and seller files, read from the marts' keys alone", async () => {
    const index = (await loadSalesFilterIndex())!;
    const { sellers, states, regions, segments, months, partialMonth } = files.every;
    expect({ sellers, states, regions, segments, months, partialMonth }).toEqual({
      sellers: index.sellers,
      states: index.states,
      regions: index.regions,
      segments: index.segments,
      months: index.months,
      partialMonth: index.partialMonth,
    });
    expect([...index.slugs]).toEqual([...files.bySeller].map(([key, { slug }]) => [key, slug]));
  });

  it('are written into the site where the filter bar fetches them', async () => {
    const site = tempDir();
    try {
      expect(await writeSalesFilterFiles(site.dir)).toBe(5);
      expect(readdirSync(join(site.dir, 'filtros')).sort()).toEqual(['vendas-total.json', 'vendas.json', 'vendedores']);
      expect(readdirSync(join(site.dir, 'filtros', 'vendedores')).sort()).toEqual(['v1.json', 'v2.json', 'v3.json']);
      expect(JSON.parse(readFileSync(join(site.dir, 'filtros', 'vendas.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(files.every)));
    } finally {
      site.cleanup();
    }
  });
});
