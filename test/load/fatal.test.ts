import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../pipelines/warehouse/database.ts';
import { loadExports } from '../../pipelines/load/loadExports.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function loadError(setup: (dir: string) => void): Promise<string> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  setup(tmp.dir);
  const db = await Database.open();
  try {
    await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

const orders = (dir: string) => writeExport(dir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;1']);

describe('files that cannot be read stop the run with one clear message', () => {
  it('explains how to save an Excel workbook as CSV', async () => {
    const message = await loadError((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'clientes.xlsx'), Buffer.from('PK\u0003\u0004rest-of-zip'));
    });
    expect(message).toMatch(/^clientes\.xlsx: planilhas Excel ainda não são lidas diretamente\. Como corrigir: .*Salvar como.*CSV/);
  });

  it('names an empty file', async () => {
    const message = await loadError((dir) => {
      orders(dir);
      writeFileSync(join(dir, 'clientes.csv'), '');
    });
    expect(message).toMatch(/^clientes\.csv: o arquivo está vazio\./);
  });

  it('recognizes a workbook saved with a .csv name', async () => {
    const message = await loadError((dir) => writeFileSync(join(dir, 'pedidos.csv'), Buffer.from('PK\u0003\u0004\u0000\u0000binary')));
    expect(message).toMatch(/^pedidos\.csv: é uma planilha Excel \(\.xlsx\)/);
  });

  it('refuses a binary file', async () => {
    const message = await loadError((dir) => writeFileSync(join(dir, 'pedidos.csv'), Buffer.from([0x01, 0x00, 0x02, 0x00, 0x0a, 0x41])));
    expect(message).toMatch(/^pedidos\.csv: parece um arquivo binário/);
  });

  it('lists the required columns that are missing and the header it found', async () => {
    const message = await loadError((dir) => writeExport(dir, 'pedidos.csv', ['pedido;valor', 'P1;1']));
    expect(message).toContain('pedidos.csv: faltam colunas obrigatórias de orders (pedidos): customer_id, order_date. Cabeçalho encontrado: "pedido", "valor"');
  });

  it('requires an orders file', async () => {
    const message = await loadError((dir) => writeExport(dir, 'relatorio.csv', ['a;b', '1;2']));
    expect(message).toContain('nenhum arquivo de pedidos (orders) encontrado. Arquivos encontrados sem entidade reconhecida: relatorio.csv');
  });
});
