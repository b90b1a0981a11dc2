-- published customers showing a person's CPF unmasked, a person's name in clear, a code holding personal
-- data, or contact columns in the mart
select
    customer_id,
    document,
    'unmasked CPF' as problem,
from customers
where document_kind = 'cpf' and not regexp_full_match(document, '\*\*\*\.[0-9]{3}\.[0-9]{3}-\*\*')
union all
select
    customers.customer_id,
    customers.name as document,
    'person named in clear' as problem,
from customers
inner join int_customers_unified as unified on unified.customer_id = customers.customer_id
where unified.is_person
    and getvariable('privacy_pseudonymize_person_names')
    and unified.name is not null
    and contains(customers.name, unified.name)
    -- the pseudonym label itself holds no name, even when a short name happens to be inside it (C, PF)
    and customers.name <> 'Cliente PF ' || left(pseudonym_code(customers.customer_id), 6)
union all
select
    customer_id,
    null as document,
    'code holding personal data' as problem,
from customers
where mask_personal(customer_id) <> customer_id or mask_personal(seller_id) <> seller_id
    -- a person's name used as the code, while the config hides names
    or is_name_code('CLI', customer_id) or is_name_code('VEN', seller_id)
union all
select
    null as customer_id,
    column_name as document,
    'contact column published' as problem,
from duckdb_columns()
where table_name = 'customers' and column_name in ('email', 'phone')
