import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Loads a folder and returns src_<entity> rows with dates as text. */
async function load(dir: string, entity: string, columns: string) {
  const db = await Database.open();
  const result = await loadExports(db, { exportsDir: dir, scratchDir: dir });
  const rows = await db.rows(`select ${columns} from src_${entity} order by source_file_idx, rowid`);
  db.close();
  return { rows, result };
}

function folder() {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

describe('reading the dialects real exports come in', () => {
  it('reads Windows-1252 with € and curly quotes, Latin-1 without them, ; delimiter, decimal comma and CRLF', async () => {
    const dir = folder();
    writeExport(dir, 'clientes.csv', ['Código do Cliente;Razão Social;UF', 'C1;“Açougue São João” – Filial €;SP'], { eol: '\r\n', encoding: 'windows-1252' });
    writeExport(dir, 'pedidos.csv', ['Número do Pedido;Cliente;Data;Valor Total', 'P1;C1;01/02/2026;"1.234,56"', 'P2;C1;02/02/2026;R$ 10,5'], {
      eol: '\r\n',
      encoding: 'windows-1252',
    });
    const { rows, result } = await load(dir, 'customers', 'customer_id, name, state');
    expect(rows).toEqual([{ customer_id: 'C1', name: '“Açougue São João” – Filial €', state: 'SP' }]);
    expect(result.summary.files.map((f) => [f.file, f.encoding, f.delimiter])).toEqual([
      ['clientes.csv', 'windows-1252', ';'],
      // no byte in 0x80-0x9F: DuckDB reads it as Latin-1 without a transcoding pass
      ['pedidos.csv', 'latin1', ';'],
    ]);
  });

  it('reads UTF-8 with a BOM, comma delimiter, decimal point and quoted fields with commas and line breaks', async () => {
    const dir = folder();
    writeExport(
      dir,
      'orders.csv',
      ['order_id,customer_id,order_date,amount,channel', 'A1,C1,2026-03-01,"1,234.50","Loja, centro"', 'A2,C2,2026-03-02 14:05:00,99.9,"linha 1', 'linha 2"'],
      { bom: true },
    );
    const { rows } = await load(dir, 'orders', "order_id, strftime(order_date, '%Y-%m-%d') as d, amount, channel");
    expect(rows).toEqual([
      { order_id: 'A1', d: '2026-03-01', amount: '1234.50', channel: 'Loja, centro' },
      { order_id: 'A2', d: '2026-03-02', amount: '99.90', channel: 'linha 1\nlinha 2' },
    ]);
  });

  it('reads lines that all end in a delimiter, naming the empty last header by its position among the ignored columns', async () => {
    const dir = folder();
    writeExport(dir, 'pedidos.csv', ['pedido;cliente;data;valor;', 'P1;C1;05/01/2026;10;', 'P2;C2;06/01/2026;20;']);
    const { rows, result } = await load(dir, 'orders', 'order_id, amount');
    expect(rows).toEqual([
      { order_id: 'P1', amount: '10.00' },
      { order_id: 'P2', amount: '20.00' },
    ]);
    expect(result.summary.files[0]!.ignored_columns).toEqual(['(coluna 5, sem nome)']);
  });

  it('reads the first of two headers that both name the amount, and the notes name the other and how to choose it', async () => {
    const dir = folder();
    writeExport(dir, 'pedidos.csv', ['pedido;cliente;data;Valor Total;Valor Líquido', 'P1;C1;05/01/2026;10;9']);
    const { rows, result } = await load(dir, 'orders', 'order_id, amount');
    expect(rows).toEqual([{ order_id: 'P1', amount: '10.00' }]);
    expect(result.summary.files[0]!.notes).toContain(
      '"Valor Líquido" não foi lida: "Valor Total" já é a coluna amount; se "Valor Líquido" é a certa, associe-a a amount no arquivo de mapeamento ' +
        '(--mapping; com "aliases": true, as demais colunas continuam reconhecidas pelo nome)',
    );
  });

  it('treats Código Cliente, cod_cliente and CODIGO-CLIENTE as the same header', async () => {
    const dir = folder();
    writeExport(dir, 'pedidos_1.csv', ['Nº Pedido;Código Cliente;Data do Pedido;Valor', 'P1;C1;01/01/2026;1']);
    writeExport(dir, 'pedidos_2.csv', ['numero_pedido;cod_cliente;DATA;VALOR TOTAL', 'P2;C2;02/01/2026;2']);
    writeExport(dir, 'pedidos_3.csv', ['NUMERO-DO-PEDIDO;CODIGO-CLIENTE;data-do-pedido;valor', 'P3;C3;03/01/2026;3']);
    const { rows } = await load(dir, 'orders', 'order_id, customer_id, amount');
    expect(rows).toEqual([
      { order_id: 'P1', customer_id: 'C1', amount: '1.00' },
      { order_id: 'P2', customer_id: 'C2', amount: '2.00' },
      { order_id: 'P3', customer_id: 'C3', amount: '3.00' },
    ]);
  });

  it('reads 1.234 as one thousand two hundred thirty-four in a decimal-comma file and as 1.234 in a decimal-point file', async () => {
    const dir = folder();
    writeExport(dir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;1.234', 'P2;C1;01/01/2026;(12,5)']);
    writeExport(dir, 'itens.csv', ['order_id,product_id,quantity,unit_price', 'P1,X,1.234,1000', 'P2,X,2,"1,5"']);
    const db = await Database.open();
    await loadExports(db, { exportsDir: dir, scratchDir: dir });
    expect(await db.rows('select order_id, amount from src_orders order by order_id')).toEqual([
      { order_id: 'P1', amount: '1234.00' },
      { order_id: 'P2', amount: '-12.50' },
    ]);
    expect(await db.rows('select order_id, quantity, unit_price from src_order_items order by order_id')).toEqual([
      { order_id: 'P1', quantity: '1.234000', unit_price: '1000.000000' },
      { order_id: 'P2', quantity: '2.000000', unit_price: '1.500000' },
    ]);
    db.close();
  });

  it('follows a mapping file for odd file names, headers and a forced dialect', async () => {
    const dir = folder();
    writeExport(dir, 'export_erp_0001.txt', ['DOCNUM|CLI|DT_EMISSAO|VLR|OBS', 'N1|C1|15/05/2026|7,25|x']);
    const mapping = `${dir}/mapping.json`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      mapping,
      JSON.stringify({
        files: [
          {
            match: 'export_erp_*.txt',
            entity: 'orders',
            delimiter: '|',
            decimal: ',',
            columns: { DOCNUM: 'order_id', CLI: 'customer_id', DT_EMISSAO: 'order_date', VLR: 'amount', OBS: null },
          },
        ],
      }),
    );
    const db = await Database.open();
    const result = await loadExports(db, { exportsDir: dir, scratchDir: dir, mappingPath: mapping });
    expect(await db.rows("select order_id, customer_id, strftime(order_date, '%d/%m/%Y') as d, amount from src_orders")).toEqual([
      { order_id: 'N1', customer_id: 'C1', d: '15/05/2026', amount: '7.25' },
    ]);
    expect(result.inventory.unrecognized).toEqual(['mapping.json']);
    db.close();
  });
});
