import type { Column, ColumnKind, TableSpec } from './writeCsv.ts';

const col = (name: string, header: string, kind: ColumnKind = 'text'): Column => ({ name, header, kind });

/** Order status keys (canonical) and their Portuguese values (excel-br). */
export const ORDER_STATUS = { invoiced: 'Faturado', canceled: 'Cancelado', returned: 'Devolvido' } as const;
/** Contract status keys and Portuguese values. */
export const CONTRACT_STATUS = { active: 'Ativo', canceled: 'Cancelado', ended: 'Encerrado' } as const;
/** Lead status keys and Portuguese values. */
export const LEAD_STATUS = { open: 'Aberto', won: 'Ganho', lost: 'Perdido' } as const;

/**
 * The nine files of the demo: canonical file name and column names (the loader's contract), and the
 * Portuguese file name and headers of the Excel export of the same data.
 */
export const TABLES = {
  customers: {
    file: 'customers.csv',
    excelFile: 'clientes.csv',
    columns: [
      col('customer_id', 'Código do Cliente'),
      col('name', 'Razão Social'),
      col('document', 'CNPJ/CPF'),
      col('segment', 'Segmento'),
      col('city', 'Cidade'),
      col('state', 'UF'),
      col('seller_id', 'Vendedor'),
      col('created_at', 'Data de Cadastro', 'date'),
      col('email', 'E-mail'),
      col('phone', 'Telefone'),
    ],
  },
  sellers: {
    file: 'sellers.csv',
    excelFile: 'vendedores.csv',
    columns: [
      col('seller_id', 'Código do Vendedor'),
      col('name', 'Nome'),
      col('team', 'Equipe'),
      col('state', 'UF'),
      col('hired_at', 'Data de Admissão', 'date'),
      col('active', 'Ativo', 'boolean'),
    ],
  },
  products: {
    file: 'products.csv',
    excelFile: 'produtos.csv',
    columns: [col('product_id', 'Código do Produto'), col('name', 'Descrição'), col('category', 'Categoria')],
  },
  orders: {
    file: 'orders.csv',
    excelFile: 'pedidos.csv',
    columns: [
      col('order_id', 'Número do Pedido'),
      col('customer_id', 'Código do Cliente'),
      col('order_date', 'Data do Pedido', 'date'),
      col('seller_id', 'Vendedor'),
      col('status', 'Situação', { status: ORDER_STATUS }),
      col('channel', 'Canal'),
      col('amount', 'Valor Total', 'money'),
    ],
  },
  orderItems: {
    file: 'order_items.csv',
    excelFile: 'itens_pedido.csv',
    columns: [
      col('order_id', 'Número do Pedido'),
      col('product_id', 'Código do Produto'),
      col('quantity', 'Quantidade', 'integer'),
      col('unit_price', 'Preço Unitário', 'money'),
      col('discount', 'Desconto', 'money'),
      col('unit_cost', 'Custo Unitário', 'money'),
    ],
  },
  contracts: {
    file: 'contracts.csv',
    excelFile: 'contratos.csv',
    columns: [
      col('contract_id', 'Número do Contrato'),
      col('customer_id', 'Código do Cliente'),
      col('start_date', 'Data de Início', 'date'),
      col('end_date', 'Data de Término', 'date'),
      col('monthly_value', 'Valor Mensal', 'money'),
      col('product_id', 'Código do Produto'),
      col('status', 'Situação', { status: CONTRACT_STATUS }),
    ],
  },
  targets: {
    file: 'targets.csv',
    excelFile: 'metas.csv',
    columns: [
      col('seller_id', 'Vendedor'),
      col('month', 'Mês', 'month'),
      col('revenue_target', 'Meta de Faturamento', 'money'),
      col('coverage_target_pct', 'Meta de Positivação (%)', 'integer'),
      col('new_customers_target', 'Meta de Novos Clientes', 'integer'),
    ],
  },
  leads: {
    file: 'leads.csv',
    excelFile: 'oportunidades.csv',
    columns: [
      col('lead_id', 'Código do Lead'),
      col('created_at', 'Data de Criação', 'date'),
      col('seller_id', 'Vendedor'),
      col('source', 'Origem'),
      col('status', 'Situação', { status: LEAD_STATUS }),
      col('closed_at', 'Data de Fechamento', 'date'),
      col('customer_id', 'Código do Cliente'),
    ],
  },
  marketingSpend: {
    file: 'marketing_spend.csv',
    excelFile: 'investimento_marketing.csv',
    columns: [col('month', 'Mês', 'month'), col('amount', 'Valor', 'money'), col('channel', 'Canal')],
  },
} as const satisfies Record<string, TableSpec>;
