-- An order line's amount in reais: quantity × price − discount, exact, rounded once to the cent (half away
-- from zero), as the line of an invoice is. Quantities and prices keep six decimals, so their product has
-- twelve: DuckDB multiplies them in 18 digits, which is fast but fails from R$ 1 million on (1,000 units at
-- R$ 1,000.00 stopped the whole run). try() turns that failure into NULL, and those lines alone are multiplied
-- again in 38 digits (about 30 times slower per line, so not for every line). Either way the same value. The
-- loader rejects lines whose amount would not fit in cents at all (amount_out_of_range).
create or replace macro line_amount(quantity, price, discount) as
    coalesce(
        cast(try(quantity * price - discount) as decimal(18, 2)),
        cast(cast(quantity as decimal(38, 6)) * price - discount as decimal(18, 2))
    );
