-- one row per product of the products export
select
    product_id,
    name,
    coalesce(category, 'Sem categoria') as category
from src_products
