import { z } from 'zod';

/** Rows of the marts the Renovações page reads (numbers and UTC Dates); loose so columns can be added. */

/** renewals joined to customers for the name: one row per contract ending soon or ended recently. */
export const RenewalRow = z.looseObject({
  contract_id: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  seller_id: z.string().nullable(),
  product_id: z.string().nullable(),
  product_name: z.string().nullable().optional(),
  start_date: z.date().nullable(),
  end_date: z.date(),
  days_to_end: z.number(),
  monthly_value: z.number().nullable(),
  status: z.string().nullable(),
  renewed: z.boolean().nullable(),
  renewal_contract_id: z.string().nullable(),
  renewal_status: z.string(),
});
export type RenewalRow = z.infer<typeof RenewalRow>;

/** contracts_monthly: one row per month, MRR and its movements. */
export const ContractMonthRow = z.looseObject({
  month: z.date(),
  is_partial_month: z.boolean(),
  mrr_start: z.number(),
  mrr: z.number(),
  new_mrr: z.number(),
  expansion_mrr: z.number(),
  contraction_mrr: z.number(),
  churned_mrr: z.number(),
  contract_customers: z.number().int().nonnegative(),
  churned_customers: z.number().int().nonnegative(),
  revenue_churn_rate: z.number().nullable(),
  grr: z.number().nullable(),
  nrr: z.number().nullable(),
});
export type ContractMonthRow = z.infer<typeof ContractMonthRow>;
