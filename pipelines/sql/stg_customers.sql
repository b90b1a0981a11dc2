-- one row per customer of the customers export
-- LGPD: a code that holds a CPF, CNPJ, phone or e-mail becomes a keyed pseudonym (pseudonymous_id), and a
-- customer is a person unless a valid CNPJ or a company word in the name says otherwise
select
    pseudonymous_id('CLI', customer_id) as customer_id,
    name,
    document,
    case length(document) when 11 then 'cpf' when 14 then 'cnpj' end as document_kind,
    not (coalesce(length(document) = 14, false) or coalesce(is_company_name(name), false)) as is_person,
    segment,
    -- porte: mei, me, epp, medio, grande (labels and headcounts read by parse_company_size); NULL when absent or unknown
    company_size,
    city,
    state,
    pseudonymous_id('VEN', seller_id) as seller_id,
    created_at,
    email,
    phone
from src_customers
