import { describe, expect, it } from 'vitest';
import { mappingProblems, parseMappingFile } from '../../pipelines/contract/mapping.ts';

/** Each problem of a mapping file as `path: message`, the way the loader reports it. */
function problems(json: unknown): string[] {
  const parsed = parseMappingFile(json);
  return parsed.success ? [] : mappingProblems(parsed.error.issues);
}

const paths = (json: unknown) => problems(json).map((p) => p.split(':')[0]);

describe('the mapping file format reports every mistake with its JSON path', () => {
  it('accepts a flat report mapped to four entities, with from, constant, expr, values, date_format and plain renames', () => {
    expect(
      problems({
        files: [
          {
            match: 'vendas.csv',
            entity: 'orders',
            columns: {
              order_id: { from: 'Pedido' },
              customer_id: { from: 'Cliente' },
              order_date: { from: 'Data', date_format: '%m/%d/%Y' },
              status: { from: 'Status', values: { delivered: 'invoiced' } },
              channel: { constant: 'loja' },
            },
          },
          {
            match: 'vendas.csv',
            entity: 'order_items',
            columns: { order_id: { from: 'Pedido' }, product_id: { from: 'SKU' }, quantity: { constant: 1 }, line_total: { expr: '"Sales" * 1' } },
          },
          { match: 'vendas.csv', entity: 'customers', columns: { Cliente: 'customer_id', Obs: null } },
          { entity: 'sellers', sql: "select 1 as seller_id from 'vendas.csv'" },
        ],
      }),
    ).toEqual([]);
  });

  it('names an entry with neither match nor sql, and one with both', () => {
    expect(paths({ files: [{ entity: 'orders' }, { match: 'a.csv', sql: 'select 1', entity: 'orders' }] })).toEqual(['files.0', 'files.1']);
  });

  it('asks a sql entry for its entity', () => {
    expect(problems({ files: [{ sql: "select * from 'a.csv'" }] })).toEqual(['files.0.entity: uma entrada com "sql" precisa dizer a entidade ("entity")']);
  });

  it('names a column defined by object that is not a column of the entry entity, with the columns it could be', () => {
    const [problem] = problems({ files: [{ match: 'a.csv', entity: 'order_items', columns: { valor: { from: 'Sales' } } }] });
    expect(problem).toMatch(
      /^files\.0\.columns\.valor: "valor" não é coluna de order_items; use uma destas: order_id, product_id, quantity, unit_price, line_total,/,
    );
  });

  it('names a column source with two ways of computing it, or none', () => {
    expect(
      paths({ files: [{ match: 'a.csv', entity: 'orders', columns: { amount: { from: 'Sales', constant: 1 }, channel: { values: { a: 'b' } } } }] }),
    ).toEqual(['files.0.columns.amount', 'files.0.columns.channel']);
    expect(problems({ files: [{ match: 'a.csv', entity: 'orders', columns: { amount: { from: 'Sales', expr: '1' } } }] })[0]).toBe(
      'files.0.columns.amount: informe exatamente um de "from", "constant" ou "expr" (encontrado: from, expr)',
    );
  });

  it('names a date_format without strptime codes and an unknown field of a column', () => {
    expect(
      paths({
        files: [{ match: 'a.csv', entity: 'orders', columns: { order_date: { from: 'Data', date_format: 'mm/dd/yyyy' }, amount: { from: 'V', decimals: 2 } } }],
      }),
    ).toEqual(['files.0.columns.order_date.date_format', 'files.0.columns.amount']);
  });

  it('names a column defined by object in an entry without entity, and latest_by on an entity without id', () => {
    expect(
      paths({
        files: [
          { match: 'a.csv', columns: { amount: { from: 'V' } } },
          { match: 'b.csv', entity: 'order_items', latest_by: { from: 'Data' } },
        ],
      }),
    ).toEqual(['files.0.columns.amount', 'files.1.latest_by']);
  });

  it('says in Portuguese what is wrong with a field zod checks itself', () => {
    expect(problems({ files: [{ match: 'a.csv', entity: 'pedidos' }] })[0]).toMatch(/^files\.0\.entity: .*(inválid|esperado)/i);
  });

  it('names a second entry reading the same file as the same entity', () => {
    expect(
      problems({
        files: [
          { match: 'v.csv', entity: 'orders' },
          { match: 'v.csv', entity: 'customers' },
          { match: 'v.csv', entity: 'orders' },
        ],
      }),
    ).toEqual(['files.2.entity: files.0 já lê "v.csv" como orders; um arquivo alimenta cada entidade uma vez']);
  });

  it('names a constant that is neither text, number nor true/false', () => {
    expect(paths({ files: [{ match: 'a.csv', entity: 'orders', columns: { channel: { constant: ['loja'] } } }] })).toEqual([
      'files.0.columns.channel.constant',
    ]);
  });
});
