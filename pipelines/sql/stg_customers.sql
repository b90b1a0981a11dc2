-- one row per customer of the customers export
select
    customer_id,
    name,
    document,
    case length(document) when 11 then 'cpf' when 14 then 'cnpj' end as document_kind,
    segment,
    city,
    state,
    seller_id,
    created_at,
    email,
    phone
from src_customers
