import type { MartSpec } from '../marts.ts';
import { asOf } from './columnDocs.ts';

const owned = (pt: string, en: string): readonly [string, string, 'count'] => [
  `Clientes do vendedor (dono da conta) ${pt} na data de referência`,
  `Customers the seller owns ${en} at the as-of date`,
  'count',
];

/** The sellers themselves: names and teams for the report, and the portfolio each one owns today. */
export const sellerMarts = [
  {
    name: 'sellers',
    grain_pt: 'uma linha por vendedor (do arquivo de vendedores ou citado em clientes, pedidos, metas ou leads)',
    grain_en: 'one row per seller (from the sellers export or referenced by customers, orders, targets or leads)',
    orderBy: 'seller_id',
    columns: {
      seller_id: ['Código do vendedor', 'Seller code', 'text', 'not null'],
      name: [
        'Nome do vendedor (NULL sem arquivo de vendedores; o pseudônimo "Vendedor XXXXXX" quando a configuração pede pseudônimos também para vendedores)',
        'Seller name (NULL without a sellers export; the pseudonym "Vendedor XXXXXX" when the configuration asks for seller pseudonyms too)',
        'text',
      ],
      team: ['Equipe', 'Team', 'text'],
      state: ['UF de atuação', 'State (UF) the seller works in', 'text'],
      hired_at: ['Data de admissão', 'Hiring date', 'date', 'nullable'],
      is_active: ['Ainda na empresa (arquivo de vendedores; sem ele, verdadeiro)', 'Still with the company (sellers export; true without it)', 'flag'],
      is_derived: [
        'Vendedor sem linha no arquivo de vendedores, conhecido só por outras exportações',
        'Seller missing from the sellers export, known only from other exports',
        'flag',
      ],
      owned_customers: owned('em qualquer situação', 'in any status'),
      active_portfolio_customers: owned('na carteira ativa (novo, ativo, em risco, reativado)', 'in the active portfolio (new, active, at_risk, reactivated)'),
      at_risk_customers: owned('em risco (atrasados para o próprio ritmo)', 'at risk (late against their own rhythm)'),
      inactive_customers: owned('inativos', 'inactive'),
      lost_customers: owned('perdidos (ex-clientes)', 'lost (ex-customers)'),
      prospects: owned('que nunca compraram (possíveis clientes)', 'who never bought (prospects)'),
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
