/**
 * LGPD: a customer is treated as a person unless there is evidence of a company, and a company's name
 * is one such evidence: its legal form (Ltda, S/A, Eireli, ME, EPP, MEI) or a word no person's name
 * holds (Comércio, Indústria, Distribuidora, Supermercado…). Names are compared folded: lower case,
 * no accents.
 *
 * Mistaking a company for a person only hides a name; mistaking a person for a company publishes one.
 * So every word here must be one no Brazilian person is called: "Sá" is a surname, hence S/A and S.A.
 * only with their punctuation; "Mei" is a given name, hence ME, MEI and EPP only as the last word.
 */

/** Legal forms and business words that may appear anywhere in the name (whole words, folded). */
const COMPANY_WORDS = [
  'ltda',
  'eireli',
  'cia',
  'companhia',
  'sociedade',
  'holding',
  'participacoes',
  'empreendimentos',
  'comercio',
  'comercial',
  'industria',
  'industrias',
  'industrial',
  'distribuidora',
  'distribuicao',
  'importadora',
  'exportadora',
  'importacao',
  'exportacao',
  'atacado',
  'atacadista',
  'atacarejo',
  'varejo',
  'supermercado',
  'supermercados',
  'hipermercado',
  'mercado',
  'mercadinho',
  'mercearia',
  'emporio',
  'armazem',
  'padaria',
  'panificadora',
  'confeitaria',
  'restaurante',
  'churrascaria',
  'cantina',
  'lanchonete',
  'pastelaria',
  'hotel',
  'pousada',
  'farmacia',
  'drogaria',
  'clinica',
  'hospital',
  'laboratorio',
  'transportes',
  'transportadora',
  'construtora',
  'engenharia',
  'consultoria',
  'servicos',
  'tecnologia',
  'informatica',
  'agropecuaria',
  'associacao',
  'cooperativa',
  'condominio',
  'instituto',
  'fundacao',
  'igreja',
  'escola',
  'colegio',
  'loja',
  'lojas',
];

/** Legal forms that only count as the last word: ME, MEI and EPP (Microempresa, Microempreendedor, Pequeno Porte). */
const LAST_WORD_FORMS = ['me', 'mei', 'epp'];

/**
 * The DuckDB macro `is_company_name(name)`: true when the name shows it belongs to a company, false
 * otherwise, NULL for NULL.
 */
export function companyNameSqlMacro(): string {
  // S/A, S.A., S. A. (the dots and slash are what tells it from the surname Sá)
  const anywhere = `\\b(${COMPANY_WORDS.join('|')})\\b|\\bs ?[/.] ?a\\b`;
  const last = `\\b(${LAST_WORD_FORMS.join('|')})[ .]*$`;
  const folded = `lower(strip_accents(trim(name)))`;
  return `create or replace macro is_company_name(name) as (
    regexp_matches(${folded}, '${anywhere}') or regexp_matches(${folded}, '${last}')
)`;
}
