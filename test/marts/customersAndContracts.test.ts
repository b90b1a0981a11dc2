import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarts, type MartRun } from './runMarts.ts';

let marts: MartRun;

beforeAll(async () => {
  marts = await runMarts(
    {
      'customers.csv': [
        'customer_id,name,document,segment,city,state,seller_id,email,phone',
        'J1,Padaria Pão Quente Ltda,11.222.333/0001-81,Padaria,Recife,PE,V1,compras@paoquente.com.br,(81) 3333-4444',
        'J2,Padaria Pão Quente Filial Olinda,11.222.333/0002-62,Padaria,Olinda,PE,V1,,',
        'P1,João da Silva,529.982.247-25,Consumidor,Recife,PE,V2,joao@example.com,(81) 99999-0000',
        'Q1,Hotel Mar Azul Ltda,45.123.456/0001-87,Hotel,Maceió,AL,V2,,',
      ],
      'orders.csv': [
        'order_id,customer_id,order_date,seller_id,status,channel,amount',
        'O1,J1,2026-06-01,V1,invoiced,,100',
        'O2,P1,2026-06-02,V2,invoiced,,100',
      ],
      'products.csv': ['product_id,name,category', 'X,Plano Premium,Serviços'],
      'contracts.csv': [
        'contract_id,customer_id,start_date,end_date,monthly_value,product_id,status',
        'CT1,J1,2025-07-01,2026-06-30,1000,X,',
        // renews CT1: same customer and product, starting 15 days before its end
        'CT2,J1,2026-06-15,2027-06-14,1200,X,',
        // another product: not a renewal of CT1
        'CT6,J1,2026-06-20,2027-06-19,100,Z,',
        'CT3,J2,2025-08-16,2026-08-15,500,X,',
        'CT7,J2,2025-01-01,2025-12-31,400,X,',
        'CT4,P1,2025-06-11,2026-06-10,300,Y,',
        'CT5,Q1,2025-04-16,2026-04-15,200,Y,',
        'CT8,Q1,2025-09-01,2026-07-31,50,W,cancelado',
      ],
    },
    '2026-06-30',
  );
});
afterAll(() => marts.close());

describe('customers mart privacy (LGPD)', () => {
  it('shows companies in full and masks persons: pseudonym and CPF digits 4-9 only', async () => {
    // 'Cliente PF ' + the first 6 hex digits of SHA-256(TEST_PSEUDONYM_KEY + 'P1'), spelled 0→A … f→R
    // (`node -e` with node:crypto: 3b0ed0e89824… → DMAQPA)
    const rows = await marts.rows('select customer_id, name, document, document_kind, group_id, region from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: 'J1', name: 'Padaria Pão Quente Ltda', document: '11.222.333/0001-81', document_kind: 'cnpj', group_id: '11222333', region: 'nordeste' },
      {
        customer_id: 'J2',
        name: 'Padaria Pão Quente Filial Olinda',
        document: '11.222.333/0002-62',
        document_kind: 'cnpj',
        group_id: '11222333',
        region: 'nordeste',
      },
      { customer_id: 'P1', name: 'Cliente PF DMAQPA', document: '***.982.247-**', document_kind: 'cpf', group_id: null, region: 'nordeste' },
      { customer_id: 'Q1', name: 'Hotel Mar Azul Ltda', document: '45.123.456/0001-87', document_kind: 'cnpj', group_id: '45123456', region: 'nordeste' },
    ]);
  });

  it('publishes no contact columns', async () => {
    const rows = await marts.rows<{ column_name: string }>("select column_name from (describe customers) where column_name in ('email', 'phone')");
    expect(rows).toEqual([]);
  });

  it('flags a renewal as due only for a live contract ending within 90 days and not yet renewed', async () => {
    const rows = await marts.rows('select customer_id, renewal_due from customers order by customer_id');
    expect(rows).toEqual([
      { customer_id: 'J1', renewal_due: false },
      { customer_id: 'J2', renewal_due: true },
      { customer_id: 'P1', renewal_due: false },
      { customer_id: 'Q1', renewal_due: false },
    ]);
  });
});

