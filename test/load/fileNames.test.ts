import { afterAll, describe, expect, it } from 'vitest';
import { discoverExports, entityForFileName } from '../../pipelines/load/discoverExports.ts';
import { LoadError } from '../../pipelines/load/loadError.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

// A branch's or a region's export carries a qualifier after the entity's name. Left aside as "not an
// entity", the report would be published without its sales.

describe('which entity a file name stands for', () => {
  const names = (...files: string[]) => Object.fromEntries(files.map((file) => [file, entityForFileName(file)?.name ?? null]));

  it('reads the entity, a date or number after it allowed, as before', () => {
    expect(names('pedidos.csv', 'pedidos_2026-10.csv', 'Itens Pedido 3.csv', 'investimento_marketing.csv', 'pedidosx.csv')).toEqual({
      'pedidos.csv': 'orders',
      'pedidos_2026-10.csv': 'orders',
      'Itens Pedido 3.csv': 'order_items',
      'investimento_marketing.csv': 'marketing_spend',
      'pedidosx.csv': null,
    });
  });

  it('reads the entity before a qualifier: the longest run of leading words that names one', () => {
    expect(
      names(
        'pedidos_filial_norte.csv',
        'clientes-SP.csv',
        'Pedidos - Loja Centro.csv',
        'itens pedido loja 2.csv',
        'pedidos_itens_sp.csv',
        'investimento em marketing Q3.csv',
      ),
    ).toEqual({
      'pedidos_filial_norte.csv': 'orders',
      'clientes-SP.csv': 'customers',
      'Pedidos - Loja Centro.csv': 'orders',
      'itens pedido loja 2.csv': 'order_items',
      'pedidos_itens_sp.csv': 'order_items',
      'investimento em marketing Q3.csv': 'marketing_spend',
    });
  });

  it('takes sellers and customers after the name as whose file it is, and guesses nothing when another entity follows', () => {
    expect(names('metas_vendedores_2026.csv', 'clientes_vendedor_joao.csv', 'pedidos_clientes_sp.csv', 'vendedores_metas.csv', 'clientes_pedidos.csv')).toEqual(
      {
        'metas_vendedores_2026.csv': 'targets',
        'clientes_vendedor_joao.csv': 'customers',
        'pedidos_clientes_sp.csv': 'orders',
        'vendedores_metas.csv': null,
        'clientes_pedidos.csv': null,
      },
    );
  });
});

describe('an exports folder with such names', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reads every branch, and stops on a name that names two entities instead of leaving the file aside', async () => {
    writeExport(tmp.dir, 'pedidos_filial_sul.csv', ['pedido;cliente;data;valor', 'S1;C1;15/01/2026;10']);
    writeExport(tmp.dir, 'pedidos_filial_norte.csv', ['pedido;cliente;data;valor', 'N1;C2;16/01/2026;20']);
    writeExport(tmp.dir, 'LEIAME.txt', ['exportado em 01/02/2026']);
    const inventory = await discoverExports(tmp.dir);
    expect(inventory.files.map((f) => [f.name, f.entity.name])).toEqual([
      ['pedidos_filial_norte.csv', 'orders'],
      ['pedidos_filial_sul.csv', 'orders'],
    ]);
    expect(inventory.unrecognized).toEqual(['LEIAME.txt']);

    writeExport(tmp.dir, 'vendedores_metas.csv', ['vendedor;mes;meta', 'V1;2026-01;1000']);
    const error = await discoverExports(tmp.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toMatch(
      /^vendedores_metas\.csv: o nome fala de vendedores \(sellers\) ou metas \(targets\), e o Carteira não adivinha/,
    );
    expect((error as LoadError).message).toContain('ex.: metas_vendedores.csv se traz metas');
  });
});
