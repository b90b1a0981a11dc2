import type { MartSpec } from '../marts.ts';
import { asOf, status } from './columnDocs.ts';

const owned = (pt: string, en: string): readonly [string, string, string] => [
  `Clientes do vendedor (dono da conta) ${pt} na data de referência`,
  `Customers the seller owns ${en} at the as-of date`,
  'count',
];

/** The sellers themselves: names and teams for the report, and the portfolio each one owns today. */
export const sellerMarts: MartSpec[] = [
  {
    name: 'sellers',
    grain_pt: 'uma linha por vendedor (do arquivo de vendedores ou citado em clientes, pedidos, metas ou leads)',
    grain_en: 'one row per seller (from the sellers export or referenced by customers, orders, targets or leads)',
    orderBy: 'seller_id',
    columns: {
      seller_id: ['Código do vendedor', 'Seller code', 'text'],
      name: [
        'Nome do vendedor (NULL sem arquivo de vendedores; o pseudônimo "Vendedor XXXXXX" quando a configuração pede pseudônimos também para vendedores)',
        'Seller name (NULL without a sellers export; the pseudonym "Vendedor XXXXXX" when the configuration asks for seller pseudonyms too)',
        'text',
      ],
      team: ['Equipe', 'Team', 'text'],
      state: ['UF de atuação', 'State (UF) the seller works in', 'text'],
      hired_at: ['Data de admissão', 'Hiring date', 'date'],
      is_active: ['Ainda na empresa (arquivo de vendedores; sem ele, verdadeiro)', 'Still with the company (sellers export; true without it)', 'flag'],
      is_derived: ['Vendedor sem linha no arquivo de vendedores, conhecido só por outras exportações', 'Seller missing from the sellers export, known only from other exports', 'flag'],
      owned_customers: owned('em qualquer situação', 'in any status'),
      active_portfolio_customers: owned('na carteira ativa (novo, ativo, em risco, reativado)', 'in the active portfolio (new, active, at_risk, reactivated)'),
      at_risk_customers: owned('em risco (atrasados para o próprio ritmo)', 'at risk (late against their own rhythm)'),
      inactive_customers: owned('inativos', 'inactive'),
      lost_customers: owned('perdidos (ex-clientes)', 'lost (ex-customers)'),
      prospects: owned('que nunca compraram (possíveis clientes)', 'who never bought (prospects)'),
      as_of_date: asOf,
    },
  },
  {
    name: 'seller_status',
    grain_pt: 'uma linha por vendedor dono da conta (NULL = sem vendedor) × situação dos seus clientes na data de referência (só as que ele tem)',
    grain_en: 'one row per owning seller (NULL = no owner) × status its customers hold at the as-of date (only those it has)',
    orderBy: 'seller_id nulls last, status',
    columns: {
      seller_id: ['Vendedor dono da conta (NULL = sem vendedor)', 'Owning seller (NULL = no owner)', 'text'],
      status,
      is_active_portfolio: ['Situação da carteira ativa (new, active, at_risk, reactivated)', 'A status of the active portfolio (new, active, at_risk, reactivated)', 'flag'],
      customers: ['Clientes do vendedor nessa situação', "The seller's customers in that status", 'count'],
      window_revenue: [
        'Faturamento desses clientes na janela de segmentação',
        'Revenue of those customers in the segmentation window',
        'brl',
      ],
      as_of_date: asOf,
    },
  },
];
