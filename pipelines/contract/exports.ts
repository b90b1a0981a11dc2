import { z } from 'zod';
import {
  booleanColumn,
  companySizeColumn,
  dateColumn,
  documentColumn,
  emailColumn,
  enumColumn,
  idColumn,
  integerColumn,
  moneyColumn,
  monthColumn,
  percentColumn,
  phoneColumn,
  quantityColumn,
  unitPriceColumn,
  textColumn,
  ufColumn,
} from './columns.ts';

/** A customer account (cliente). Customers that appear only in orders are derived from them. */
export const Customer = z.object({
  customer_id: idColumn('Código do cliente'),
  name: textColumn('Nome ou razão social').optional(),
  document: documentColumn('CNPJ (empresa) ou CPF (pessoa física), só dígitos').optional(),
  segment: textColumn('Segmento de mercado').optional(),
  company_size: companySizeColumn(
    'Porte da empresa: MEI, ME, EPP, médio, grande, ou o número de empregados (até 9 ME, 10-49 EPP, 50-99 médio, 100+ grande)',
  ).optional(),
  city: textColumn('Cidade').optional(),
  state: ufColumn('UF').optional(),
  seller_id: idColumn('Vendedor dono da conta').optional(),
  created_at: dateColumn('Data de cadastro').optional(),
  email: emailColumn('E-mail de contato (dado pessoal, nunca publicado)').optional(),
  phone: phoneColumn('Telefone de contato (dado pessoal, nunca publicado)').optional(),
});
export type Customer = z.infer<typeof Customer>;

/** A seller (vendedor) who owns a portfolio. */
export const Seller = z.object({
  seller_id: idColumn('Código do vendedor'),
  name: textColumn('Nome do vendedor').optional(),
  team: textColumn('Equipe').optional(),
  state: ufColumn('UF de atuação').optional(),
  hired_at: dateColumn('Data de admissão').optional(),
  active: booleanColumn('Ainda ativo na empresa').optional(),
});
export type Seller = z.infer<typeof Seller>;

/** A product and its category. */
export const Product = z.object({
  product_id: idColumn('Código do produto'),
  name: textColumn('Descrição do produto').optional(),
  category: textColumn('Categoria do produto').optional(),
});
export type Product = z.infer<typeof Product>;

/** Order status keys; Portuguese spellings accepted on input. */
export const orderStatus = enumColumn(
  ['invoiced', 'canceled', 'returned', 'open'],
  {
    faturado: 'invoiced',
    faturada: 'invoiced',
    emitido: 'invoiced',
    concluido: 'invoiced',
    entregue: 'invoiced',
    // ERP steps that come after the invoice (NF-e): an order is not shipped without one
    atendido: 'invoiced',
    atendida: 'invoiced',
    enviado: 'invoiced',
    enviada: 'invoiced',
    pronto_para_envio: 'invoiced',
    cancelado: 'canceled',
    cancelada: 'canceled',
    cancelled: 'canceled',
    devolvido: 'returned',
    devolvida: 'returned',
    devolucao: 'returned',
    // not a sale yet: a quote, or an order still being keyed, paid for or picked
    em_aberto: 'open',
    aberto: 'open',
    aberta: 'open',
    orcamento: 'open',
    proposta: 'open',
    pendente: 'open',
    em_digitacao: 'open',
    em_andamento: 'open',
    em_separacao: 'open',
    aguardando_pagamento: 'open',
    aguardando_faturamento: 'open',
    nao_faturado: 'open',
    pending: 'open',
    quote: 'open',
  },
  'Situação do pedido: invoiced (faturado), canceled (cancelado), returned (devolvido), open (em aberto, orçamento: ainda não é venda, fica fora dos números); vazio = faturado',
);

