import { ordersLeftAsSql } from './validateEntity.ts';

/**
 * Checks between entities, run while loading (before rows are deleted, so rowids still point at
 * them): orders need a value, items need a known order, items of unknown products are reported.
 * `kept_<entity>` views hold the rows still in the run.
 */

/**
 * Without an items file the order total is the revenue, so an invoiced order without it cannot be
 * used; a canceled or returned one is kept as a return of unknown value, as when items are missing.
 */
export function missingAmountSql(hasItems: boolean, rejected: string): string {
  if (hasItems) return 'select 1';
  return `
    insert into load_issues
    select 'orders', file_idx, rec, rid, 'amount',
      case when coalesce(status, 'invoiced') = 'invoiced' then 'missing_amount' else 'return_without_value' end,
      case when coalesce(status, 'invoiced') = 'invoiced' then 'reject' else 'warning' end, null, order_id
    from kept_orders where amount is null and not (${rejected})`;
}

/**
 * A negative order total is how many ERPs export a return or a credit note: a sale it would subtract from
 * is not named, and as a negative sale it would sink the customer's revenue below zero (its ABC class,
 * its share of the Pareto curve, the average ticket). Such an order is a return: an invoiced one is
 * marked returned here, before the invoiced dates and the checks that ask for the status (a canceled or
 * returned one keeps its status), and stg_orders counts it by its value without the sign. The amount
 * stays negative in src_orders, so the warning is found again on rows put back from the load cache.
 */
export function negativeAmountsAsReturnsSql(rejected: string): string {
  return `
    update src_orders set status = 'returned'
    where amount < 0 and coalesce(status, 'invoiced') = 'invoiced' and not is_empty and not (${rejected})`;
}

/** Each negative order total read as a return, warned with its value. */
export const negativeAmountWarningsSql = `
  insert into load_issues
  select 'orders', file_idx, rec, rid, 'amount', 'negative_amount', 'warning', null, cast(amount as varchar)
  from kept_orders where amount < 0`;

/**
 * Orders still open (em aberto, orçamento, pendente…) are no sale yet: usable ones leave the run,
 * counted per file like rows after the as-of date, and are no duplicate of the same order invoiced in
 * a later export. Their items leave with them, unless the same order is in the run (that invoiced one).
 */
export const itemsOfOpenOrdersSql = `
  order_id in (${ordersLeftAsSql('open')})
  and order_id not in (select order_id from kept_orders where order_id is not null)`;

/** Items of orders dated after the as-of date leave the run with their order. */
export const itemsAfterAsOfSql = `order_id in (${ordersLeftAsSql('after_as_of')})`;

/** Usable items whose order is not in the run are rejected; items of unknown products only warned about. */
export function unknownParentsSql(hasProducts: boolean, rejected: string): string {
  const usable = `not (${rejected})`;
  const statements = [
    `insert into load_issues
     select 'order_items', i.file_idx, i.rec, i.rid, 'order_id',
       case when i.order_id in (select order_id from src_orders where order_id is not null) then 'order_rejected' else 'unknown_order' end,
       'reject', null, i.order_id
     from kept_order_items i
     anti join kept_orders o on o.order_id = i.order_id
     where ${usable}`,
  ];
  if (hasProducts) {
    statements.push(`insert into load_issues
      select 'order_items', i.file_idx, i.rec, i.rid, 'product_id', 'unknown_product', 'warning', null, i.product_id
      from kept_order_items i
      anti join kept_products p on p.product_id = i.product_id
      where ${usable}`);
  }
  return statements.join(';\n');
}

/**
 * An order line worth R$ 1 quadrillion or more (quantity × unit price, or × unit cost) is no sale: most
 * likely a code pasted into the quantity column. Its amount would not fit in the cents the models keep
 * (18 digits), so it is rejected here, named, instead of stopping the run later. Tested in floating point:
 * only the order of magnitude matters.
 */
const LINE_AMOUNT_LIMIT = 1e15;

export function lineAmountOutOfRangeSql(rejected: string): string {
  const tooLarge = (price: string) => `abs(cast(i.quantity as double) * cast(${price} as double)) >= ${LINE_AMOUNT_LIMIT}`;
  return `
    insert into load_issues
    select 'order_items', i.file_idx, i.rec, i.rid, 'quantity', 'amount_out_of_range', 'reject', null, cast(i.quantity as varchar)
    from kept_order_items i
    where not (${rejected}) and ((i.line_total is null and ${tooLarge('i.unit_price')}) or ${tooLarge('i.unit_cost')})`;
}

/**
 * Rows whose customer or seller is not in that entity's file are kept (known by their code only), but
 * said loudly: in real exports this often means the wrong file, or codes that do not match (a per-order
 * customer code, leading zeros dropped by Excel, V01 and V1); otherwise the marts would show the file's
 * customers or sellers without sales and the rows' codes without a name, and nobody would be told.
 */
