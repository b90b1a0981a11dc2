-- one row: the load of this run in total, over the load_summary and rejects tables the loader published
with

files as (select * from load_summary),

problems as (select * from rejects),

summed as (
    select
        count(*) filter (where entity is not null) as files,
        count(*) filter (where entity is null) as unread_files,
        coalesce(sum(read), 0) as read,
        coalesce(sum(loaded), 0) as loaded,
        coalesce(sum(rejected), 0) as rejected,
        coalesce(sum(open_orders) filter (where entity = 'orders'), 0) as open_orders,
    from files
),

counted_problems as (
    select
        count(*) as problem_rows,
        -- a report's total line or repeated header: rejected, but no record of the business (per entity, as load_summary counts a file read as several)
        count(distinct (entity, file, line)) filter (where list_contains(getvariable('not_record_reasons'), reason_code)) as report_lines,
    from problems
),

final as (
    select
        cast(summed.files as integer) as files,
        cast(summed.unread_files as integer) as unread_files,
        cast(summed.read as integer) as read,
        cast(summed.loaded as integer) as loaded,
        cast(summed.rejected as integer) as rejected,
        cast(summed.rejected - counted_problems.report_lines as integer) as rejected_records,
        cast(counted_problems.problem_rows as integer) as problem_rows,
        cast(summed.open_orders as integer) as open_orders,
        getvariable('as_of_date') as as_of_date,
    from summed
    cross join counted_problems
)

select * from final
