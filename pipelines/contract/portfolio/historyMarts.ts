import type { MartSpec } from '../marts.ts';
import { asOf } from './columnDocs.ts';

const onlyFor = (types: string): string => `(NULL fora de change_type ${types})`;

/** What changed since the previous report, from the dated snapshots kept in the history folder. */
export const historyMarts = [
  {
    name: 'status_changes',
    grain_pt:
      'uma linha por mudança desde o relatório anterior (o instantâneo mais recente com data anterior na pasta de histórico): cliente que mudou de situação, entrou ou saiu do cadastro (status), cliente passado a outro vendedor (owner), indicador do mês de referência (kpi); vazio sem instantâneo anterior',
    grain_en:
      'one row per change since the previous report (the latest earlier snapshot in the history folder): a customer whose status moved or who entered or left the customer list (status), a customer handed to another seller (owner), a headline KPI of the reference month (kpi); empty without an earlier snapshot',
    orderBy: 'change_type, kpi, customer_id',
    columns: {
      change_type: [
        'Tipo de mudança: status, owner ou kpi (labels, campo change_type)',
        'Kind of change: status, owner or kpi (labels, field change_type)',
        'text',
        'not null',
      ],
      customer_id: [`Código do cliente ${onlyFor('status e owner')}`, 'Customer code (NULL for kpi rows)', 'text'],
      customer_name: [
        `Nome do cliente como no mart customers (de hoje; do relatório anterior para quem saiu do cadastro) ${onlyFor('status e owner')}`,
        "Customer name as in the customers mart (today's; the previous report's for a customer no longer listed) (NULL for kpi rows)",
        'text',
      ],
      customer_revenue: [
        `Faturamento de todo o histórico do cliente hoje (mart customers), para ordenar pelo peso do cliente ${onlyFor('status e owner')}; NULL para quem saiu do cadastro`,
        "The customer's all-history revenue today (customers mart), to sort by weight (NULL for kpi rows and customers no longer listed)",
        'brl',
      ],
      previous_status: ['Situação no relatório anterior (NULL = não estava no cadastro)', 'Status at the previous report (NULL = not listed then)', 'text'],
      status: ['Situação hoje (NULL = não está mais no cadastro)', 'Status today (NULL = no longer listed)', 'text'],
      is_new_at_risk: ['Passou a estar em risco desde o relatório anterior', 'Became at risk since the previous report', 'flag'],
      previous_seller_id: ['Vendedor dono da conta no relatório anterior', 'Owning seller at the previous report', 'text'],
      seller_id: [
        'Vendedor dono da conta hoje (o anterior para quem saiu do cadastro)',
        'Owning seller today (the previous one for a customer no longer listed)',
        'text',
      ],
      kpi: [`Indicador (labels, campo kpi) ${onlyFor('kpi')}`, 'Headline KPI (labels, field kpi) (NULL for customer rows)', 'text'],
      previous_value: [
        `Valor do indicador no mês de referência do relatório anterior ${onlyFor('kpi')}`,
        "The KPI's value in the previous report's reference month (NULL for customer rows)",
        'number',
      ],
      value: [
        `Valor do indicador no mês de referência de hoje ${onlyFor('kpi')}`,
        "The KPI's value in this report's reference month (NULL for customer rows)",
        'number',
      ],
      value_change: [`Variação: valor de hoje − valor anterior ${onlyFor('kpi')}`, 'Change: value today − previous value (NULL for customer rows)', 'number'],
      unit: [`Unidade do indicador: brl, pct (0-100) ou count ${onlyFor('kpi')}`, "The KPI's unit: brl, pct (0-100) or count (NULL for customer rows)", 'text'],
      previous_is_partial_month: [
        `O mês de referência do relatório anterior estava em curso (relatório feito antes do fim do mês) ${onlyFor('kpi')}`,
        "The previous report's reference month was still running (NULL for customer rows)",
        'flag',
        'nullable',
      ],
      is_partial_month: [
        `O mês de referência de hoje está em curso: compare fluxos (faturamento, novos) com cuidado ${onlyFor('kpi')}`,
        "This report's reference month is still running (NULL for customer rows)",
        'flag',
        'nullable',
      ],
      description_pt: ['A mudança em palavras ("Ativo → em risco (ritmo)", "Carteira passou de …")', 'The change in Portuguese words', 'text', 'not null'],
      previous_as_of_date: ['Data de referência do relatório anterior comparado', 'As-of date of the previous report compared with', 'date'],
      are_customers_compared: [
        'Os clientes foram comparados com o relatório anterior; falso quando ele leu os códigos de outra forma (outra chave de pseudônimos, outra configuração de privacidade ou outra versão do Carteira): só os indicadores são comparados',
        'Customers were compared with the previous report; false when it read the codes another way (another pseudonym key, other privacy settings or another version of Carteira): only the KPIs are compared',
        'flag',
        'not null',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'status_change_summary',
    grain_pt:
      'uma linha por tipo de movimento desde o relatório anterior: uma troca de situação (de → para, incluindo entrar ou sair do cadastro) ou uma passagem de carteira entre dois vendedores, com o número de clientes',
    grain_en:
      'one row per kind of move since the previous report: a status transition (from → to, entering or leaving the customer list included) or a handover between two sellers, with the number of customers',
    orderBy: 'change_type, customers desc, previous_status, status, previous_seller_id, seller_id',
    columns: {
      change_type: [
        'Tipo de movimento: status ou owner (labels, campo change_type)',
        'Kind of move: status or owner (labels, field change_type)',
        'text',
        'not null',
      ],
      previous_status: [
        'Situação no relatório anterior (NULL = não estava no cadastro; NULL nas linhas owner)',
        'Status at the previous report (NULL = not listed then; NULL on owner rows)',
        'text',
      ],
      status: ['Situação hoje (NULL = saiu do cadastro; NULL nas linhas owner)', 'Status today (NULL = no longer listed; NULL on owner rows)', 'text'],
      previous_seller_id: ['Vendedor que passou a carteira (só linhas owner)', 'Seller who handed the customers over (owner rows only)', 'text'],
      seller_id: ['Vendedor que recebeu a carteira (só linhas owner)', 'Seller who received them (owner rows only)', 'text'],
      customers: ['Clientes que fizeram esse movimento', 'Customers that made this move', 'count'],
      new_at_risk_customers: ['Desses, os que passaram a estar em risco', 'Of them, those that became at risk', 'count'],
      change_type_customers: [
        'Clientes de todos os movimentos desse tipo (todas as trocas de situação, ou todas as passagens de carteira)',
        'Customers of every move of this kind (all status transitions, or all handovers)',
        'count',
      ],
      change_type_new_at_risk_customers: ['Desses, os que passaram a estar em risco', 'Of those, the ones that became at risk', 'count'],
      description_pt: ['O movimento em palavras ("Ativo → em risco (ritmo)")', 'The move in Portuguese words', 'text', 'not null'],
      previous_as_of_date: ['Data de referência do relatório anterior comparado', 'As-of date of the previous report compared with', 'date'],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