/** An order (pedido). Revenue comes from its items when an order_items file exists, else from amount. */
export const Order = z.object({
  order_id: idColumn('Número do pedido'),
  customer_id: idColumn('Código do cliente'),
  order_date: dateColumn('Data do pedido'),
  seller_id: idColumn('Vendedor do pedido').optional(),
  status: orderStatus.optional(),
  channel: textColumn('Canal de venda').optional(),
  amount: moneyColumn('Valor total do pedido em R$').optional(),
});
export type Order = z.infer<typeof Order>;

/**
 * One line of an order. Revenue of the line = line_total when the export gives it (valor total do
 * item: revenue then equals the export's own totals to the cent), else quantity × unit_price − discount.
 * unit_price is required only where line_total is missing (see load/alternativeColumns.ts).
 */
export const OrderItem = z.object({
  order_id: idColumn('Número do pedido'),
  product_id: idColumn('Código do produto'),
  quantity: quantityColumn('Quantidade', 0),
  unit_price: unitPriceColumn('Preço unitário em R$', 0),
  line_total: moneyColumn('Valor total do item em R$ (no lugar de quantidade × preço unitário − desconto)', 0).optional(),
  discount: unitPriceColumn('Desconto da linha em R$ (valor, não percentual)', undefined, { rejectsUnreadable: true }).optional(),
  unit_cost: unitPriceColumn('Custo unitário em R$', 0).optional(),
  line_number: integerColumn('Número da linha no pedido (identifica linhas repetidas entre exportações)').optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** A supply or service contract. */
export const Contract = z.object({
  contract_id: idColumn('Número do contrato'),
  customer_id: idColumn('Código do cliente'),
  start_date: dateColumn('Início da vigência'),
  end_date: dateColumn('Fim da vigência'),
  monthly_value: moneyColumn('Valor mensal em R$', 0),
  product_id: idColumn('Produto do contrato').optional(),
  status: enumColumn(
    ['active', 'canceled', 'ended'],
    {
      ativo: 'active',
      vigente: 'active',
      cancelado: 'canceled',
      cancelled: 'canceled',
      rescindido: 'canceled',
      encerrado: 'ended',
      expirado: 'ended',
      finalizado: 'ended',
      expired: 'ended',
    },
    'Situação do contrato: active (ativo), canceled (cancelado), ended (encerrado)',
  ).optional(),
});
export type Contract = z.infer<typeof Contract>;

/** A seller's monthly targets (metas). */
export const Target = z.object({
  seller_id: idColumn('Código do vendedor'),
  month: monthColumn('Mês da meta'),
  revenue_target: moneyColumn('Meta de faturamento em R$', 0).optional(),
  coverage_target_pct: percentColumn('Meta de positivação (% da carteira)').optional(),
  new_customers_target: integerColumn('Meta de novos clientes', 0).optional(),
});
export type Target = z.infer<typeof Target>;

/** A lead (oportunidade) in the sales funnel. */
export const Lead = z.object({
  lead_id: idColumn('Código do lead'),
  created_at: dateColumn('Data de criação'),
  seller_id: idColumn('Vendedor responsável').optional(),
  source: textColumn('Origem do lead').optional(),
  status: enumColumn(
    ['open', 'won', 'lost'],
    { aberto: 'open', aberta: 'open', em_andamento: 'open', ganho: 'won', ganha: 'won', convertido: 'won', perdido: 'lost', perdida: 'lost' },
    'Situação: open (aberto), won (ganho), lost (perdido)',
  ).optional(),
  closed_at: dateColumn('Data de fechamento').optional(),
  customer_id: idColumn('Cliente gerado (leads ganhos)').optional(),
});
export type Lead = z.infer<typeof Lead>;

/** Marketing and sales spend per month (for CAC). */
export const MarketingSpend = z.object({
  month: monthColumn('Mês'),
  amount: moneyColumn('Investimento em R$', 0),
  channel: textColumn('Canal').optional(),
});
export type MarketingSpend = z.infer<typeof MarketingSpend>;
