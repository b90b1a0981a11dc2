-- one row per value key of a coded column (field), with its pt-BR and English labels and the mart columns it appears in
-- (the reference data ref_labels, which models read, published with the as-of date)
with

reference_labels as (select * from ref_labels),

final as (
    select
        *,
        getvariable('as_of_date') as as_of_date,
    from reference_labels
)

select * from final
