import { portfolioMarts } from './portfolioMarts.ts';

/**
 * The public contract: every Parquet file the pipeline publishes, its grain, its sort order and a
 * description of every column (Portuguese and English, with unit). The exporter refuses to publish
 * a mart with a column missing here, so the data dictionary is always complete.
 */
export interface MartSpec {
  name: string;
  grain_pt: string;
  grain_en: string;
  /** ORDER BY of the export, so that reruns write identical files. */
  orderBy: string;
  columns: Readonly<Record<string, ColumnDoc>>;
  /**
   * Text columns the export leaves unmasked, because their model already decided what each value may
   * show (a company's full CNPJ). Every other text column is masked by content (mask_personal).
   */
  unmaskedColumns?: readonly string[];
}

/** The unit of a column: brl, pct (0-100), share (0-1), count, days, date, month (its first day), text, flag, ratio, number. */
export type Unit = 'brl' | 'pct' | 'share' | 'count' | 'days' | 'date' | 'month' | 'text' | 'flag' | 'ratio' | 'number';

/**
 * Whether a column may hold NULL, when it differs from its unit's default: count, date, month and flag
 * columns are never NULL unless marked 'nullable'; text and measures (brl, pct, share, ratio, days,
 * number) may be NULL unless marked 'not null'. The site's row types and checks follow it
 * (src/lib/martRows.ts); the data dictionary does not show it.
 */
export type Nulls = 'nullable' | 'not null';

/** [description_pt, description_en, unit, nulls?]. */
export type ColumnDoc = readonly [pt: string, en: string, unit: Unit, nulls?: Nulls];

/** The units whose columns are never NULL unless marked 'nullable'. */
export const NOT_NULL_UNITS = ['count', 'date', 'month', 'flag'] as const satisfies readonly Unit[];
export type NotNullUnit = (typeof NOT_NULL_UNITS)[number];

/** The schema version written into every mart's Parquet metadata; bump it when a column changes meaning. */
export const SCHEMA_VERSION = '1';

const asOf = ['Data de referência da análise', 'Date the portfolio is judged at', 'date'] as const satisfies ColumnDoc;

