import { describe, expect, it } from 'vitest';
import { aliasesAllowed, columnUse, describeColumnUse } from '../../pipelines/load/columnUse.ts';
import { headerRenames } from '../../pipelines/load/mappedColumns.ts';
import { resolveHeaders } from '../../pipelines/load/resolveHeaders.ts';
import { entities } from '../../pipelines/contract/entities.ts';
import { FileMapping } from '../../pipelines/contract/mapping.ts';

const items = entities.find((e) => e.name === 'order_items')!;
const headers = ['pedido', 'produto', 'qtd', 'preco', 'Discount'];

describe('which columns of a mapped file are used', () => {
  it('uses only the listed columns when a mapping entry lists columns', () => {
    const mapping = FileMapping.parse({ match: 'itens.csv', columns: { pedido: 'order_id', produto: 'product_id', qtd: 'quantity', preco: 'unit_price' } });
    expect(aliasesAllowed(mapping)).toBe(false);
    const resolution = resolveHeaders(items, headers, headerRenames(mapping), aliasesAllowed(mapping));
    expect(describeColumnUse(columnUse(headers, resolution))).toBe(
      'pedido → order_id, produto → product_id, qtd → quantity, preco → unit_price, Discount → ignorada',
    );
  });

  it('lets the aliases take the other columns when the entry says "aliases": true, or lists no columns', () => {
    const listed = FileMapping.parse({ match: 'itens.csv', aliases: true, columns: { qtd: 'quantity', preco: 'unit_price' } });
    expect(aliasesAllowed(listed)).toBe(true);
    expect(aliasesAllowed(FileMapping.parse({ match: 'itens.csv', delimiter: ';' }))).toBe(true);
    expect(aliasesAllowed(undefined)).toBe(true);
    const resolution = resolveHeaders(items, headers, headerRenames(listed), true);
    expect(columnUse(headers, resolution).find((u) => u.source === 'Discount')?.column).toBe('discount');
  });

  const orders = entities.find((e) => e.name === 'orders')!;
  const twoAmounts = ['pedido', 'cliente', 'data', 'Valor Total', 'Valor Líquido'];

  it('reads the first of two headers that both name one column, and says which one was left', () => {
    const resolution = resolveHeaders(orders, twoAmounts);
    expect(resolution.positions.get('amount')).toBe(3);
    expect(resolution.shadowed).toEqual([{ header: 'Valor Líquido', column: 'amount', keptHeader: 'Valor Total' }]);
  });

  it('gives a column the mapping names to that header, even when an alias comes first', () => {
    const mapping = FileMapping.parse({ match: 'pedidos.csv', aliases: true, columns: { 'Valor Líquido': 'amount' } });
    const resolution = resolveHeaders(orders, twoAmounts, headerRenames(mapping), aliasesAllowed(mapping));
    expect(describeColumnUse(columnUse(twoAmounts, resolution))).toBe(
      'pedido → order_id, cliente → customer_id, data → order_date, Valor Total → ignorada, Valor Líquido → amount',
    );
    expect(resolution.shadowed).toEqual([{ header: 'Valor Total', column: 'amount', keptHeader: 'Valor Líquido' }]);
  });
});

describe('headers that carry a unit', () => {
  const orders = entities.find((e) => e.name === 'orders')!;

  it('name their column whatever the currency says: "Valor (R$)", "Valor em R$", "Total R$", "Preço Unit. (R$)"', () => {
    for (const amount of ['Valor (R$)', 'Valor em R$', 'Total R$', 'VALOR R$']) {
      expect(resolveHeaders(orders, ['pedido', 'cliente', 'data', amount]).positions.get('amount'), amount).toBe(3);
    }
    const resolution = resolveHeaders(items, ['pedido', 'produto', 'qtd', 'Preço Unit. (R$)', 'Desconto (R$)']);
    expect([resolution.positions.get('unit_price'), resolution.positions.get('discount')]).toEqual([3, 4]);
  });

  it('never read a percentage as reais: "Desc. %" and "% Desconto" are left out and reported', () => {
    for (const percent of ['Desc. %', '% Desconto', 'Desconto (%)']) {
      const resolution = resolveHeaders(items, ['pedido', 'produto', 'qtd', 'preco', percent]);
      expect(resolution.positions.has('discount'), percent).toBe(false);
      expect(resolution.percentages).toEqual([{ header: percent, column: 'discount' }]);
      expect(resolution.ignored).toEqual([percent]);
    }
  });

  it('are read as the mapping file says, a percentage included (the user chose it)', () => {
    const mapping = FileMapping.parse({ match: 'itens.csv', aliases: true, columns: { 'Desc. %': 'discount' } });
    const resolution = resolveHeaders(items, ['pedido', 'produto', 'qtd', 'preco', 'Desc. %'], headerRenames(mapping), true);
    expect([resolution.positions.get('discount'), resolution.percentages]).toEqual([4, []]);
  });
});
