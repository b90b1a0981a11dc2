import type { z } from 'zod';
import { Contract, Customer, Lead, MarketingSpend, Order, OrderItem, Product, Seller, Target } from './exports.ts';

/** How one export entity is found, keyed and cut at the as-of date. */
export interface EntitySpec {
  name: EntityName;
  schema: z.ZodObject;
  /** File-name stems that identify the entity (English and Portuguese, singular and plural), normalized. */
  fileNames: string[];
  /** Columns that identify a row: duplicates of it are collapsed (same content) or rejected (different). */
  key: string[] | null;
  /** Rows whose date column is after --as-of are left out of the run and counted. */
  asOfColumn: string | null;
  /** Portuguese label for messages and the report. */
  label_pt: string;
}

export type EntityName = 'customers' | 'sellers' | 'products' | 'orders' | 'order_items' | 'contracts' | 'targets' | 'leads' | 'marketing_spend';

/** Every entity of the input contract, in load order (parents before children). */
export const entities: EntitySpec[] = [
  {
    name: 'sellers',
    schema: Seller,
    key: ['seller_id'],
    asOfColumn: null,
    label_pt: 'vendedores',
    fileNames: ['sellers', 'seller', 'vendedores', 'vendedor', 'representantes', 'representante', 'salespeople'],
  },
  {
    name: 'customers',
    schema: Customer,
    key: ['customer_id'],
    asOfColumn: null,
    label_pt: 'clientes',
    fileNames: ['customers', 'customer', 'clientes', 'cliente', 'carteira', 'accounts'],
  },
  {
    name: 'products',
    schema: Product,
    key: ['product_id'],
    asOfColumn: null,
    label_pt: 'produtos',
    fileNames: ['products', 'product', 'produtos', 'produto', 'catalogo', 'skus', 'sku'],
  },
  {
    name: 'orders',
    schema: Order,
    key: ['order_id'],
    asOfColumn: 'order_date',
    label_pt: 'pedidos',
    fileNames: ['orders', 'order', 'pedidos', 'pedido', 'vendas', 'venda', 'notas', 'notasfiscais'],
  },
  {
    name: 'order_items',
    schema: OrderItem,
    key: null,
    asOfColumn: null,
    label_pt: 'itens de pedido',
    fileNames: [
      'orderitems',
      'orderitem',
      'orderlines',
      'orderline',
      'items',
      'itens',
      'itenspedido',
      'itensdopedido',
      'itempedido',
      'itensdepedido',
      'itensvenda',
      'itensdevenda',
      'pedidoitens',
      'pedidositens',
    ],
  },
  {
    name: 'contracts',
    schema: Contract,
    key: ['contract_id'],
    asOfColumn: 'start_date',
    label_pt: 'contratos',
    fileNames: ['contracts', 'contract', 'contratos', 'contrato'],
  },
  {
    name: 'targets',
    schema: Target,
    key: ['seller_id', 'month'],
    asOfColumn: null,
    label_pt: 'metas',
    fileNames: ['targets', 'target', 'metas', 'meta', 'quotas', 'quota', 'cotas'],
  },
  {
    name: 'leads',
    schema: Lead,
    key: ['lead_id'],
    asOfColumn: 'created_at',
    label_pt: 'leads',
    fileNames: ['leads', 'lead', 'oportunidades', 'oportunidade', 'opportunities', 'funil'],
  },
  {
    name: 'marketing_spend',
    schema: MarketingSpend,
    key: ['month', 'channel'],
    asOfColumn: null,
    label_pt: 'investimento em marketing',
    fileNames: [
      'marketingspend',
      'marketing',
      'spend',
      'investimentomarketing',
      'investimentodemarketing',
      'investimentos',
      'investimento',
      'gastosmarketing',
      'despesasmarketing',
      'midia',
    ],
  },
];

/** The entity spec by name. */
export function entity(name: EntityName): EntitySpec {
  const spec = entities.find((e) => e.name === name);
  if (!spec) throw new Error(`Unknown entity ${name}`);
  return spec;
}

/** Column names of an entity in schema order. */
export function columnNames(spec: EntitySpec): string[] {
  return Object.keys(spec.schema.shape);
}
