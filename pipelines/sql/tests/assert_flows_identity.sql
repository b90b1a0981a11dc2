-- months where active_end <> active_start + new + reactivated - churned, where a month's start is not the
-- previous month's end, or where the flows disagree with the statuses of customer_status_monthly
with

flows as (select * from portfolio_flows),

statuses as (
    select
        month,
        count(*) filter (where is_in_active_portfolio) as active_end,
    from customer_status_monthly
    group by all
),

checked as (
    select
        flows.month,
        flows.active_start,
        flows.new,
        flows.reactivated,
        flows.churned,
        flows.active_end,
        lag(flows.active_end) over (order by flows.month) as previous_active_end,
        coalesce(statuses.active_end, 0) as active_end_from_statuses,
    from flows
    left join statuses on statuses.month = flows.month
),

final as (
    select *
    from checked
    where active_end <> active_start + new + reactivated - churned
        or active_start <> coalesce(previous_active_end, 0)
        or active_end <> active_end_from_statuses
)

select * from final
