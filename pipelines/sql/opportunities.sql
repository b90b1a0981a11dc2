-- one row per customer of the active portfolio × category suggested (upsell or cross-sell), ranked within the customer
with

suggestions as (select * from int_opportunities_ranked where scenario = 'current'),

-- money as a Brazilian reads it, whole reais: R$ 5.000, R$ 12.345
worded as (
    select
        *,
        'R$ ' || replace(format('{:,}', round(current_value)::bigint), ',', '.') as current_text,
        'R$ ' || replace(format('{:,}', round(potential_value)::bigint), ',', '.') as potential_text,
        'R$ ' || replace(format('{:,}', round(gain)::bigint), ',', '.') as gain_text,
        round(peer_share * 100)::integer || '%' as share_text,
    from suggestions
),

final as (
    select
        customer_id,
        seller_id,
        kind,
        category,
        current_value,
        potential_value,
        gain,
        expected_gain,
        peer_share,
        peer_buyers,
        peers,
        peer_group_level,
        peer_median_monthly_spend as peer_median_value,
        size_factor,
        rank,
        case kind
            when 'cross_sell' then share_text || ' dos clientes semelhantes compram ' || category
                || '; potencial estimado ' || potential_text || '/mês'
            else 'Compra ' || current_text || '/mês em ' || category
                || '; clientes semelhantes do mesmo porte compram ' || potential_text || '/mês (+' || gain_text || '/mês)'
        end as reason_pt,
        getvariable('as_of_date') as as_of_date,
    from worded
)

select * from final
