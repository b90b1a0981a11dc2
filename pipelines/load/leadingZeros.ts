import { formatNumber as n } from '../contract/locale.ts';
import type { Database } from '../warehouse/database.ts';

/**
 * A reference that finds no parent is often the same code written two ways: one system exports
 * `000123` or `V01`, the other (or Excel, which drops the zeros of a code made of digits) `123` or `V1`. Carteira does
 * not join them on that guess, but says so: for each file with such misses, how many of its codes
 * would match a parent once the leading zeros are ignored.
 */
interface Reference {
  entity: string;
  /** The issue of a row whose code has no parent. */
  code: string;
  parent: string;
  key: string;
  /** "códigos de cliente" */
  what: string;
  /** "no arquivo de clientes" */
  where: string;
}

const REFERENCES: Reference[] = [
  { entity: 'orders', code: 'unknown_customer', parent: 'customers', key: 'customer_id', what: 'códigos de cliente', where: 'no arquivo de clientes' },
  { entity: 'order_items', code: 'unknown_order', parent: 'orders', key: 'order_id', what: 'códigos de pedido', where: 'no arquivo de pedidos' },
  { entity: 'order_items', code: 'unknown_product', parent: 'products', key: 'product_id', what: 'códigos de produto', where: 'no arquivo de produtos' },
  ...(['customers', 'orders', 'targets', 'leads'] as const).map((entity) => ({
    entity,
    code: 'unknown_seller',
    parent: 'sellers',
    key: 'seller_id',
    what: 'códigos de vendedor',
    where: 'no arquivo de vendedores',
  })),
];

/**
 * SQL: the code with the zeros that open each run of digits dropped (000123 → 123, V01 → V1) and a
 * decimal part of zeros a number-typed export added (123.0 → 123); NULL for a code of zeros only.
 */
const bare = (code: string) =>
  `case when regexp_matches(${code}, '[^0.,]') then regexp_replace(regexp_replace(${code}, '^([0-9]+)[.,]0+$', '\\1'), '(^|[^0-9])0+([0-9])', '\\1\\2', 'g') end`;

/** file_idx → notes for the load summary, one per reference whose misses match once such zeros are ignored. */
export async function leadingZeroNotes(db: Database): Promise<Map<number, string[]>> {
  const notes = new Map<number, string[]>();
  const missing = await db.rows<{ code: string }>(`select distinct code from load_issues where code in (${REFERENCES.map((r) => `'${r.code}'`).join(', ')})`);
  for (const ref of REFERENCES.filter((r) => missing.some((m) => m.code === r.code))) {
    const rows = await db.rows<{ file_idx: number; codes: string; missed: string; lines: string }>(`
      with missed as (
        select file_idx, value, count(*) as lines from load_issues
        where entity = '${ref.entity}' and code = '${ref.code}' and value is not null group by all
      ),
      parents as (select distinct ${bare(ref.key)} as bare from kept_${ref.parent} where ${bare(ref.key)} is not null)
      select file_idx, count(*) filter (where p.bare is not null) as codes, count(*) as missed, sum(lines) filter (where p.bare is not null) as lines
      from missed m left join parents p on p.bare = ${bare('m.value')}
      group by file_idx having count(p.bare) > 0 order by file_idx`);
    for (const r of rows) {
      const note =
        `${n(Number(r.codes))} de ${n(Number(r.missed))} ${ref.what} sem cadastro ${ref.where} (${n(Number(r.lines))} linha(s)) coincidem com um código do arquivo ` +
        'se ignorados os zeros (como 123 e 000123, V1 e V01, ou 123 e 123.0): um dos arquivos perdeu ou ganhou zeros (o Excel os tira de códigos só com números; ' +
        `exportações que tratam o código como número acrescentam .0) ou usa outra numeração; exporte os códigos como texto nos dois arquivos, com a mesma numeração (os códigos estão em rejects.parquet, motivo ${ref.code})`;
      notes.set(r.file_idx, [...(notes.get(r.file_idx) ?? []), note]);
    }
  }
  return notes;
}
