/**
 * Checks between entities, run while loading: orders need a value, items need a known order,
 * and items of unknown products are kept but reported.
 */

/** Without an items file the order total is the revenue, so an order without it cannot be used. */
export function crossCheckOrdersSql(hasItems: boolean): string {
  if (hasItems) return 'select 1';
  return `
    insert into load_issues
    select 'orders', file_idx, rec, 'amount', 'missing_amount', 'reject', null
    from ranked_orders where occurrence = 1 and not is_after_as_of and amount is null`;
}

/**
 * Items of orders dated after the as-of date leave the run with their order; items of rejected
 * or unknown orders are rejected; items of products missing from the catalogue are warned about.
 */
export function crossCheckItemsSql(hasProducts: boolean): string {
  const statements = [
    `update ranked_order_items set is_after_as_of = true
     where order_id in (select order_id from ranked_orders where occurrence = 1 and is_after_as_of)`,
    `insert into load_issues
     select 'order_items', i.file_idx, i.rec, 'order_id',
       case when i.order_id in (select order_id from typed_orders where order_id is not null) then 'order_rejected' else 'unknown_order' end,
       'reject', null
     from ranked_order_items i
     where i.occurrence = 1 and not i.is_after_as_of and i.order_id not in (select order_id from src_orders)`,
  ];
  if (hasProducts) {
    statements.push(`insert into load_issues
      select 'order_items', file_idx, rec, 'product_id', 'unknown_product', 'warning', null
      from ranked_order_items
      where occurrence = 1 and not is_after_as_of and product_id not in (select product_id from src_products)`);
  }
  return statements.join(';\n');
}

/** Orders with no loaded item keep their total as revenue; say so. */
export const ordersWithoutItemsSql = `
  insert into load_issues
  select 'orders', source_file_idx, source_record, 'order_id', 'order_without_items', 'warning', null
  from src_orders where order_id not in (select order_id from src_order_items)`;
