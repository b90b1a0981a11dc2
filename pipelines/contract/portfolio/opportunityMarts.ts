import type { MartSpec } from '../marts.ts';
import { asOf } from './columnDocs.ts';

const customerId = ['Código do cliente', 'Customer code', 'text'] as const;
const ownerId = ['Vendedor dono da conta (NULL = sem vendedor)', 'Owning seller (NULL = no seller)', 'text'] as const;

/**
 * Marts of issue 5 sections 2 and 3: cross-sell and upsell by category against peer groups, the holdout
 * check of those suggestions, and the work list of each seller. Defaults named here are configurable
 * (pipelines/contract/config.ts, group `opportunities`).
 */
export const opportunityMarts: MartSpec[] = [
  {
    name: 'opportunities',
    grain_pt: 'uma linha por cliente da carteira ativa (new, active, at_risk, reactivated) × categoria sugerida (upsell ou cross-sell), até 5 por cliente',
    grain_en: 'one row per active-portfolio customer (new, active, at_risk, reactivated) × suggested category (upsell or cross-sell), at most 5 per customer',
    orderBy: 'customer_id, rank',
    columns: {
      customer_id: customerId,
      seller_id: ownerId,
      kind: [
        'cross_sell: categoria que ≥ 30% dos semelhantes compram e o cliente não comprou nos 12 meses; upsell: categoria que compra abaixo de 80% do potencial (labels, campo opportunity_kind)',
        'cross_sell: a category ≥ 30% of the peers buy and the customer did not buy in the 12 months; upsell: a category bought below 80% of its potential (labels, field opportunity_kind)',
        'text',
      ],
      category: ['Categoria de produto', 'Product category', 'text'],
      current_value: [
        'Gasto mensal atual do cliente na categoria: faturamento dos itens nos 12 meses até a data ÷ meses observados (12, ou desde a primeira compra se mais recente, mínimo 1); 0 no cross-sell',
        "Customer's current monthly spend in the category: item revenue over the 12 months to the as-of date ÷ months observed (12, or since the first purchase when later, at least 1); 0 for cross-sell",
        'brl',
      ],
      potential_value: [
        'Potencial mensal: mediana do gasto mensal na categoria entre os semelhantes que a compram (peer_median_value) × fator de porte (size_factor)',
        'Monthly potential: median monthly spend in the category among the peers who buy it (peer_median_value) × size factor (size_factor)',
        'brl',
      ],
      gain: [
        'Ganho mensal se o cliente chegar ao potencial: potential_value − current_value (no cross-sell, = potential_value)',
        'Monthly gain if the customer reached its potential: potential_value − current_value (for cross-sell, = potential_value)',
        'brl',
      ],
      expected_gain: [
        'Ganho mensal esperado, que ordena as sugestões: gain × peer_share (a parcela dos semelhantes que compram a categoria como chance de adoção)',
        'Expected monthly gain, which ranks the suggestions: gain × peer_share (the share of peers buying the category as the chance of adoption)',
        'brl',
      ],
      peer_share: [
        'Parcela dos clientes semelhantes (o próprio cliente incluído) que compraram a categoria nos 12 meses',
        'Share of the peers (the customer included) who bought the category in the 12 months',
        'share',
      ],
      peer_buyers: ['Semelhantes que compraram a categoria (no mínimo 5 para haver sugestão)', 'Peers who bought the category (at least 5 for a suggestion)', 'count'],
      peers: [
        'Tamanho do grupo de semelhantes: clientes com compra de itens nos 12 meses no mesmo grupo, o próprio cliente incluído',
        'Size of the peer group: customers with item purchases in the 12 months in the same group, the customer included',
        'count',
      ],
      peer_group_level: [
        'Grupo de semelhantes usado: segment_tier_region (mesmo segmento, faixa de porte e região), ou, com menos de 20 clientes, segment_tier, segment, all (todos) (labels, campo peer_group_level). Faixa de porte: tercis do gasto mensal dentro do segmento',
        'Peer group used: segment_tier_region (same segment, size band and region), or, with fewer than 20 customers, segment_tier, segment, all (labels, field peer_group_level). Size band: tertiles of monthly spend within the segment',
        'text',
      ],
      peer_median_value: [
        'Mediana do gasto mensal na categoria entre os semelhantes que a compram, sem ajuste de porte',
        'Median monthly spend in the category among the peers who buy it, not scaled',
        'brl',
      ],
      size_factor: [
        'Fator de porte: gasto mensal total do cliente ÷ mediana do gasto mensal total dos semelhantes, limitado a 0,25-4',
        "Size factor: customer's total monthly spend ÷ the peers' median total monthly spend, bounded to 0.25-4",
        'ratio',
      ],
      rank: [
        'Posição da sugestão no cliente (1 = maior ganho esperado; empates pelo maior ganho e pela categoria)',
        "Rank of the suggestion within the customer (1 = highest expected gain; ties by gain, then category)",
        'number',
      ],
      reason_pt: ['Explicação em português, com a parcela dos semelhantes e os valores em R$/mês', 'Explanation in Portuguese, with the peer share and the BRL/month values', 'text'],
      as_of_date: asOf,
    },
  },
  {
    name: 'recommendation_holdout',
    grain_pt: 'uma linha por método de sugestão (peer_group, popularity), avaliado escondendo os 3 meses antes da data de referência',
    grain_en: 'one row per suggestion method (peer_group, popularity), checked by hiding the 3 months before the as-of date',
    orderBy: 'method',
    columns: {
      method: [
        'peer_group: as sugestões de cross-sell deste mart (opportunities) calculadas na data suggested_at_date; popularity: para os mesmos clientes e o mesmo número de sugestões, as categorias compradas por mais clientes que o cliente ainda não comprava (labels, campo holdout_method)',
        'peer_group: the cross-sell suggestions of the opportunities mart computed as of suggested_at_date; popularity: for the same customers and as many suggestions, the categories most customers bought that the customer did not buy yet (labels, field holdout_method)',
        'text',
      ],
      customers: ['Clientes avaliados: os que receberam ao menos um cross-sell em suggested_at_date', 'Customers checked: those given at least one cross-sell as of suggested_at_date', 'count'],
      suggestions: ['Sugestões de cross-sell avaliadas', 'Cross-sell suggestions checked', 'count'],
      hits: ['Acertos: sugestões cuja categoria o cliente comprou entre suggested_at_date e a data de referência', 'Hits: suggestions whose category the customer bought between suggested_at_date and the as-of date', 'count'],
      hit_rate: ['Taxa de acerto (precisão@k): acertos ÷ sugestões; NULL sem sugestões', 'Hit rate (precision@k): hits ÷ suggestions; NULL without suggestions', 'share'],
      distinct_suggestions: [
        'Sugestões que só este método fez (as listas dos dois métodos coincidem em boa parte)',
        'Suggestions only this method made (the two methods\' lists largely overlap)',
        'count',
      ],
      distinct_hits: ['Acertos entre as sugestões que só este método fez', 'Hits among the suggestions only this method made', 'count'],
      holdout_months: ['Meses escondidos antes da data de referência', 'Months hidden before the as-of date', 'count'],
      suggested_at_date: [
        'Data em que as sugestões foram calculadas: a data de referência menos os meses escondidos (só dados até ela)',
        'Date the suggestions were computed at: the as-of date minus the hidden months (data up to it only)',
        'date',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'action_list',
    grain_pt: 'uma linha por vendedor × cliente × ação (reactivate, retain, renew, offer)',
    grain_en: 'one row per seller × customer × action (reactivate, retain, renew, offer)',
    orderBy: 'seller_id, rank',
    columns: {
      seller_id: ownerId,
      customer_id: customerId,
      action: [
        'retain (reter): na carteira ativa com risco de churn medium ou high pela P(ativo), ou, sem modelo ajustado, at_risk pelo ritmo; reactivate (reativar): inactive ou lost há até 730 dias; renew (renovar): contrato não cancelado nem renovado com fim nos próximos 90 dias ou encerrado há até 30; offer (oferecer): a melhor sugestão do cliente em opportunities (labels, campo action)',
        'retain: active portfolio with medium or high churn risk from P(alive), or, without a fitted model, at_risk by rhythm; reactivate: inactive or lost for up to 730 days; renew: a contract neither canceled nor renewed ending within 90 days or ended up to 30 days ago; offer: the customer\'s best suggestion in opportunities (labels, field action)',
        'text',
      ],
      reason_pt: ['A evidência, em português (ritmo e silêncio, fim do contrato, potencial)', 'The evidence, in Portuguese (rhythm and silence, contract end, potential)', 'text'],
      value_at_stake: [
        'Valor em jogo em 12 meses, R$: retain = faturamento dos 12 meses até a última compra × (1 − P(ativo)) (sem modelo: × 1); reactivate = faturamento dos 12 meses até a última compra; renew = 12 × valor mensal dos contratos a renovar; offer = 12 × gain da melhor sugestão. Retain, reactivate e offer abaixo de R$ 1.000 ficam de fora',
        'Value at stake over 12 months, BRL: retain = revenue of the 12 months to the last purchase × (1 − P(alive)) (without the model: × 1); reactivate = revenue of the 12 months to the last purchase; renew = 12 × monthly value of the contracts due; offer = 12 × gain of the best suggestion. Retain, reactivate and offer below BRL 1,000 are left out',
        'brl',
      ],
      priority_score: [
        'Valor esperado que ordena a lista, R$: value_at_stake, exceto offer = 12 × expected_gain (ganho × parcela dos semelhantes que compram)',
        'Expected value ranking the list, BRL: value_at_stake, except offer = 12 × expected_gain (gain × share of peers buying)',
        'brl',
      ],
      rank: ['Posição na lista do vendedor (1 = maior priority_score; empates pelo cliente e pela ação)', "Rank in the seller's list (1 = highest priority_score; ties by customer, then action)", 'number'],
      as_of_date: asOf,
    },
  },
];
