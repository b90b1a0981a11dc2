import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, readParquet, runCli, type HostileCase } from './hostileCase.ts';

/** Real exports read right (issue: dates, numbers, orphans and mappings of flat ERP reports). */
const cases: HostileCase[] = [
  {
    name: 'orders of customers missing from the customers file are kept, and each is warned as unknown_customer',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\nP2;C9;15/01/2026;20\nP3;C9;01/02/2026;30\nP4;C8;02/02/2026;5\n',
      'clientes.csv': 'cliente;nome;uf\nC1;Mercado Um Ltda;SP\n',
    },
    expect: {
      exit: 0,
      output: [/pedidos\.csv.*unknown_customer.*aviso.*'3'/],
      summary: { 'pedidos.csv': { read: 4, loaded: 4, rejected: 0, warnings: 3 } },
      reasons: { 'pedidos.csv:unknown_customer': 3 },
      check: async (d) => {
        const lines = await readParquet<{ line: string; value: string }>(
          join(d.out, 'rejects.parquet'),
          `select line, value from t where reason_code = 'unknown_customer' order by line`,
        );
        expect(lines).toEqual([
          { line: '3', value: 'C9' },
          { line: '4', value: 'C9' },
          { line: '5', value: 'C8' },
        ]);
        // pages and downloads name them by their code, never "—"
        const names = await readParquet<{ customer_id: string; name: string }>(
          join(d.out, 'customers.parquet'),
          'select customer_id, name from t order by customer_id',
        );
        expect(names).toEqual([
          { customer_id: 'C1', name: 'Mercado Um Ltda' },
          { customer_id: 'C8', name: 'Cliente não cadastrado (C8)' },
          { customer_id: 'C9', name: 'Cliente não cadastrado (C9)' },
        ]);
      },
    },
  },
  {
    name: 'without a customers file, orders are not warned as unknown_customer: every customer is known only from its orders',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\nP2;C9;15/01/2026;20\n' },
    expect: { exit: 0, reasons: { 'pedidos.csv:unknown_customer': 0 } },
  },
  {
    name: 'customers from US states: Geografia says the data has no Brazilian states and names no leading UF',
    command: 'build',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;05/01/2026;100\nP2;C2;15/01/2026;200\nP3;C3;20/01/2026;50\nP4;C1;01/02/2026;30\n',
      'clientes.csv': 'cliente;nome;uf\nC1;Corner Store Inc;CA\nC2;Deli LLC;NY\nC3;Mercado Ltda;SP\n',
    },
    expect: {
      exit: 0,
      reasons: { 'clientes.csv:unknown_uf': 2 },
      check: (d) => {
        const page = readFileSync(join(d.dist, 'geografia', 'index.html'), 'utf8');
        expect(page).toContain('Os dados não têm UFs brasileiras');
        // 50 of 350 reais in January come from SP
        expect(page).toContain('Só 14,3% do faturamento');
        expect(page).not.toContain('Maior UF');
        expect(page).not.toContain('Maior região');
      },
    },
  },
  {
    name: 'orders and their lines alone, one seller: each page names the file a section needs instead of drawing one "Sem categoria" or "Não informado" bar',
    command: 'build',
    exports: {
      'pedidos.csv':
        'pedido;cliente;vendedor;data;valor\nP1;C1;V1;05/01/2026;100\nP2;C2;V1;15/01/2026;200\nP3;C1;V1;03/02/2026;50\nP4;C3;V1;10/02/2026;80\nP5;C2;V1;02/03/2026;120\n' +
        'Total;;;;550\n',
      'itens_pedido.csv': 'pedido;produto;quantidade;preco\nP1;X1;1;100\nP2;X2;2;100\nP3;X1;1;50\nP4;X3;1;80\nP5;X2;1;120\n',
      // a file whose name matches no entity
      'relatorio.csv': 'pedido;valor\nP9;10\n',
    },
    expect: {
      exit: 0,
      check: (d) => {
        const page = (path: string) => readFileSync(join(d.dist, path, 'index.html'), 'utf8');
        expect(page('produtos')).toContain('Sem arquivo de produtos');
        expect(page('produtos')).not.toContain('Positivação de Sem categoria');
        expect(page('produtos')).not.toContain('>Sem categoria<');
        expect(page('ticket-medio')).toContain('ver o ticket médio por segmento do cliente');
        expect(page('ticket-medio')).toContain('ver o ticket médio por UF do cliente');
        expect(page('geografia')).toContain('Sem arquivo de clientes');
        expect(page('geografia')).not.toContain('Os dados não têm UFs brasileiras');
        expect(page('vendedores')).toContain('sem arquivo de metas');
        expect(page('vendedores')).not.toContain('bateram a meta');
        expect(page('vendedores')).toContain('comparar as equipes');
        expect(page('vendedores')).not.toContain('Sem equipe');
        // one seller: nothing to balance, no dispersion of 0,00 → 0,00
        expect(page('vendedores/equilibrio')).toContain('Um só vendedor ativo');
        expect(page('vendedores/equilibrio')).not.toContain('Dispersão entre vendedores');
        expect(page('vendedores/equilibrio')).toContain('nenhuma carteira órfã');
        // three months of orders: the 12-month churn and CAC say why they are missing instead of vanishing
        expect(page('periodos')).toContain('precisam de mais de 12 meses de pedidos, e os pedidos começam em jan/2026');
        // every page's footer says what is not in the figures: the unread file, not the report's total line
        expect(page('produtos')).toContain('Fora dos números: 1 arquivo da pasta não lido');
        expect(page('produtos')).not.toContain('linha rejeitada');
      },
    },
  },
  {
    name: 'dates written dd/mm/aa and months written out/26 are read as 20aa, not rejected as year 0019',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;03/01/26;10\nP2;C2;15/01/26;20\nP3;C1;01/02/26;30\n',
      'metas.csv': 'vendedor;mes;meta\nV1;jan/26;1000\nV1;02/26;1000\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-02-01'],
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 3, loaded: 3, rejected: 0 }, 'metas.csv': { read: 2, loaded: 2, rejected: 0 } },
      reasons: { 'pedidos.csv:bad_date': 0, 'metas.csv:bad_month': 0 },
    },
  },
  {
    name: 'headers with their unit: "Valor (R$)" and "Preço Unit. (R$)" are read, and "Desc. %" is never read as reais',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;Valor (R$)\nP1;C1;05/01/2026;90,00\nP2;C2;06/01/2026;50,00\n',
      'itens.csv': 'pedido;produto;qtd;Preço Unit. (R$);Desc. %\nP1;A;2;50,00;10\nP2;B;1;50,00;0\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      output: [/itens\.csv: "Desc\. %" é um percentual e não foi lida como discount, que é um valor em R\$/],
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        // 2 × 50 + 1 × 50, without the discount (read as reais, 10% would have taken R$ 10 off P1's line)
        expect(Number(kpis!.revenue)).toBe(150);
      },
    },
  },
  {
    name: 'a negative order total (a return or credit note as ERPs export it) is a return counted by its value, not a negative sale',
    exports: {
      // P2 and P4 (SAP's trailing minus) are returns; P3, canceled, stays canceled; P5's items are its value;
      // P1 to P4 have no items, so their totals are used
      'pedidos.csv':
        'pedido;cliente;data;situacao;valor\nP1;C1;05/01/2026;;100,00\nP2;C1;06/01/2026;;-30,00\nP3;C2;07/01/2026;cancelado;(20,00)\n' +
        'P4;C2;08/01/2026;;1.234,56-\nP5;C3;09/01/2026;;-45,00\nP6;C3;10/01/2026;;50,00\n',
      'itens.csv': 'pedido;produto;quantidade;preco\nP5;A;1;45\nP6;A;2;25\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 6, loaded: 6, rejected: 0, warnings: 5 } },
      reasons: { 'pedidos.csv:negative_amount': 4, 'pedidos.csv:order_without_items': 4 },
      check: async (d) => {
        const [kpis] = await readParquet<Record<string, string>>(
          join(d.out, 'kpis_monthly.parquet'),
          `select orders, revenue, returned_orders, returned_value, canceled_orders, canceled_value from t where month = '2026-01-01'`,
        );
        // sales: P1 100 + P6 50; returns: P2 30 + P4 1.234,56 + P5 45 (its item); canceled: P3 20
        expect(Object.fromEntries(Object.entries(kpis!).map(([k, v]) => [k, Number(v)]))).toEqual({
          orders: 2,
          revenue: 150,
          returned_orders: 3,
          returned_value: 1309.56,
          canceled_orders: 1,
          canceled_value: 20,
        });
        const warned = await readParquet<{ line: string; value: string }>(
          join(d.out, 'rejects.parquet'),
          `select line, value from t where reason_code = 'negative_amount' order by line`,
        );
        expect(warned).toEqual([
          { line: '3', value: '-30.00' },
          { line: '4', value: '-20.00' },
          { line: '5', value: '-1234.56' },
          { line: '6', value: '-45.00' },
        ]);
        // no customer falls below zero: C2 bought nothing, C1 and C3 keep their sales
        const customers = await readParquet<{ customer_id: string; revenue: string }>(
          join(d.out, 'customers.parquet'),
          'select customer_id, revenue from t order by customer_id',
        );
        expect(customers.map((c) => [c.customer_id, Number(c.revenue)])).toEqual([
          ['C1', 100],
          ['C2', 0],
          ['C3', 50],
        ]);
      },
    },
  },
  {
    name: 'an invoiced order with no items and no amount is rejected as missing_amount; a cancellation without value is a return, not a R$ 0 sale',
    exports: {
      // P2: no item, no amount; P3: no item, amount used; P4: canceled, nothing; P5: a cancellation invoice (negative quantity)
      'pedidos.csv':
        'pedido;cliente;data;situacao;valor\nP1;C1;05/01/2026;;\nP2;C1;06/01/2026;;\nP3;C2;07/01/2026;;30\nP4;C2;08/01/2026;cancelado;\nP5;C1;09/01/2026;;\n',
      'itens.csv': 'pedido;produto;quantidade;preco\nP1;A;2;45\nP5;A;-1;45\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 5, loaded: 4, rejected: 1, warnings: 3 }, 'itens.csv': { read: 2, loaded: 1, rejected: 1 } },
      reasons: { 'pedidos.csv:missing_amount': 1, 'pedidos.csv:order_without_items': 1, 'pedidos.csv:return_without_value': 2, 'itens.csv:negative_value': 1 },
      check: async (d) => {
        const [kpis] = await readParquet<{ orders: string; revenue: string }>(
          join(d.out, 'kpis_monthly.parquet'),
          `select orders, revenue from t where month = '2026-01-01'`,
        );
        // P1 (2 × 45 = 90) and P3 (30): two orders, 120 reais; P2 is not a R$ 0 order
        expect({ orders: Number(kpis!.orders), revenue: Number(kpis!.revenue) }).toEqual({ orders: 2, revenue: 120 });
        const reason = await readParquet<{ reason: string }>(join(d.out, 'rejects.parquet'), `select reason from t where reason_code = 'missing_amount'`);
        expect(reason[0]!.reason).toContain('pedido rejeitado');
      },
    },
  },
  {
    name: 'a mapping entry that lists its columns uses only those: an unmapped Discount fraction is ignored, not taken as reais by an alias',
    exports: {
      'pedidos.csv': 'pedido;cliente;data\nP1;C1;05/01/2026\n',
      'itens.csv': 'pedido;produto;qtd;preco;Discount\nP1;A;2;50;0,1\n',
    },
    setup: (d) =>
      writeFileSync(
        join(d.root, 'mapping.json'),
        JSON.stringify({
          files: [{ match: 'itens.csv', entity: 'order_items', columns: { pedido: 'order_id', produto: 'product_id', qtd: 'quantity', preco: 'unit_price' } }],
        }),
      ),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--mapping', join(d.root, 'mapping.json')],
    expect: {
      exit: 0,
      output: ['Colunas de itens.csv (só as do mapeamento): pedido → order_id, produto → product_id, qtd → quantity, preco → unit_price, Discount → ignorada'],
      check: async (d) => {
        // 2 × 50 = 100 reais; the 0,1 fraction would have made it 99,90
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        expect(Number(kpis!.revenue)).toBe(100);
        const [summary] = await readParquet<{ column_mapping: string }>(
          join(d.out, 'load_summary.parquet'),
          `select column_mapping from t where file = 'itens.csv'`,
        );
        expect(summary!.column_mapping).toContain('Discount → ignorada');
      },
    },
  },
  {
    name: 'customers keyed by CNPJ or CPF, punctuated in one file and bare in the other, are one customer each, under a pseudonym',
    exports: {
      'clientes.csv': 'CNPJ;Razão Social;UF\n11.222.333/0001-81;Mercado Um Ltda;SP\n123.456.789-09;Maria da Silva;MG\n',
      'pedidos.csv':
        'Pedido;Data;CNPJ do Cliente;Valor Total\nP1;05/01/2026;11222333000181;100,00\nP2;13/01/2026;12345678909;40,00\nP3;20/01/2026;11.222.333/0001-81;60,00\n',
    },
    // the code is the document: the mapping reads the customers' CNPJ column as both
    setup: (d) =>
      writeFileSync(
        join(d.root, 'mapping.json'),
        JSON.stringify({
          files: [
            {
              match: 'clientes.csv',
              entity: 'customers',
              columns: { customer_id: { from: 'CNPJ' }, document: { from: 'CNPJ' }, name: { from: 'Razão Social' }, state: { from: 'UF' } },
            },
            {
              match: 'pedidos.csv',
              entity: 'orders',
              columns: {
                order_id: { from: 'Pedido' },
                order_date: { from: 'Data' },
                customer_id: { from: 'CNPJ do Cliente' },
                amount: { from: 'Valor Total' },
              },
            },
          ],
        }),
      ),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--mapping', join(d.root, 'mapping.json')],
    expect: {
      exit: 0,
      // what became of each column of the file, once: not the file's columns "ignoradas" and then their computed copies
      output: [
        'Colunas de clientes.csv (só as do mapeamento): CNPJ → customer_id, CNPJ → document, Razão Social → name, UF → state\n',
        'Colunas de pedidos.csv (só as do mapeamento): Pedido → order_id, Data → order_date, CNPJ do Cliente → customer_id, Valor Total → amount\n',
      ],
      notOutput: ['11222333000181', '12345678909', '11.222.333/0001-81', '123.456.789-09'],
      reasons: { 'pedidos.csv:unknown_customer': 0 },
      check: async (d) => {
        const customers = await readParquet<{ customer_id: string; name: string; revenue: string }>(
          join(d.out, 'customers.parquet'),
          'select customer_id, name, revenue from t order by revenue',
        );
        // Maria: P2, R$ 40; Mercado Um: P1 + P3, R$ 100 + R$ 60 = R$ 160
        expect(customers.map((c) => [c.name.startsWith('Cliente PF') ? 'PF' : c.name, Number(c.revenue)])).toEqual([
          ['PF', 40],
          ['Mercado Um Ltda', 160],
        ]);
        expect(customers.every((c) => /^CLI-[A-Z]{12}$/.test(c.customer_id))).toBe(true);
      },
    },
  },
  {
    name: 'a report made with another pseudonym key than the previous one compares its KPIs only, and the overview says why',
    exports: {
      'clientes.csv': 'cliente;nome;uf\n123.456.789-09;Maria da Silva;MG\nC2;Mercado Dois;SP\n',
      'pedidos.csv': 'pedido;cliente;data;valor\nP1;12345678909;05/01/2026;40,00\nP2;C2;13/01/2026;60,00\n',
    },
    // the previous report, made with another key
    setup: (d) => {
      const previous = runCli('pipeline', ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-20'], {
        CARTEIRA_PSEUDONYM_KEY: 'the-first-key-of-at-least-32-characters',
      });
      expect(previous.exit, previous.output).toBe(0);
    },
    command: 'build',
    args: (d) => ['--exports', d.exports, '--out', d.out, '--dist', d.dist, '--no-warehouse', '--as-of', '2026-01-31'],
    env: { CARTEIRA_PSEUDONYM_KEY: 'the-second-key-of-at-least-32-characters' },
    expect: {
      exit: 0,
      output: ['AVISO: o relatório de 2026-01-20 leu os códigos de outra forma (outra chave de pseudônimos)'],
      check: async (d) => {
        const changes = await readParquet<{ change_type: string; are_customers_compared: boolean }>(
          join(d.out, 'status_changes.parquet'),
          'select change_type, are_customers_compared from t',
        );
        expect(changes.map((c) => [c.change_type, c.are_customers_compared])).toEqual(Array(7).fill(['kpi', false]));
        const overview = readFileSync(join(d.dist, 'index.html'), 'utf8');
        expect(overview).toContain('O que mudou desde 20/01');
        expect(overview).toContain('só nos indicadores: ele leu os códigos dos clientes de outra forma (outra chave de pseudônimos');
        expect(overview).not.toContain('Ver quem mudou');
      },
    },
  },
  {
    name: 'overlapping monthly exports read an order and its items once: October is R$ 90, not R$ 170 with the repeated order counted twice',
    exports: {
      'pedidos_2026-10.csv': 'pedido;cliente;data\nP1;C1;05/10/2026\nP2;C2;06/10/2026\n',
      'pedidos_2026-11.csv': 'pedido;cliente;data\nP2;C2;06/10/2026\nP3;C1;05/11/2026\n',
      'itens_2026-10.csv': 'pedido;produto;qtd;preco\nP1;A;1;10,00\nP2;B;2;20,00\nP2;B;2;20,00\n',
      'itens_2026-11.csv': 'pedido;produto;qtd;preco\nP2;B;2;20,00\nP2;B;2;20,00\nP3;A;1;10,00\n',
    },
    expect: {
      exit: 0,
      // P2's two equal lines are two lines (one file); the same two lines in November's file are the same order again
      // (the latest export's are the ones kept)
      summary: {
        'pedidos_2026-11.csv': { read: 2, loaded: 1, collapsed: 1 },
        'itens_2026-10.csv': { read: 3, loaded: 1, collapsed: 2 },
        'itens_2026-11.csv': { read: 3, loaded: 3, collapsed: 0 },
      },
      check: async (d) => {
        const months = await readParquet<{ month: string; revenue: string }>(
          join(d.out, 'kpis_monthly.parquet'),
          "select strftime(month, '%Y-%m') as month, revenue from t where revenue > 0 order by month",
        );
        // October: P1 1 × 10 + P2's two lines of 2 × 20 = 90 (P2 again from November's file would make it 170); November: P3 10
        expect(months.map((m) => [m.month, Number(m.revenue)])).toEqual([
          ['2026-10', 90],
          ['2026-11', 10],
        ]);
      },
    },
  },
  {
    name: "an order whose items differ between two exports keeps the latest export's items, and the other lines are rejected naming the file kept",
    exports: {
      'pedidos.csv': 'pedido;cliente;data\nP1;C1;05/10/2026\n',
      'itens_2026-10.csv': 'pedido;produto;qtd;preco\nP1;A;1;10,00\n',
      'itens_2026-11.csv': 'pedido;produto;qtd;preco\nP1;A;3;10,00\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects'],
    expect: {
      exit: 0,
      reasons: { 'itens_2026-10.csv:items_in_other_file': 1 },
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-10-01'`);
        expect(Number(kpis!.revenue)).toBe(30);
        const [reject] = await readParquet<{ reason: string }>(join(d.out, 'rejects.parquet'), 'select reason from t');
        expect(reject!.reason).toContain('(mantidos: itens_2026-11.csv)');
      },
    },
  },
  {
    name: 'orders still open (em aberto, orçamento, pendente) are no sale: left out with their items and counted apart; one invoiced later is a sale once, with its final items',
    command: 'build',
    exports: {
      'pedidos_2026-10.csv': 'pedido;cliente;data;situacao\nP1;C1;05/10/2026;Faturado\nP2;C2;06/10/2026;Em aberto\nP3;C1;07/10/2026;Orçamento\n',
      'pedidos_2026-11.csv': 'pedido;cliente;data;situacao\nP2;C2;03/11/2026;Atendido\nP4;C1;05/11/2026;Cancelado\nP5;C2;13/11/2026;Pendente\n',
      'itens_2026-10.csv': 'pedido;produto;qtd;preco\nP1;A;1;10,00\nP2;B;2;20,00\nP3;C;5;100,00\n',
      'itens_2026-11.csv': 'pedido;produto;qtd;preco\nP2;B;3;20,00\nP4;A;1;10,00\nP5;C;1;50,00\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--dist', d.dist, '--no-warehouse', '--as-of', '2026-11-30'],
    expect: {
      exit: 0,
      output: [/lidas = carregadas \+ rejeitadas \+ duplicatas consolidadas \+ após a data de referência \+ em aberto \+ vazias/],
      summary: {
        'pedidos_2026-10.csv': { read: 3, loaded: 1, open_orders: 2, rejected: 0 },
        'pedidos_2026-11.csv': { read: 3, loaded: 2, open_orders: 1, rejected: 0 },
        // P2's October lines are the open order's (P2 is invoiced in November, with November's lines)
        'itens_2026-10.csv': { read: 3, loaded: 1, open_orders: 2, rejected: 0 },
        'itens_2026-11.csv': { read: 3, loaded: 2, open_orders: 1, rejected: 0 },
      },
      check: async (d) => {
        const months = await readParquet<{ month: string; revenue: string; canceled: string }>(
          join(d.out, 'kpis_monthly.parquet'),
          "select strftime(month, '%Y-%m') as month, revenue, canceled_orders as canceled from t where revenue > 0 or canceled_orders > 0 order by month",
        );
        // October: P1 10; November: P2 3 × 20 = 60, and P4 canceled; P3 and P5 (and P2 in October) are no sale
        expect(months.map((m) => [m.month, Number(m.revenue), Number(m.canceled)])).toEqual([
          ['2026-10', 10, 0],
          ['2026-11', 60, 1],
        ]);
        const [totals] = await readParquet<{ open_orders: number }>(join(d.out, 'load_totals.parquet'));
        expect(totals!.open_orders).toBe(3);
        const dados = readFileSync(join(d.dist, 'dados', 'index.html'), 'utf8');
        expect(dados).toContain('3 pedidos em aberto ficaram fora dos números');
      },
    },
  },
  {
    name: "with line numbers too, an order open in one export and invoiced in the next is a sale with the later export's lines, not the open version's",
    exports: {
      'pedidos_2026-10.csv': 'pedido;cliente;data;situacao\nP1;C1;05/10/2026;Faturado\nP2;C2;06/10/2026;Em aberto\n',
      'pedidos_2026-11.csv': 'pedido;cliente;data;situacao\nP2;C2;03/11/2026;Faturado\n',
      'itens_2026-10.csv': 'pedido;linha;produto;qtd;preco\nP1;1;A;1;10,00\nP2;1;B;2;20,00\n',
      'itens_2026-11.csv': 'pedido;linha;produto;qtd;preco\nP2;1;B;3;20,00\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-11-30'],
    expect: {
      exit: 0,
      // line 1 of P2 in October's file is the open order's: left out with it, not kept as the first occurrence
      summary: { 'itens_2026-10.csv': { read: 2, loaded: 1, open_orders: 1, rejected: 0 }, 'itens_2026-11.csv': { read: 1, loaded: 1, rejected: 0 } },
      check: async (d) => {
        const months = await readParquet<{ month: string; revenue: string }>(
          join(d.out, 'kpis_monthly.parquet'),
          "select strftime(month, '%Y-%m') as month, revenue from t where revenue > 0 order by month",
        );
        expect(months.map((m) => [m.month, Number(m.revenue)])).toEqual([
          ['2026-10', 10],
          ['2026-11', 60],
        ]);
      },
    },
  },
  {
    name: 'a mapping entry with "aliases": true lets the built-in aliases take the columns it does not list',
    exports: {
      'pedidos.csv': 'pedido;cliente;data\nP1;C1;05/01/2026\n',
      'itens.csv': 'pedido;produto;qtd;preco;desconto\nP1;A;2;50;10\n',
    },
    setup: (d) =>
      writeFileSync(
        join(d.root, 'mapping.json'),
        JSON.stringify({
          files: [{ match: 'itens.csv', entity: 'order_items', aliases: true, columns: { qtd: 'quantity', preco: 'unit_price' } }],
        }),
      ),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--mapping', join(d.root, 'mapping.json')],
    expect: {
      exit: 0,
      check: async (d) => {
        // 2 × 50 − 10 of discount
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        expect(Number(kpis!.revenue)).toBe(90);
      },
    },
  },
  {
    name: 'US dates m/d/yyyy are read month first when a value proves it, and the summary says so',
    exports: { 'orders.csv': 'order_id,customer_id,order_date,amount\nP1,C1,01/05/2026,10\nP2,C2,01/15/2026,20\nP3,C1,01/20/2026,30\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      output: ['order_date: datas lidas como mm/dd (formato americano): 2 valor(es) têm o segundo número acima de 12'],
      summary: { 'orders.csv': { read: 3, loaded: 3, rejected: 0 } },
      check: async (d) => {
        // 01/05/2026 is the 5th of January, like its neighbours, not the 1st of May
        const [kpis] = await readParquet<{ orders: string }>(join(d.out, 'kpis_monthly.parquet'), `select orders from t where month = '2026-01-01'`);
        expect(Number(kpis!.orders)).toBe(3);
        const [summary] = await readParquet<{ notes: string }>(join(d.out, 'load_summary.parquet'), `select notes from t`);
        expect(summary!.notes).toContain('mm/dd');
      },
    },
  },
  {
    name: 'a date column mixing dd/mm and mm/dd values warns the minority and the ambiguous values as mixed_date_order, with the counts',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;15/01/2026;10\nP2;C2;20/01/2026;20\nP3;C1;01/25/2026;30\nP4;C2;05/01/2026;40\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      output: ['data: ordem de data misturada: 2 valor(es) só podem ser dd/mm e 1 só mm/dd; 1 ambíguo(s) lido(s) como dd/mm'],
      summary: { 'pedidos.csv': { read: 4, loaded: 4, rejected: 0, warnings: 2 } },
      reasons: { 'pedidos.csv:mixed_date_order': 2 },
      check: async (d) => {
        const lines = await readParquet<{ line: string; value: string }>(
          join(d.out, 'rejects.parquet'),
          `select line, value from t where reason_code = 'mixed_date_order' order by line`,
        );
        expect(lines).toEqual([
          { line: '4', value: '01/25/2026' },
          { line: '5', value: '05/01/2026' },
        ]);
        const [kpis] = await readParquet<{ orders: string }>(join(d.out, 'kpis_monthly.parquet'), `select orders from t where month = '2026-01-01'`);
        expect(Number(kpis!.orders)).toBe(4);
      },
    },
  },
  {
    name: 'a column of dates that are all ambiguous is read dd/mm, and the summary says so',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;05/01/2026;10\nP2;C2;06/01/2026;20\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: { exit: 0, output: ['data: datas ambíguas lidas como dd/mm (2 valor(es)'] },
  },
  {
    name: "the mapping file can force a file's date format: date_format %m/%d/%Y reads 01/05/2026 as the 5th of January",
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/05/2026;10\nP2;C2;01/06/2026;20\n' },
    setup: (d) => writeFileSync(join(d.root, 'mapping.json'), JSON.stringify({ files: [{ match: 'pedidos.csv', date_format: '%m/%d/%Y' }] })),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31', '--mapping', join(d.root, 'mapping.json')],
    expect: {
      exit: 0,
      check: async (d) => {
        const [kpis] = await readParquet<{ orders: string }>(join(d.out, 'kpis_monthly.parquet'), `select orders from t where month = '2026-01-01'`);
        expect(Number(kpis!.orders)).toBe(2);
      },
    },
  },
  {
    name: 'in a ; file, 1.500 in a column where 30.10 proves a decimal point is one and a half, not fifteen hundred',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;05/01/2026;1.500\nP2;C2;15/01/2026;30.10\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      output: ['valor: 1 valor(es) como 1.500 lido(s) com ponto decimal'],
      check: async (d) => {
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        expect(Number(kpis!.revenue)).toBe(31.6);
      },
    },
  },
  {
    name: 'a number column mixing decimal comma and decimal point warns the minority as mixed_decimal_separators, reading each value by its own separator',
    exports: { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;05/01/2026;1.234,56\nP2;C2;15/01/2026;2.000,00\nP3;C1;16/01/2026;30.10\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      output: ['valor: separador decimal misturado: 2 valor(es) com vírgula decimal e 1 com ponto decimal'],
      summary: { 'pedidos.csv': { read: 3, loaded: 3, rejected: 0, warnings: 1 } },
      reasons: { 'pedidos.csv:mixed_decimal_separators': 1 },
      check: async (d) => {
        const lines = await readParquet<{ line: string; value: string }>(
          join(d.out, 'rejects.parquet'),
          `select line, value from t where reason_code = 'mixed_decimal_separators'`,
        );
        expect(lines).toEqual([{ line: '4', value: '30.10' }]);
        // 1.234,56 + 2.000,00 + 30.10
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        expect(Number(kpis!.revenue)).toBe(3264.66);
      },
    },
  },
  {
    name: 'unit prices keep their decimals: 0,0125 × 10.000 is R$ 125 and 23,456 × 3 is R$ 70,37, each line rounded to cents once',
    exports: {
      'pedidos.csv': 'pedido;cliente;data\nP1;C1;05/01/2026\nP2;C2;06/01/2026\n',
      'itens.csv': 'pedido;produto;quantidade;preco\nP1;A;10000;0,0125\nP2;B;3;23,456\n',
    },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      check: async (d) => {
        // rounding the prices first would give 0,01 × 10.000 = 100 and 23,46 × 3 = 70,38
        const [kpis] = await readParquet<{ revenue: string }>(join(d.out, 'kpis_monthly.parquet'), `select revenue from t where month = '2026-01-01'`);
        expect(kpis!.revenue).toBe('195.37');
      },
    },
  },
  {
    name: 'without an items file, a canceled order without amount is a return of unknown value, and an invoiced one is rejected',
    exports: { 'pedidos.csv': 'pedido;cliente;data;situacao;valor\nP1;C1;05/01/2026;;10\nP2;C1;06/01/2026;cancelado;\nP3;C1;07/01/2026;;\n' },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects', '--as-of', '2026-01-31'],
    expect: {
      exit: 0,
      summary: { 'pedidos.csv': { read: 3, loaded: 2, rejected: 1, warnings: 1 } },
      reasons: { 'pedidos.csv:missing_amount': 1, 'pedidos.csv:return_without_value': 1 },
    },
  },
];

describeHostileCases('real exports read right', cases);