describe('renewals', () => {
  it('lists contracts ending within 90 days or ended in the last 90, with whether they were renewed', async () => {
    const rows = await marts.rows(
      'select contract_id, customer_id, seller_id, end_date::varchar as end_date, days_to_end, monthly_value, status, renewed, renewal_contract_id, renewal_status from renewals order by end_date, contract_id',
    );
    expect(rows).toEqual([
      {
        contract_id: 'CT5',
        customer_id: 'Q1',
        seller_id: 'V2',
        end_date: '2026-04-15',
        days_to_end: -76,
        monthly_value: '200.00',
        status: 'active',
        renewed: false,
        renewal_contract_id: null,
        renewal_status: 'not_renewed',
      },
      {
        contract_id: 'CT4',
        customer_id: 'P1',
        seller_id: 'V2',
        end_date: '2026-06-10',
        days_to_end: -20,
        monthly_value: '300.00',
        status: 'active',
        renewed: false,
        renewal_contract_id: null,
        renewal_status: 'in_grace',
      },
      {
        contract_id: 'CT1',
        customer_id: 'J1',
        seller_id: 'V1',
        end_date: '2026-06-30',
        days_to_end: 0,
        monthly_value: '1000.00',
        status: 'active',
        renewed: true,
        renewal_contract_id: 'CT2',
        renewal_status: 'renewed',
      },
      {
        contract_id: 'CT8',
        customer_id: 'Q1',
        seller_id: 'V2',
        end_date: '2026-07-31',
        days_to_end: 31,
        monthly_value: '50.00',
        status: 'canceled',
        renewed: false,
        renewal_contract_id: null,
        renewal_status: 'canceled',
      },
      {
        contract_id: 'CT3',
        customer_id: 'J2',
        seller_id: 'V1',
        end_date: '2026-08-15',
        days_to_end: 46,
        monthly_value: '500.00',
        status: 'active',
        renewed: false,
        renewal_contract_id: null,
        renewal_status: 'due',
      },
    ]);
  });
});

describe('renewals with a products export', () => {
  it('names the contract product from the products export, NULL for a product it does not list', async () => {
    const rows = await marts.rows("select contract_id, product_id, product_name from renewals where contract_id in ('CT1', 'CT4') order by contract_id");
    expect(rows).toEqual([
      { contract_id: 'CT1', product_id: 'X', product_name: 'Plano Premium' },
      { contract_id: 'CT4', product_id: 'Y', product_name: null },
    ]);
  });
});

describe('contracts_monthly', () => {
  it('splits the MRR change of each month into new, expansion, contraction and churn', async () => {
    const rows = await marts.rows(
      "select month::varchar as month, mrr_start, mrr, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, contract_customers, churned_customers, round(grr, 6) as grr, round(nrr, 6) as nrr from contracts_monthly where month >= '2026-04-01' order by month",
    );
    expect(rows).toEqual([
      // Q1's CT5 ends on 15 April: Q1 keeps CT8 only
      {
        month: '2026-04-01',
        mrr_start: '2050.00',
        mrr: '1850.00',
        new_mrr: '0.00',
        expansion_mrr: '0.00',
        contraction_mrr: '200.00',
        churned_mrr: '0.00',
        contract_customers: 4,
        churned_customers: 0,
        grr: 0.902439,
        nrr: 0.902439,
      },
      {
        month: '2026-05-01',
        mrr_start: '1850.00',
        mrr: '1850.00',
        new_mrr: '0.00',
        expansion_mrr: '0.00',
        contraction_mrr: '0.00',
        churned_mrr: '0.00',
        contract_customers: 4,
        churned_customers: 0,
        grr: 1,
        nrr: 1,
      },
      // J1 adds CT2 and CT6 while CT1 runs to its last day; P1's only contract ended on 10 June
      {
        month: '2026-06-01',
        mrr_start: '1850.00',
        mrr: '2850.00',
        new_mrr: '0.00',
        expansion_mrr: '1300.00',
        contraction_mrr: '0.00',
        churned_mrr: '300.00',
        contract_customers: 3,
        churned_customers: 1,
        grr: 0.837838,
        nrr: 1.540541,
      },
    ]);
  });
});