/** Marts written by the loader itself (data quality), present in every run. */
export const loaderMarts = [
  {
    name: 'load_summary',
    grain_pt: 'uma linha por arquivo de entrada (e por arquivo da pasta que não foi lido, sem entidade)',
    grain_en: 'one row per input file (and per file of the folder left unread, without an entity)',
    orderBy: 'file',
    columns: {
      file: ['Arquivo de exportação', 'Export file name', 'text', 'not null'],
      entity: ['Entidade (orders, customers, ...); vazia num arquivo que não foi lido', 'Entity the file holds; empty for a file left unread', 'text'],
      encoding: ['Codificação detectada', 'Detected text encoding', 'text'],
      delimiter: ['Separador detectado', 'Detected delimiter', 'text'],
      read: ['Linhas de dados lidas', 'Data records read', 'count'],
      loaded: ['Linhas carregadas', 'Records loaded', 'count'],
      empty: ['Linhas vazias ignoradas', 'Empty records skipped', 'count'],
      rejected: ['Linhas rejeitadas', 'Records rejected', 'count'],
      collapsed: ['Duplicatas exatas consolidadas', 'Exact duplicates collapsed', 'count'],
      after_as_of: ['Linhas posteriores à data de referência, fora desta execução', 'Records dated after the as-of date, left out', 'count'],
      open_orders: [
        'Pedidos em aberto (orçamento, pendente…), ou itens deles: ainda não são vendas, fora desta execução',
        'Orders still open (quote, pending…), or their items: no sale yet, left out',
        'count',
      ],
      warnings: ['Linhas carregadas com aviso (valor opcional anulado)', 'Loaded records with a warning (optional value nulled)', 'count'],
      ignored_columns: ['Colunas do arquivo não reconhecidas (ignoradas)', 'Source columns not recognized (ignored)', 'text'],
      column_mapping: [
        'Cada coluna do arquivo e a coluna em que se tornou (ou "ignorada")',
        'Every source column and the column it became (or "ignorada")',
        'text',
      ],
      notes: [
        'Como valores ambíguos foram lidos, por coluna (datas dd/mm ou mm/dd, separador decimal), uma observação por linha',
        'How ambiguous values were read, per column (date order, decimal separator), one note per line',
        'text',
      ],
      as_of_date: asOf,
    },
  },
  {
    name: 'rejects',
    grain_pt: 'uma linha por problema encontrado numa linha de entrada',
    grain_en: 'one row per problem found in an input row',
    orderBy: 'file, line, "column"',
    columns: {
      file: ['Arquivo de exportação', 'Export file name', 'text', 'not null'],
      line: ['Linha física no arquivo (cabeçalho = 1)', 'Physical line in the file (header = 1)', 'number'],
      column: ['Coluna como está no cabeçalho do arquivo', 'Column as named in the file header', 'text'],
      value: [
        'Valor da coluna com problema, com CPF, CNPJ, e-mail e telefone mascarados; numa linha com colunas a mais, a contagem de campos (a linha bruta nunca é guardada)',
        'Value of the column at fault, with CPF, CNPJ, e-mail and phone masked; for a line with too many columns, its field count (the raw line is never kept)',
        'text',
      ],
      reason_code: ['Código estável do motivo', 'Stable reason code', 'text'],
      reason: ['Motivo e como corrigir', 'Reason and how to fix it', 'text'],
      severity: ['reject = linha descartada; warning = valor opcional anulado', 'reject = row dropped; warning = optional value nulled', 'text'],
      entity: ['Entidade do arquivo', 'Entity of the file', 'text'],
      canonical_column: ['Coluna canônica correspondente', 'Canonical column', 'text'],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];

/** The rules of the run, written by the pipeline from its configuration. */
export const settingsMart = {
  name: 'settings',
  grain_pt: 'uma linha por regra de negócio configurável (seção.campo do arquivo --config)',
  grain_en: 'one row per configurable business rule (section.field of the --config file)',
  orderBy: 'setting',
  columns: {
    setting: [
      'Regra, como seção.campo do arquivo de configuração (ex.: lifecycle.at_risk_multiplier)',
      'Rule, as section.field of the configuration file (e.g. lifecycle.at_risk_multiplier)',
      'text',
      'not null',
    ],
    value: ['Valor usado nesta execução (como texto)', 'Value used in this run (as text)', 'text'],
    default_value: ['Valor padrão (como texto)', 'Default value (as text)', 'text'],
    is_default: ['Verdadeiro quando a execução usou o padrão', 'True when the run used the default', 'flag'],
    as_of_date: asOf,
  },
} as const satisfies MartSpec;

/**
 * The data dictionary, written by the exporter from the specs of every other mart (it does not list
 * its own columns, which are documented here for the site's row type and check).
 */
export const dictionaryMart = {
  name: 'data_dictionary',
  grain_pt: 'uma linha por coluna de cada mart',
  grain_en: 'one row per mart column',
  orderBy: 'mart, position',
  columns: {
    mart: ['Mart (arquivo Parquet)', 'Mart (Parquet file)', 'text', 'not null'],
    position: ['Posição da coluna no mart (1 = primeira)', 'Position of the column in the mart (1 = first)', 'count'],
    column: ['Nome da coluna', 'Column name', 'text', 'not null'],
    label_pt: ['Nome curto da coluna em português (NULL quando ainda não tem)', "The column's short Portuguese name (NULL when it has none yet)", 'text'],
    type: ['Tipo DuckDB da coluna', "The column's DuckDB type", 'text'],
    description_pt: ['Descrição em português', 'Description in Portuguese', 'text'],
    description_en: ['Descrição em inglês', 'Description in English', 'text'],
    unit: ['Unidade (labels, campo unit)', 'Unit (labels, field unit)', 'text'],
    grain_pt: ['Grão do mart em português: o que é uma linha', "The mart's grain in Portuguese: what one row is", 'text'],
    grain_en: ['Grão do mart em inglês', "The mart's grain in English", 'text'],
  },
} as const satisfies MartSpec;

/** Marts computed by the SQL models under pipelines/sql (one .sql file per mart, same name). */
export const sqlMarts: MartSpec[] = [...portfolioMarts];

/** Every published mart. */
export const allMarts = (): MartSpec[] => [...loaderMarts, settingsMart, ...sqlMarts];

/** Every published mart's spec with its literal column types, for the site's row types (src/lib/martRows.ts). */
export const martSpecs = [...loaderMarts, settingsMart, ...portfolioMarts, dictionaryMart] as const;

/** The name of a published mart. */
export type MartName = (typeof martSpecs)[number]['name'];

/** The spec of one published mart, with its literal column docs. */
export type SpecOf<N extends MartName> = Extract<(typeof martSpecs)[number], { name: N }>;
