import type { PipelineConfig } from '../contract/config.ts';
import type { Database } from '../warehouse/database.ts';
import { proposeReassignments, type BalanceCustomer, type BalanceSeller } from './proposeReassignments.ts';

/**
 * Creates int_reassignments_proposed: one row per proposed move (proposeReassignments), read by the
 * reassignment_suggestions and portfolio_balance marts.
 */
export const reassignmentModel = {
  name: 'int_reassignments_proposed',
  dependsOn: ['int_customers_weighed_for_balance', 'int_sellers_classified_for_balance'],
  async run(db: Database, rules: PipelineConfig['balance']): Promise<void> {
    const customers = await db.rows<BalanceCustomer>(
      `select customer_id, seller_id, segment, region, orphan_reason, workload
       from int_customers_weighed_for_balance order by customer_id`,
    );
    const sellers = await db.rows<BalanceSeller>('select seller_id, region, is_eligible from int_sellers_classified_for_balance order by seller_id');
    const moves = proposeReassignments(customers, sellers, rules);
    await db.run(`create or replace table int_reassignments_proposed (
        step integer, phase varchar, customer_id varchar, from_seller_id varchar, to_seller_id varchar, reason_pt varchar,
        is_same_segment boolean, from_workload_after double, to_workload_after double, workload_cv_after double)`);
    const appender = await db.connection.createAppender('int_reassignments_proposed');
    for (const m of moves) {
      appender.appendInteger(m.step);
      appender.appendVarchar(m.phase);
      appender.appendVarchar(m.customer_id);
      if (m.from_seller_id === null) appender.appendNull();
      else appender.appendVarchar(m.from_seller_id);
      appender.appendVarchar(m.to_seller_id);
      appender.appendVarchar(m.reason_pt);
      appender.appendBoolean(m.is_same_segment);
      if (m.from_workload_after === null) appender.appendNull();
      else appender.appendDouble(m.from_workload_after);
      appender.appendDouble(m.to_workload_after);
      appender.appendDouble(m.workload_cv_after);
      appender.endRow();
    }
    appender.closeSync();
  },
};
