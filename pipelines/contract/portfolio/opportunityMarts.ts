import type { MartSpec } from '../marts.ts';
import { asOf, notNull } from './columnDocs.ts';

const customerId = ['Código do cliente', 'Customer code', 'text'] as const;
const ownerId = ['Vendedor dono da conta (NULL = sem vendedor)', 'Owning seller (NULL = no seller)', 'text'] as const;

/**
 * Marts of issue 5 sections 2 and 3: cross-sell and upsell by category against peer groups (per suggestion
 * and summed per customer), the holdout check of those suggestions, and the work list of each seller. Defaults named here are configurable
 * (pipelines/contract/config.ts, group `opportunities`).
 */
export const opportunityMarts = [
  {
    name: 'opportunities',
    grain_pt: 'uma linha por cliente da carteira ativa (new, active, at_risk, reactivated) × categoria sugerida (upsell ou cross-sell), até 5 por cliente',
    grain_en: 'one row per active-portfolio customer (new, active, at_risk, reactivated) × suggested category (upsell or cross-sell), at most 5 per customer',
    orderBy: 'customer_id, rank',
    columns: {
      customer_id: notNull(customerId),
      seller_id: ownerId,
      kind: [
        'cross_sell: categoria que ≥ 30% dos semelhantes compram e o cliente não comprou nos 12 meses; upsell: categoria que compra abaixo de 80% do potencial (labels, campo opportunity_kind)',
        'cross_sell: a category ≥ 30% of the peers buy and the customer did not buy in the 12 months; upsell: a category bought below 80% of its potential (labels, field opportunity_kind)',
        'text',
        'not null',
      ],
      category: ['Categoria de produto', 'Product category', 'text', 'not null'],
      current_value: [
        'Gasto mensal atual do cliente na categoria: faturamento dos itens nos 12 meses até a data ÷ meses observados (12, ou desde a primeira compra se mais recente, mínimo 1); 0 no cross-sell',
        "Customer's current monthly spend in the category: item revenue over the 12 months to the as-of date ÷ months observed (12, or since the first purchase when later, at least 1); 0 for cross-sell",
        'brl',
        'not null',
      ],
      potential_value: [
        'Potencial mensal: mediana do gasto mensal na categoria entre os semelhantes que a compram (peer_median_value); entre clientes do mesmo porte, sem ajuste; sem porte, × fator de tamanho (size_factor) e no máximo o que o maior comprador semelhante compra (peer_max_value); a regra usada está em potential_rule',
        'Monthly potential: median monthly spend in the category among the peers who buy it (peer_median_value); among peers of the same company size, as is; without a company size, × size factor (size_factor) and at most what the top peer buys (peer_max_value); the rule used is in potential_rule',
        'brl',
        'not null',
      ],
      gain: [
        'Ganho mensal se o cliente chegar ao potencial: potential_value − current_value (no cross-sell, = potential_value)',
        'Monthly gain if the customer reached its potential: potential_value − current_value (for cross-sell, = potential_value)',
        'brl',
        'not null',
      ],
      expected_gain: [
        'Ganho mensal esperado, que ordena as sugestões: gain × peer_share (a parcela dos semelhantes que compram a categoria como chance de adoção)',
        'Expected monthly gain, which ranks the suggestions: gain × peer_share (the share of peers buying the category as the chance of adoption)',
        'brl',
        'not null',
      ],
      holdout_weighted_gain: [
        'Ganho mensal ponderado pela taxa de acerto medida: gain × hit_rate do método peer_group em recommendation_holdout (parcela das sugestões de cross-sell feitas 3 meses antes que o cliente comprou depois); NULL quando o holdout não mediu nada (histórico curto demais)',
        'Monthly gain weighted by the measured hit rate: gain × hit_rate of the peer_group method in recommendation_holdout (share of the cross-sell suggestions made 3 months earlier that the customer bought since); NULL when the holdout measured nothing (too short a history)',
        'brl',
      ],
      peer_share: [
        'Parcela dos clientes semelhantes (o próprio cliente incluído) que compraram a categoria nos 12 meses',
        'Share of the peers (the customer included) who bought the category in the 12 months',
        'share',
        'not null',
      ],
      peer_buyers: [
        'Semelhantes que compraram a categoria (no mínimo 5 para haver sugestão)',
        'Peers who bought the category (at least 5 for a suggestion)',
        'count',
      ],
      peers: [
        'Tamanho do grupo de semelhantes: clientes com compra de itens nos 12 meses no mesmo grupo, o próprio cliente incluído',
        'Size of the peer group: customers with item purchases in the 12 months in the same group, the customer included',
        'count',
      ],
      company_size: [
        'Porte do cliente no arquivo de clientes: mei, me, epp, medio, grande (labels, campo company_size); NULL sem porte',
        "The customer's company size from the customers export: mei, me, epp, medio, grande (labels, field company_size); NULL without one",
        'text',
      ],
      peer_group_level: [
        'Grupo de semelhantes usado (labels, campo peer_group_level). Cliente com porte: segment_porte_region (mesmo segmento, porte e região), ou, com menos de 20 clientes, segment_porte, porte, all (todos). Sem porte: segment_tier_region (mesmo segmento, faixa de gasto e região), ou segment_tier, segment, all. Faixa de gasto: tercis do gasto mensal dentro do segmento, entre os clientes sem porte',
        'Peer group used (labels, field peer_group_level). A customer with a company size: segment_porte_region (same segment, company size and region), or, with fewer than 20 customers, segment_porte, porte, all. Without one: segment_tier_region (same segment, spend band and region), or segment_tier, segment, all. Spend band: tertiles of monthly spend within the segment, among customers without a company size',
        'text',
      ],
      potential_rule: [
        'Regra que deu o potencial (labels, campo potential_rule): same_porte (mediana dos clientes do mesmo porte, sem ajuste), size_factor (mediana × fator de tamanho), capped_at_top_peer (mediana × fator de tamanho passava do maior comprador semelhante: limitado a ele)',
        'Rule that gave the potential (labels, field potential_rule): same_porte (median of peers of the same company size, not scaled), size_factor (median × size factor), capped_at_top_peer (median × size factor was above the top peer: capped at it)',
        'text',
      ],
      peer_median_value: [
        'Mediana do gasto mensal na categoria entre os semelhantes que a compram, sem ajuste de tamanho',
        'Median monthly spend in the category among the peers who buy it, not scaled',
        'brl',
      ],
      peer_max_value: [
        'Maior gasto mensal na categoria entre os semelhantes: o teto do potencial ajustado ao tamanho',
        'Highest monthly spend in the category among the peers: the cap of a potential scaled to the size',
        'brl',
      ],
      size_factor: [
        'Fator de tamanho: gasto mensal total do cliente ÷ mediana do gasto mensal total dos semelhantes, limitado a 0,25-4; 1 entre clientes do mesmo porte',
        "Size factor: customer's total monthly spend ÷ the peers' median total monthly spend, bounded to 0.25-4; 1 among peers of the same company size",
        'ratio',
      ],
      rank: [
        'Posição da sugestão no cliente (1 = maior ganho esperado; empates pelo maior ganho e pela categoria)',
        'Rank of the suggestion within the customer (1 = highest expected gain; ties by gain, then category)',
        'number',
      ],
      reason_pt: [
        'Explicação em português, com a parcela dos semelhantes, os valores em R$/mês e a regra do potencial (clientes do mesmo porte; ajustado ao tamanho do cliente; limitado ao maior comprador semelhante)',
        "Explanation in Portuguese, with the peer share, the BRL/month values and the rule of the potential (peers of the same company size; scaled to the customer's size; capped at the top peer)",
        'text',
        'not null',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'opportunity_customers',
    grain_pt: 'uma linha por cliente com ao menos uma sugestão em opportunities: as sugestões somadas, upsell e cross-sell à parte',
    grain_en: 'one row per customer with at least one suggestion in opportunities: its suggestions summed, upsell and cross-sell apart',
    orderBy: 'customer_id',
    columns: {
      customer_id: notNull(customerId),
      seller_id: ownerId,
      company_size: [
        'Porte do cliente no arquivo de clientes (labels, campo company_size); NULL sem porte',
        "The customer's company size from the customers export (labels, field company_size); NULL without one",
        'text',
      ],
      suggestions: ['Sugestões do cliente (até 5)', "The customer's suggestions (at most 5)", 'count'],
      upsell_suggestions: ['Sugestões de upsell', 'Upsell suggestions', 'count'],
      cross_sell_suggestions: ['Sugestões de cross-sell', 'Cross-sell suggestions', 'count'],
      upsell_gain: [
        'Ganho mensal somado das sugestões de upsell (gain), R$/mês; 0 sem upsell',
        'Monthly gain of the upsell suggestions summed (gain), BRL/month; 0 without upsell',
        'brl',
        'not null',
      ],
      cross_sell_gain: [
        'Ganho mensal somado das sugestões de cross-sell (gain), R$/mês; 0 sem cross-sell',
        'Monthly gain of the cross-sell suggestions summed (gain), BRL/month; 0 without cross-sell',
        'brl',
        'not null',
      ],
      gain: [
        'Ganho mensal de todas as sugestões: upsell_gain + cross_sell_gain',
        'Monthly gain of all suggestions: upsell_gain + cross_sell_gain',
        'brl',
        'not null',
      ],
      holdout_weighted_gain: [
        'Soma de holdout_weighted_gain das sugestões: gain × taxa de acerto medida no holdout; NULL quando o holdout não mediu nada',
        "Sum of the suggestions' holdout_weighted_gain: gain × hit rate measured in the holdout; NULL when the holdout measured nothing",
        'brl',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'retention_totals',
    grain_pt: 'uma linha por recorte (breakdown) dos clientes a reter (action_list, ação retain): por vendedor dono da conta, por UF e todos',
    grain_en: 'one row per breakdown of the customers to retain (action_list, action retain): per owning seller, per UF and all of them',
    orderBy: 'breakdown, seller_id nulls last, state nulls last',
    columns: {
      breakdown: [
        'Recorte da linha: seller (por vendedor), state (por UF), all (todos os clientes a reter); use a linha do recorte desejado em vez de somar (rótulos em labels, campo retention_breakdown)',
        'Breakdown of the row: seller (per seller), state (per UF), all (every customer to retain); use the row of the wanted breakdown rather than summing (labels, field retention_breakdown)',
        'text',
      ],
      seller_id: [
        'Vendedor dono da conta (NULL = sem vendedor, ou linha que não é por vendedor)',
        'Owning seller (NULL = no owner, or a row not per seller)',
        'text',
      ],
      state: ['UF do cliente (NULL = desconhecida, ou linha que não é por UF)', "Customer's UF (NULL = unknown, or a row not per UF)", 'text'],
      customers: ['Clientes a reter', 'Customers to retain', 'count'],
      value_at_stake: [
        'Valor em jogo somado, R$: a soma de action_list.value_at_stake dessas linhas retain',
        'Summed value at stake, BRL: the sum of action_list.value_at_stake over those retain rows',
        'brl',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'churn_bands',
    grain_pt:
      'uma linha por recorte (breakdown) × faixa da carteira ativa na data de referência: por faixa de churn_risk (clientes com P(ativo) do modelo BG/NBD) e por situação (a alternativa pelo ritmo quando o modelo não foi ajustado), mais uma linha de total por recorte',
    grain_en:
      'one row per breakdown × band of the active portfolio at the as-of date: per churn_risk band (customers with a BG/NBD P(alive)) and per status (the rhythm-based fallback when the model is not fitted), plus a total row per breakdown',
    orderBy: 'breakdown, churn_risk nulls last, status nulls last',
    columns: {
      breakdown: [
        'Recorte da linha: churn_risk (por faixa de risco de churn) ou status (por situação); a linha com churn_risk e status NULL é o total do recorte: use-a em vez de somar (rótulos em labels, campo churn_breakdown)',
        'Breakdown of the row: churn_risk (per churn-risk band) or status; the row with churn_risk and status NULL is the total of the breakdown: use it rather than summing (labels, field churn_breakdown)',
        'text',
        'not null',
      ],
      churn_risk: [
        'Faixa de risco de churn pelo P(ativo) (NULL = total do recorte, ou linha que não é por faixa; rótulos em labels, campo churn_risk)',
        'Churn-risk band by P(alive) (NULL = the total of the breakdown, or a row not per band; labels, field churn_risk)',
        'text',
      ],
      status: [
        'Situação do cliente pelo ritmo de compra (NULL = total do recorte, ou linha que não é por situação; rótulos em labels, campo status)',
        'Customer status by buying rhythm (NULL = the total of the breakdown, or a row not per status; labels, field status)',
        'text',
      ],
      customers: ['Clientes da carteira ativa na faixa', 'Active-portfolio customers in the band', 'count'],
      customer_share: [
        'Parcela dos clientes do recorte (0-1): customers ÷ a linha de total',
        "Share of the breakdown's customers (0-1): customers ÷ the total row",
        'share',
      ],
      at_risk_by_rhythm: [
        'Desses clientes, os em risco pelo ritmo de compra (situação at_risk)',
        'Of those customers, the ones at risk by buying rhythm (status at_risk)',
        'count',
      ],
      window_revenue: [
        'Faturamento desses clientes na janela de segmentação (windows.segmentation_months)',
        'Revenue of those customers in the segmentation window (windows.segmentation_months)',
        'brl',
        'not null',
      ],
      min_p_alive: ['Menor P(ativo) da faixa (NULL sem o modelo)', 'Lowest P(alive) in the band (NULL without the model)', 'share'],
      max_p_alive: ['Maior P(ativo) da faixa (NULL sem o modelo)', 'Highest P(alive) in the band (NULL without the model)', 'share'],
      as_of_date: asOf,
    },
  },
  {
    name: 'opportunity_totals',
    grain_pt: 'uma linha por recorte (breakdown) das sugestões de opportunities: por categoria, por vendedor dono da conta, por UF do cliente e todas',
    grain_en: "one row per breakdown of the suggestions in opportunities: per category, per owning seller, per the customer's UF and all of them",
    orderBy: 'breakdown, category nulls last, seller_id nulls last, state nulls last',
    columns: {
      breakdown: [
        'Recorte da linha: category (por categoria), seller (por vendedor), state (por UF), all (todas as sugestões); use a linha do recorte desejado em vez de somar: um cliente conta uma vez em cada linha (rótulos em labels, campo opportunity_breakdown)',
        'Breakdown of the row: category, seller, state (UF), all (every suggestion); use the row of the wanted breakdown rather than summing: a customer counts once per row (labels, field opportunity_breakdown)',
        'text',
      ],
      category: ['Categoria (NULL = linha que não é por categoria)', 'Category (NULL = a row not per category)', 'text'],
      seller_id: [
        'Vendedor dono da conta (NULL = sem vendedor, ou linha que não é por vendedor)',
        'Owning seller (NULL = no owner, or a row not per seller)',
        'text',
      ],
      state: ['UF do cliente (NULL = desconhecida, ou linha que não é por UF)', "Customer's UF (NULL = unknown, or a row not per UF)", 'text'],
      customers: ['Clientes com sugestão', 'Customers with a suggestion', 'count'],
      suggestions: ['Sugestões', 'Suggestions', 'count'],
      upsell_gain: ['Ganho mensal somado das sugestões de upsell, R$', 'Summed monthly gain of the upsell suggestions, BRL', 'brl'],
      cross_sell_gain: ['Ganho mensal somado das sugestões de cross-sell, R$', 'Summed monthly gain of the cross-sell suggestions, BRL', 'brl'],
      gain: ['Ganho mensal somado (potencial − atual), R$', 'Summed monthly gain (potential − current), BRL', 'brl'],
      holdout_weighted_gain: [
        'Ganho mensal somado ponderado pela taxa de acerto medida no holdout, R$; NULL quando o holdout não mediu nada',
        'Summed monthly gain weighted by the hit rate measured in the holdout, BRL; NULL when the holdout measured nothing',
        'brl',
      ],
      customers_with_porte: [
        'Desses clientes, os com porte no cadastro de clientes',
        'Of those customers, the ones with a company size in the customers export',
        'count',
      ],
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
        'not null',
      ],
      customers: [
        'Clientes avaliados: os que receberam ao menos um cross-sell em suggested_at_date',
        'Customers checked: those given at least one cross-sell as of suggested_at_date',
        'count',
      ],
      suggestions: ['Sugestões de cross-sell avaliadas', 'Cross-sell suggestions checked', 'count'],
      hits: [
        'Acertos: sugestões cuja categoria o cliente comprou entre suggested_at_date e a data de referência',
        'Hits: suggestions whose category the customer bought between suggested_at_date and the as-of date',
        'count',
      ],
      hit_rate: [
        'Taxa de acerto (precisão@k): acertos ÷ sugestões; NULL sem sugestões',
        'Hit rate (precision@k): hits ÷ suggestions; NULL without suggestions',
        'share',
      ],
      distinct_suggestions: [
        'Sugestões que só este método fez (as listas dos dois métodos coincidem em boa parte)',
        "Suggestions only this method made (the two methods' lists largely overlap)",
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
      customer_id: notNull(customerId),
      action: [
        'retain (reter): na carteira ativa com risco de churn medium ou high pela P(ativo), ou, sem modelo ajustado, at_risk pelo ritmo; reactivate (reativar): inactive ou lost há até 730 dias; renew (renovar): contrato não cancelado nem renovado com fim nos próximos 90 dias ou encerrado há até 30; offer (oferecer): a melhor sugestão do cliente em opportunities (labels, campo action)',
        "retain: active portfolio with medium or high churn risk from P(alive), or, without a fitted model, at_risk by rhythm; reactivate: inactive or lost for up to 730 days; renew: a contract neither canceled nor renewed ending within 90 days or ended up to 30 days ago; offer: the customer's best suggestion in opportunities (labels, field action)",
        'text',
        'not null',
      ],
      reason_pt: [
        'A evidência, em português (ritmo e silêncio, fim do contrato; em offer, o potencial somado do cliente, upsell e cross-sell, e a sugestão principal)',
        "The evidence, in Portuguese (rhythm and silence, contract end; for offer, the customer's summed potential, upsell and cross-sell, and the main suggestion)",
        'text',
        'not null',
      ],
      value_at_stake: [
        'Valor em jogo em 12 meses, R$: retain = faturamento dos 12 meses até a última compra × (1 − P(ativo)) (sem modelo: × 1); reactivate = faturamento dos 12 meses até a última compra; renew = 12 × valor mensal dos contratos a renovar; offer = 12 × gain da melhor sugestão. Retain, reactivate e offer abaixo de R$ 1.000 ficam de fora',
        'Value at stake over 12 months, BRL: retain = revenue of the 12 months to the last purchase × (1 − P(alive)) (without the model: × 1); reactivate = revenue of the 12 months to the last purchase; renew = 12 × monthly value of the contracts due; offer = 12 × gain of the best suggestion. Retain, reactivate and offer below BRL 1,000 are left out',
        'brl',
        'not null',
      ],
      priority_score: [
        'Valor esperado que ordena a lista, R$: value_at_stake, exceto offer = 12 × expected_gain (ganho × parcela dos semelhantes que compram)',
        'Expected value ranking the list, BRL: value_at_stake, except offer = 12 × expected_gain (gain × share of peers buying)',
        'brl',
        'not null',
      ],
      upsell_gain: [
        'Só em offer: ganho mensal somado de todas as sugestões de upsell do cliente (opportunity_customers), R$/mês; NULL nas outras ações',
        "Offer only: monthly gain of all the customer's upsell suggestions summed (opportunity_customers), BRL/month; NULL for other actions",
        'brl',
      ],
      cross_sell_gain: [
        'Só em offer: ganho mensal somado de todas as sugestões de cross-sell do cliente (opportunity_customers), R$/mês; NULL nas outras ações',
        "Offer only: monthly gain of all the customer's cross-sell suggestions summed (opportunity_customers), BRL/month; NULL for other actions",
        'brl',
      ],
      rank: [
        'Posição na lista do vendedor (1 = maior priority_score; empates pelo cliente e pela ação)',
        "Rank in the seller's list (1 = highest priority_score; ties by customer, then action)",
        'number',
        'not null',
      ],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
