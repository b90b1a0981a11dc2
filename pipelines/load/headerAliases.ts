import type { EntityName } from '../contract/entities.ts';

/**
 * Header spellings seen in Brazilian CRM/ERP exports, per canonical column. Matching folds case,
 * accents, spaces and punctuation (see foldName), so each entry stands for all its variants.
 * Ambiguous words ("data", "valor", "nome", "situação") are listed per entity.
 */
const common: Record<string, string[]> = {
  customer_id: ['cliente', 'codigo do cliente', 'codigo cliente', 'cod cliente', 'cod do cliente', 'id cliente', 'id do cliente', 'customer', 'customer code', 'client id', 'cd cliente'],
  seller_id: ['vendedor', 'codigo do vendedor', 'codigo vendedor', 'cod vendedor', 'id vendedor', 'representante', 'cod representante', 'seller', 'salesperson', 'sales rep', 'rep id', 'consultor'],
  product_id: ['produto', 'codigo do produto', 'codigo produto', 'cod produto', 'id produto', 'sku', 'item', 'codigo do item', 'cod item', 'product', 'product code'],
  order_id: ['pedido', 'numero do pedido', 'numero pedido', 'num pedido', 'n pedido', 'no pedido', 'nro pedido', 'id pedido', 'cod pedido', 'order', 'order number', 'order no', 'nota fiscal', 'nf', 'numero nf'],
  contract_id: ['contrato', 'numero do contrato', 'numero contrato', 'cod contrato', 'id contrato', 'contract', 'contract number'],
  lead_id: ['lead', 'codigo do lead', 'cod lead', 'id lead', 'oportunidade', 'id oportunidade', 'codigo da oportunidade'],
  document: ['cnpj', 'cpf', 'cnpj cpf', 'cpf cnpj', 'documento', 'doc', 'cnpj ou cpf', 'cpf ou cnpj', 'tax id', 'inscricao'],
  company_size: ['porte', 'porte da empresa', 'porte empresa', 'porte do cliente', 'tamanho da empresa', 'numero de empregados', 'numero de funcionarios', 'funcionarios', 'empregados', 'company size'],
  segment: ['segmento', 'ramo', 'ramo de atividade', 'tipo de cliente', 'canal do cliente', 'setor'],
  city: ['cidade', 'municipio', 'town'],
  state: ['uf', 'estado', 'state code', 'province'],
  email: ['e mail', 'email', 'correio eletronico', 'email contato', 'email de contato'],
  phone: ['telefone', 'fone', 'celular', 'tel', 'whatsapp', 'telefone contato', 'phone number'],
  team: ['equipe', 'time', 'regional', 'squad', 'gerencia'],
  hired_at: ['data de admissao', 'admissao', 'data admissao', 'contratado em', 'hire date'],
  active: ['ativo', 'situacao', 'status', 'is active'],
  category: ['categoria', 'grupo', 'familia', 'linha', 'departamento', 'category name'],
  order_date: ['data do pedido', 'data pedido', 'data', 'dt pedido', 'data emissao', 'data de emissao', 'emissao', 'data da venda', 'data venda', 'date', 'data faturamento', 'data de faturamento'],
  channel: ['canal', 'canal de venda', 'canal venda', 'origem do pedido'],
  quantity: ['quantidade', 'qtd', 'qtde', 'qt', 'quant', 'qty'],
  unit_price: ['preco unitario', 'preco', 'valor unitario', 'vlr unitario', 'preco unit', 'vl unitario', 'price', 'unitprice'],
  line_total: ['sales', 'item total', 'valor total do item', 'valor total item', 'total do item', 'total item', 'vlr total item', 'valor do item', 'line total'],
  discount: ['desconto', 'valor desconto', 'vlr desconto', 'desc', 'desconto r'],
  unit_cost: ['custo unitario', 'custo', 'custo unit', 'cmv unitario', 'cost', 'unitcost'],
  line_number: ['linha', 'numero da linha', 'item do pedido', 'seq', 'sequencia', 'line', 'line no'],
  start_date: ['data de inicio', 'inicio', 'data inicio', 'inicio da vigencia', 'inicio vigencia', 'vigencia inicio', 'start'],
  end_date: ['data de termino', 'termino', 'data termino', 'fim', 'data fim', 'fim da vigencia', 'fim vigencia', 'vigencia fim', 'vencimento', 'data de vencimento', 'end'],
  monthly_value: ['valor mensal', 'mensalidade', 'valor mes', 'mrr', 'valor por mes', 'monthly amount'],
  month: ['mes', 'mes ano', 'competencia', 'periodo', 'mes referencia', 'mes de referencia', 'ano mes'],
  revenue_target: ['meta de faturamento', 'meta faturamento', 'meta de vendas', 'meta vendas', 'meta r', 'meta valor', 'meta', 'revenue goal', 'quota'],
  coverage_target_pct: ['meta de positivacao', 'meta positivacao', 'meta de positivacao pct', 'meta de cobertura', 'meta cobertura', 'positivacao meta', 'coverage target'],
  new_customers_target: ['meta de novos clientes', 'meta novos clientes', 'meta clientes novos', 'meta de clientes novos', 'new customers goal'],
  source: ['origem', 'fonte', 'origem do lead', 'canal de origem', 'lead source'],
  closed_at: ['data de fechamento', 'fechamento', 'data fechamento', 'fechado em', 'data de conclusao', 'close date'],
};

const perEntity: Partial<Record<EntityName, Record<string, string[]>>> = {
  customers: {
    name: ['nome', 'razao social', 'nome fantasia', 'nome do cliente', 'cliente nome', 'nome cliente', 'company', 'company name', 'customer name'],
    created_at: ['data de cadastro', 'cadastro', 'data cadastro', 'cadastrado em', 'data de criacao', 'criado em', 'cliente desde'],
  },
  sellers: {
    name: ['nome', 'nome do vendedor', 'vendedor nome', 'nome vendedor'],
    state: ['uf', 'estado', 'uf de atuacao', 'regiao uf'],
  },
  products: {
    name: ['nome', 'descricao', 'descricao do produto', 'nome do produto', 'produto nome', 'description', 'product name'],
  },
  orders: {
    status: ['situacao', 'status do pedido', 'situacao do pedido', 'status', 'estado do pedido'],
    amount: ['valor', 'valor total', 'total', 'valor do pedido', 'vlr total', 'valor liquido', 'total do pedido', 'amount', 'total amount'],
  },
  contracts: {
    status: ['situacao', 'status', 'situacao do contrato', 'status do contrato'],
  },
  leads: {
    created_at: ['data de criacao', 'criado em', 'data', 'data criacao', 'data de entrada', 'entrada', 'created'],
    status: ['situacao', 'status', 'etapa', 'resultado', 'situacao do lead'],
    customer_id: ['cliente', 'codigo do cliente', 'cliente gerado', 'cod cliente'],
  },
  marketing_spend: {
    amount: ['valor', 'investimento', 'gasto', 'valor investido', 'custo', 'spend', 'total'],
    channel: ['canal', 'midia', 'meio'],
  },
  order_items: {},
  targets: {},
};

/** Every header spelling (unfolded) accepted for a canonical column of an entity. */
export function aliasesFor(entityName: EntityName, column: string): string[] {
  return [column, ...(perEntity[entityName]?.[column] ?? []), ...(common[column] ?? [])];
}
