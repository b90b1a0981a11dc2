-- one row per customer (bought or prospect), judged at the as-of date: who it is, its status, history, RFM and predicted value (published as the customers mart)
with

customers as (select * from int_customers_unified),

orders as (select * from int_orders_valued),

customer_months as (select * from int_customer_status_monthly),

segmented as (select * from int_customers_segmented),

contracts as (select * from int_contracts_renewal_checked),

presence as (select * from stg_input_presence),

predictions as (select * from int_customer_value_predictions),

lifetime_orders as (
    select
        customer_id,
        count(*) filter (where is_invoiced) as orders,
        sum(order_value) filter (where is_invoiced) as revenue,
        -- margin only when every invoiced order of the customer has a known cost
        case
            when count(*) filter (where is_invoiced and order_cost is null) = 0
            then sum(order_value - order_cost) filter (where is_invoiced)
        end as gross_margin,
        min(order_date) filter (where is_invoiced) as first_order_date,
        max(order_date) filter (where is_invoiced) as last_order_date,
        count(*) filter (where status = 'canceled') as canceled_orders,
        count(*) filter (where status = 'returned') as returned_orders,
    from orders
    group by all
),

-- the as-of month is judged on the as-of date with all history, so it also holds the lifetime rhythm
status_at_as_of as (
    select
        customer_id,
        status,
        purchase_days,
        days_since_last_order,
        rhythm_days,
    from customer_months
    where month = date_trunc('month', getvariable('as_of_date'))
),

renewal_due as (
    select
        customer_id,
        bool_or(
            status <> 'canceled'
            and not renewed
            and end_date between getvariable('as_of_date')
                and getvariable('as_of_date') + getvariable('windows_renewal_horizon_days')
        ) as renewal_due,
    from contracts
    group by all
),

-- LGPD: persons (whatever their document) get a stable keyed pseudonym; a CPF is masked, a company's
-- CNPJ shown in full
published_identity as (
    select
        customer_id,
        -- every customer has a name to show: one known only from orders says so beside its code
        case
            when is_derived_from_orders and (select is_present from presence where entity = 'customers')
            then 'Cliente não cadastrado (' || customer_id || ')'
            when is_derived_from_orders then 'Cliente ' || customer_id
            when name is null then 'Cliente sem nome (' || customer_id || ')'
            when is_person and getvariable('privacy_pseudonymize_person_names')
            then 'Cliente PF ' || left(pseudonym_code(customer_id), 6)
            else name
        end as name,
        case document_kind
            when 'cpf' then '***.' || document[4:6] || '.' || document[7:9] || '-**'
            when 'cnpj' then document[1:2] || '.' || document[3:5] || '.' || document[6:8]
                || '/' || document[9:12] || '-' || document[13:14]
        end as document,
    from customers
),

final as (
    select
        customers.customer_id,
        published_identity.name,
        published_identity.document,
        customers.document_kind,
        customers.group_id,
        customers.segment,
        customers.city,
        customers.state,
        customers.region,
        customers.seller_id,
        customers.is_derived_from_orders,
        coalesce(status_at_as_of.status, 'prospect') as status,
        is_active_portfolio(coalesce(status_at_as_of.status, 'prospect')) as is_active_portfolio,
        is_working_portfolio(coalesce(status_at_as_of.status, 'prospect')) as is_working_portfolio,
        lifetime_orders.first_order_date,
        lifetime_orders.last_order_date,
        cast(coalesce(lifetime_orders.orders, 0) as integer) as orders,
        coalesce(status_at_as_of.purchase_days, 0) as purchase_days,
        cast(coalesce(lifetime_orders.revenue, 0) as decimal(18, 2)) as revenue,
        case
            when not (select is_present from presence where entity = 'order_items') then null
            when coalesce(lifetime_orders.orders, 0) = 0 then 0
            else cast(lifetime_orders.gross_margin as decimal(18, 2))
        end as gross_margin,
        avg_ticket(lifetime_orders.revenue, lifetime_orders.orders) as avg_ticket,
        -- intervals between consecutive distinct purchase days over all history
        case when status_at_as_of.purchase_days > 1 then status_at_as_of.rhythm_days end as median_interval_days,
        (lifetime_orders.last_order_date - lifetime_orders.first_order_date)
            / nullif(status_at_as_of.purchase_days - 1, 0) as avg_interval_days,
        status_at_as_of.rhythm_days,
        cast(status_at_as_of.days_since_last_order as integer) as days_since_last_order,
        cast(coalesce(lifetime_orders.canceled_orders, 0) as integer) as canceled_orders,
        cast(coalesce(lifetime_orders.returned_orders, 0) as integer) as returned_orders,
        segmented.orders as window_orders,
        segmented.revenue as window_revenue,
        segmented.r_score,
        segmented.f_score,
        segmented.m_score,
        segmented.rfm_segment,
        segmented.abc_class,
        segmented.revenue_rank,
        segmented.revenue_share as window_revenue_share,
        segmented.cum_revenue_share,
        case
            when (select is_present from presence where entity = 'contracts')
            then coalesce(renewal_due.renewal_due, false)
        end as renewal_due,
        predictions.p_alive,
        predictions.expected_purchases_90d,
        predictions.expected_avg_order_value,
        predictions.clv_12m,
        predictions.churn_risk,
        getvariable('as_of_date') as as_of_date,
    from customers
    left join published_identity on published_identity.customer_id = customers.customer_id
    left join lifetime_orders on lifetime_orders.customer_id = customers.customer_id
    left join status_at_as_of on status_at_as_of.customer_id = customers.customer_id
    left join segmented on segmented.customer_id = customers.customer_id
    left join renewal_due on renewal_due.customer_id = customers.customer_id
    left join predictions on predictions.customer_id = customers.customer_id
)

select * from final