function unknownReferenceSql(entity: string, column: 'customer_id' | 'seller_id', parent: 'customers' | 'sellers', code: string, rejected: string): string {
  return `
    insert into load_issues
    select '${entity}', r.file_idx, r.rec, r.rid, '${column}', '${code}', 'warning', null, r.${column}
    from kept_${entity} r
    anti join kept_${parent} p on p.${column} = r.${column}
    where r.${column} is not null and not (${rejected})`;
}

export function unknownCustomersSql(hasCustomers: boolean, rejected: string): string {
  return hasCustomers ? unknownReferenceSql('orders', 'customer_id', 'customers', 'unknown_customer', rejected) : 'select 1';
}

export function unknownSellersSql(entity: 'customers' | 'orders' | 'targets' | 'leads', hasSellers: boolean, rejected: string): string {
  return hasSellers ? unknownReferenceSql(entity, 'seller_id', 'sellers', 'unknown_seller', rejected) : 'select 1';
}

/**
 * Orders with no usable item: with an exported total, that total is their revenue (warned). Without
 * one their value is unknown: an invoiced order is rejected as missing_amount (counting it as R$ 0
 * would sink the average ticket), while a cancellation or return (its status, or items whose every
 * quantity was negative, as cancellation invoices are exported) is kept as a return, warned.
 */
export const ordersWithoutItemsSql = `
  create or replace temp table orders_without_items as
  select o.file_idx, o.rec, o.rid, o.order_id, o.amount,
    coalesce(o.status, 'invoiced') <> 'invoiced'
      or o.order_id in (select n.order_id from src_order_items n
                        semi join load_issues i on i.entity = 'order_items' and i.rid = n.rowid
                          and i.column_name = 'quantity' and i.code = 'negative_value') as is_return
  from kept_orders o
  anti join kept_order_items i on i.order_id = o.order_id;
  insert into load_issues
  select 'orders', file_idx, rec, rid,
    case when amount is null then 'amount' else 'order_id' end,
    case when amount is not null then 'order_without_items' when is_return then 'return_without_value' else 'missing_amount' end,
    case when amount is null and not is_return then 'reject' else 'warning' end,
    null, order_id
  from orders_without_items;
  update src_orders set status = 'returned'
  where rowid in (select rid from orders_without_items where amount is null and is_return) and coalesce(status, 'invoiced') = 'invoiced';
  insert into load_outcomes
  select 'orders', file_idx, rid, 'rejected' from orders_without_items where amount is null and not is_return;
  drop table orders_without_items`;

/**
 * A contract that ends before it starts (a year typed wrong, 30/04/2025 for 2027) covers no month: it
 * would vanish from the MRR and the renewals without a word, so it is rejected, named.
 */
export function contractEndsBeforeStartSql(rejected: string): string {
  return `
    insert into load_issues
    select 'contracts', c.file_idx, c.rec, c.rid, 'end_date', 'end_before_start', 'reject', null, strftime(c.end_date, '%d/%m/%Y')
    from kept_contracts c
    where not (${rejected}) and c.end_date < c.start_date`;
}

/**
 * Orders whose date sits far outside all the others are a year typed wrong (2062 or 2016 for 2026), not
 * history: one such order moves the default as-of date decades ahead (every customer "lost") or
 * stretches every monthly chart back to it. At either end of the dates, orders cut off from the rest by a
 * gap with no order at all (more than 2 years before, more than 1 year after, and 50 times the median
 * gap between order days, so sparse data is left alone), as long as they are few (at most 3, or 1% of
 * the orders), are rejected, named. A business whose history really has such a gap
 * sees the rejects listed and can load that period on its own.
 */
const ISOLATED_BEFORE_DAYS = 730;
const ISOLATED_AFTER_DAYS = 365;

export function isolatedOrderDatesSql(rejected: string, rec: string): string {
  return `
    insert into load_issues
    with valid as (
      select rowid as rid, file_idx, ${rec} as rec, order_date from src_orders
      where not is_empty and not (${rejected}) and order_date is not null
    ),
    days as (select order_date, count(*) as orders from valid group by order_date),
    running as (
      select order_date, orders,
        lead(order_date) over (order by order_date) - order_date as gap_after,
        order_date - lag(order_date) over (order by order_date) as gap_before,
        sum(orders) over (order by order_date) as up_to,
        sum(orders) over () as total
      from days
    ),
    -- sparse data (a few orders a year) has long gaps of its own: a gap must also be 50 times the usual one
    bounds as (
      select greatest(3, 0.01 * max(total)) as most, coalesce(50 * median(gap_after), 0) as usual_times_50 from running
    ),
    cuts as (
      select
        (select max(order_date) from running, bounds
         where gap_after > greatest(${ISOLATED_BEFORE_DAYS}, usual_times_50) and up_to <= most) as early_until,
        (select min(order_date) from running, bounds
         where gap_before > greatest(${ISOLATED_AFTER_DAYS}, usual_times_50) and total - up_to + orders <= most) as late_from
    )
    select 'orders', v.file_idx, v.rec, v.rid, 'order_date', 'isolated_date', 'reject', null, strftime(v.order_date, '%d/%m/%Y')
    from valid v, cuts
    where v.order_date <= cuts.early_until or v.order_date >= cuts.late_from`;
}
