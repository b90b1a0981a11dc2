/**
 * A Superstore-like flat "vendas por item" report: one line per item with order, customer and product
 * columns, UTF-8 with BOM, m/d/yyyy dates, US states, Sales as the line total and Discount as a 0-1
 * fraction. Claire Gute's latest order (9/7/2017, line 4) is not her last line in the file; Darrin Van
 * Huff's last line in the file (line 8) is his earliest order. Σ Sales = 261.96 + 731.94 + 377.97 +
 * 957.58 + 22.37 + 14.62 + 48.86 = 2415.30.
 */
export const SUPERSTORE =
  '\uFEFF' +
  [
    'Row ID,Order ID,Order Date,Ship Date,Customer ID,Customer Name,Segment,City,State,Product ID,Category,Product Name,Sales,Quantity,Discount,Profit',
    '1,CA-2016-152156,11/8/2016,11/11/2016,CG-12520,Claire Gute,Consumer,Henderson,Kentucky,FUR-BO-10001798,Furniture,Bush Somerset Collection Bookcase,261.96,2,0,41.9136',
    '2,CA-2016-152156,11/8/2016,11/11/2016,CG-12520,Claire Gute,Consumer,Henderson,Kentucky,FUR-CH-10000454,Furniture,"Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back",731.94,3,0,219.582',
    '3,CA-2017-100006,9/7/2017,9/13/2017,CG-12520,Claire Gute,Home Office,Louisville,Kentucky,TEC-PH-10002075,Technology,AT&T EL51110 DECT,377.97,3,0,109.6113',
    "4,US-2015-108966,10/11/2015,10/18/2015,SO-20335,Sean O'Donnell,Consumer,Fort Lauderdale,Florida,FUR-TA-10000577,Furniture,Bretford CR4500 Series Slim Rectangular Table,957.58,5,0.45,-383.031",
    "5,US-2015-108966,10/11/2015,10/18/2015,SO-20335,Sean O'Donnell,Consumer,Fort Lauderdale,Florida,OFF-ST-10000760,Office Supplies,Eldon Fold 'N Roll Cart System,22.37,2,0.2,2.5164",
    '6,CA-2016-138688,6/12/2016,6/16/2016,DV-13045,Darrin Van Huff,Corporate,Los Angeles,California,OFF-LA-10000240,Office Supplies,Self-Adhesive Address Labels,14.62,2,0,6.8714',
    '7,CA-2015-115812,6/9/2015,6/14/2015,DV-13045,Darrin Van Huff,Consumer,Seattle,Washington,OFF-LA-10000240,Office Supplies,Self-Adhesive Address Labels,48.86,7,0,14.1694',
  ].join('\r\n') +
  '\r\n';

/**
 * An Olist-like set of tables: customer ids are per order and resolve to the real customer
 * (customer_unique_id) through the customers table; statuses are English; items are one row per unit
 * with price and freight. Order o5's customer c9 is not in the customers table (an orphan: its
 * customer_id comes out empty, row 5 of the query), and item o9 belongs to no order. Invoiced: o1, o2,
 * o3 (o4 canceled): revenue = (29.99 + 8.72) + (118.70 + 22.76) + 2 × (159.90 + 19.22) = 538.41.
 */
export const OLIST: Record<string, string> = {
  'olist_customers_dataset.csv':
    [
      '"customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"',
      '"c1","u1","14409","franca","SP"',
      '"c2","u2","09790","sao bernardo do campo","SP"',
      '"c3","u1","14409","franca","SP"',
      '"c4","u3","01151","sao paulo","SP"',
    ].join('\n') + '\n',
  'olist_orders_dataset.csv':
    [
      '"order_id","customer_id","order_status","order_purchase_timestamp","order_approved_at"',
      '"o1","c1","delivered","2017-10-02 10:56:33","2017-10-02 11:07:15"',
      '"o2","c2","shipped","2018-07-24 20:41:37","2018-07-26 03:24:27"',
      '"o3","c3","delivered","2018-08-08 08:38:49","2018-08-08 08:55:23"',
      '"o4","c4","canceled","2018-08-01 10:00:00",""',
      '"o5","c9","delivered","2018-08-05 09:00:00","2018-08-05 09:10:00"',
    ].join('\n') + '\n',
  'olist_order_items_dataset.csv':
    [
      '"order_id","order_item_id","product_id","seller_id","shipping_limit_date","price","freight_value"',
      '"o1",1,"p1","s1","2017-10-06 11:07:15",29.99,8.72',
      '"o2",1,"p2","s2","2018-07-30 03:24:27",118.70,22.76',
      '"o3",1,"p3","s1","2018-08-13 08:55:23",159.90,19.22',
      '"o3",2,"p3","s1","2018-08-13 08:55:23",159.90,19.22',
      '"o4",1,"p1","s1","2018-08-05 10:00:00",29.99,8.72',
      '"o5",1,"p2","s2","2018-08-09 09:10:00",118.70,22.76',
      '"o9",1,"p1","s1","2018-08-09 09:10:00",10.00,5.00',
    ].join('\n') + '\n',
  'olist_products_dataset.csv': '"product_id","product_category_name"\n"p1","cool_stuff"\n"p2","perfumaria"\n"p3","informatica_acessorios"\n',
};
