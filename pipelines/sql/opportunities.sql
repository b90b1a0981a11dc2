-- one row per customer of the active portfolio × category suggested (upsell or cross-sell), ranked within the customer
with

suggestions as (select * from int_opportunities_ranked where scenario = 'current'),

holdout as (select * from recommendation_holdout where method = 'peer_group'),

sizes as (select value, label_pt from ref_labels where field = 'company_size'),

-- money as a Brazilian reads it, whole reais: R$ 5.000, R$ 12.345; a porte as a sentence reads it: EPP, médio
worded as (
    select
        suggestions.*,
        'R$ ' || replace(format('{:,}', round(current_value)::bigint), ',', '.') as current_text,
        'R$ ' || replace(format('{:,}', round(potential_value)::bigint), ',', '.') as potential_text,
        'R$ ' || replace(format('{:,}', round(gain)::bigint), ',', '.') as gain_text,
        round(peer_share * 100)::integer || '%' as share_text,
        case
            when potential_rule = 'same_porte'
            then 'clientes do mesmo porte ('
                || case when sizes.label_pt = upper(sizes.label_pt) then sizes.label_pt else lower(sizes.label_pt) end || ')'
            else 'clientes semelhantes'
        end as peers_text,
        case potential_rule
            when 'size_factor' then ', ajustado ao tamanho do cliente'
            when 'capped_at_top_peer' then ', ajustado ao tamanho do cliente, limitado ao maior comprador semelhante'
            else ''
        end as rule_text,
    from suggestions
    left join sizes on sizes.value = suggestions.company_size
),

final as (
    select
        worded.customer_id,
        worded.seller_id,
        worded.kind,
        worded.category,
        worded.current_value,
        worded.potential_value,
        worded.gain,
        worded.expected_gain,
        -- what the gain is worth at the rate peer-group suggestions were measured to come true (recommendation_holdout);
        -- NULL when nothing could be measured (too little history before the holdout date): the page then shows the raw gain only
        cast(worded.gain * holdout.hit_rate as decimal(18, 2)) as holdout_weighted_gain,
        worded.peer_share,
        worded.peer_buyers,
        worded.peers,
        worded.company_size,
        worded.peer_group_level,
        worded.potential_rule,
        worded.peer_median_monthly_spend as peer_median_value,
        worded.peer_max_monthly_spend as peer_max_value,
        worded.size_factor,
        worded.rank,
        case worded.kind
            when 'cross_sell' then worded.share_text || ' dos ' || worded.peers_text || ' compram ' || worded.category
                || '; potencial estimado ' || worded.potential_text || '/mês' || worded.rule_text
            else 'Compra ' || worded.current_text || '/mês em ' || worded.category
                || '; ' || worded.peers_text || ' compram ' || worded.potential_text || '/mês' || worded.rule_text
                || ' (+' || worded.gain_text || '/mês)'
        end as reason_pt,
        getvariable('as_of_date') as as_of_date,
    from worded
    left join holdout on true
)

select * from final
