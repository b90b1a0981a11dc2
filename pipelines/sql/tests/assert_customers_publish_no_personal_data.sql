-- published customers showing a person's (CPF) document unmasked, or contact columns in the mart
select
    customer_id,
    document,
    'unmasked CPF' as problem,
from customers
where document_kind = 'cpf' and not regexp_full_match(document, '\*\*\*\.[0-9]{3}\.[0-9]{3}-\*\*')
union all
select
    null as customer_id,
    column_name as document,
    'contact column published' as problem,
from duckdb_columns()
where table_name = 'customers' and column_name in ('email', 'phone')
