import type { MartSpec } from '../marts.ts';
import { asOf, month, partialMonth } from './columnDocs.ts';

/** Marts about contracts: renewals coming up or just missed, and recurring revenue month by month. */
export const contractMarts = [
  {
    name: 'renewals',
    grain_pt: 'uma linha por contrato com fim nos 90 dias após a data de referência ou encerrado nos 90 dias anteriores',
    grain_en: 'one row per contract ending within 90 days after the as-of date or ended within the 90 days before it',
    orderBy: 'end_date, contract_id',
    columns: {
      contract_id: ['Número do contrato', 'Contract number', 'text', 'not null'],
      customer_id: ['Código do cliente', 'Customer code', 'text'],
      seller_id: ['Vendedor dono da conta', 'Owning seller', 'text'],
      product_id: ['Produto do contrato', 'Contract product', 'text'],
      product_name: [
        'Nome do produto do contrato (NULL fora do cadastro de produtos)',
        'Name of the contract product (NULL when not in the products export)',
        'text',
      ],
      start_date: ['Início da vigência', 'Start date', 'date'],
      end_date: ['Fim da vigência', 'End date', 'date'],
      days_to_end: [
        'Dias da data de referência até o fim (negativo: já encerrado)',
        'Days from the as-of date to the end (negative: ended)',
        'days',
        'not null',
      ],
      monthly_value: ['Valor mensal', 'Monthly value', 'brl'],
      status: ['Situação do contrato no arquivo (labels, campo contract_status)', 'Contract status from the export (labels, field contract_status)', 'text'],
      renewed: [
        'Renovado: o mesmo cliente tem outro contrato (do mesmo produto, quando ambos informam) iniciado depois deste e até 30 dias antes ou depois do seu fim',
        'Renewed: the same customer has another contract (same product where both give one) starting after this one and within 30 days before or after its end',
        'flag',
      ],
      renewal_contract_id: ['Contrato que renovou este (o de menor número, se vários)', 'Contract renewing this one (the lowest id when several)', 'text'],
      renewal_status: [
        'renewed, canceled, due (vence até 90 dias), in_grace (encerrado há até 30 dias, ainda pode renovar), not_renewed (labels, campo renewal_status)',
        'renewed, canceled, due (ends within 90 days), in_grace (ended up to 30 days ago), not_renewed',
        'text',
        'not null',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'renewal_rates',
    grain_pt: 'uma linha: os contratos de renewals já encerrados ou cancelados, por desfecho da renovação',
    grain_en: 'one row: the contracts of renewals already ended or canceled, by renewal outcome',
    orderBy: 'as_of_date',
    columns: {
      ended_contracts: [
        'Contratos encerrados nos dias de retrospecção até a data de referência (windows.renewal_lookback_days) ou cancelados',
        'Contracts ended within the look-back days up to the as-of date (windows.renewal_lookback_days), or canceled',
        'count',
      ],
      renewed_contracts: ['Deles, renovados', 'Of those, renewed', 'count'],
      not_renewed_contracts: [
        'Deles, não renovados (encerrados há mais dos dias de carência)',
        'Of those, not renewed (ended longer ago than the grace days)',
        'count',
      ],
      in_grace_contracts: ['Deles, ainda na carência (podem ser renovados)', 'Of those, still in their grace days (may be renewed)', 'count'],
      canceled_contracts: ['Deles, cancelados (e não renovados)', 'Of those, canceled (and not renewed)', 'count'],
      renewal_rate: [
        'Taxa de renovação dos decididos: renovados ÷ (renovados + não renovados); cancelados e em carência fora da base; NULL sem decididos',
        'Renewal rate of the decided: renewed ÷ (renewed + not renewed); canceled and in-grace left out; NULL without decided contracts',
        'share',
      ],
      renewal_rate_with_cancellations: [
        'Taxa de renovação com os cancelados na base: renovados ÷ (renovados + não renovados + cancelados); NULL sem base',
        'Renewal rate with cancellations in the base: renewed ÷ (renewed + not renewed + canceled); NULL without a base',
        'share',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'contracts_monthly',
    grain_pt: 'uma linha por mês, do primeiro mês com contrato ao mês da data de referência (nenhuma sem arquivo de contratos)',
    grain_en: 'one row per month from the first contract month to the as-of month (none without a contracts file)',
    orderBy: 'month',
    columns: {
      month,
      is_partial_month: partialMonth,
      mrr_start: ['MRR no início do mês (fim do mês anterior)', 'MRR at the start of the month (end of the previous one)', 'brl', 'not null'],
      mrr: [
        'MRR no fim do mês: soma do valor mensal dos contratos vigentes (início ≤ data ≤ fim)',
        'MRR at the end of the month: monthly value of contracts in force (start ≤ date ≤ end)',
        'brl',
        'not null',
      ],
      new_mrr: ['MRR novo: clientes sem contrato vigente no início', 'New MRR: customers without a contract in force at the start', 'brl', 'not null'],
      expansion_mrr: ['Expansão: aumento do MRR de clientes que já tinham contrato', 'Expansion: MRR growth of existing contract customers', 'brl', 'not null'],
      contraction_mrr: ['Contração: redução do MRR de clientes que continuam', 'Contraction: MRR decrease of customers who stay', 'brl', 'not null'],
      churned_mrr: ['MRR perdido: clientes que ficaram sem contrato vigente', 'Churned MRR: customers left without a contract in force', 'brl', 'not null'],
      contract_customers: ['Clientes com contrato vigente no fim do mês', 'Customers with a contract in force at month end', 'count'],
      churned_customers: ['Clientes que perderam todo o MRR no mês', 'Customers who lost all their MRR in the month', 'count'],
      revenue_churn_rate: ['Churn de receita: (perdido + contração) ÷ MRR inicial', 'Revenue churn: (churned + contraction) ÷ starting MRR', 'share'],
      grr: ['GRR: (MRR inicial − perdido − contração) ÷ MRR inicial', 'GRR: (start − churned − contraction) ÷ start', 'ratio'],
      nrr: ['NRR: (MRR inicial + expansão − contração − perdido) ÷ MRR inicial', 'NRR: (start + expansion − contraction − churned) ÷ start', 'ratio'],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
