-- The business rules several models apply, each defined once here and created before any model runs.

-- The active portfolio (carteira ativa): customers new, active, at risk or reactivated; inactive, lost and
-- prospects are outside it.
create or replace macro is_active_portfolio(status) as
    status in ('new', 'active', 'at_risk', 'reactivated');

-- The working portfolio (carteira de trabalho), the positivação denominator: the active portfolio plus the
-- inactive customers a seller still works to win back.
create or replace macro is_working_portfolio(status) as
    is_active_portfolio(status) or status = 'inactive';

-- A month still running at the as-of date: the as-of month when the as-of date is not its last day. Its
-- figures must not be compared with complete months.
create or replace macro is_partial_month(month_start) as
    month_start = date_trunc('month', getvariable('as_of_date'))
    and getvariable('as_of_date') < last_day(month_start);

-- The report's trailing windows over a table of months (columns month and is_partial_month): last_month, the latest
-- complete month (the as-of month counts only when the as-of date is its last day), and last_12_months, the 12
-- complete months to it (fewer when the history is shorter); no row without a complete month.
create or replace macro complete_month_windows(months_table) as table
    with bounds as (
        select
            max(month) filter (where not coalesce(is_partial_month, false)) as window_end,
            min(month) as first_month,
        from query_table(months_table)
    )
    select 'last_month' as period, window_end as window_start, window_end from bounds where window_end is not null
    union all
    select 'last_12_months', cast(greatest(window_end - interval 11 month, first_month) as date), window_end
    from bounds
    where window_end is not null;

-- A seller named with the code beside it, "Ana Teixeira (V0123)": a name that already carries its code (sellers who
-- share a name carry it in the sellers mart) is left as it is; NULL without a name.
create or replace macro name_with_code(name, code) as
    case when ends_with(name, ' (' || code || ')') then name else name || ' (' || code || ')' end;

-- A target is met when the actual reaches it: true at or above a target above zero, false below it; NULL without a
-- target or an actual, and for a target of zero, which is no target (nothing to measure attainment against). Compare
-- the values as published (revenue in centavos), so that a page showing R$ 1.000,00 against R$ 1.000,00 says met.
create or replace macro is_target_met(actual, target) as
    case when target > 0 then actual >= target end;

-- A seller as lists that mix people name them (the balance proposal): "Ana Teixeira (V0123)" (name_with_code), the
-- code alone when there is no name or the name is the code; NULL without a code.
create or replace macro seller_label(name, code) as
    case when code is not null then case when name is null or name = code then code else name_with_code(name, code) end end;

-- Ticket médio: revenue per invoiced order, in cents; NULL without orders.
create or replace macro avg_ticket(revenue, orders) as
    cast(revenue / nullif(orders, 0) as decimal(18, 2));

-- The crossing rule of a ranking by revenue descending: the share of the total the rows before this one hold.
-- A row belongs to the top s of revenue while this is under s, so the row that crosses s is still in it.
create or replace macro share_before(revenue, cum_revenue, total_revenue) as
    (cum_revenue - revenue) / total_revenue;

-- ABC class of a row ranked by revenue descending: A while the revenue before it is under abc.a_share of the
-- total, B under abc.b_share, C after; the row that crosses a cut-off stays in the class above it.
create or replace macro abc_class(revenue, cum_revenue, total_revenue) as
    case
        when total_revenue <= 0 then 'C'
        when share_before(revenue, cum_revenue, total_revenue) < getvariable('abc_a_share') then 'A'
        when share_before(revenue, cum_revenue, total_revenue) < getvariable('abc_b_share') then 'B'
        else 'C'
    end;

-- The breakdown of a row of `group by grouping sets ((seller_id), (state), ())`, from grouping(seller_id, state):
-- 'seller' on the per-seller rows, 'state' on the per-UF rows, 'all' on the total (labels: a *_breakdown field).
create or replace macro seller_state_breakdown(grouping_bits) as
    case grouping_bits
        when 1 then 'seller'
        when 2 then 'state'
        else 'all'
    end;
