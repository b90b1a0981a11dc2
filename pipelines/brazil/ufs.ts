/** The five IBGE macro-regions: key used in data, pt-BR label used on screen. */
export const REGIONS = {
  norte: 'Norte',
  nordeste: 'Nordeste',
  sudeste: 'Sudeste',
  sul: 'Sul',
  centro_oeste: 'Centro-Oeste',
} as const;

/** Key of an IBGE region, e.g. `centro_oeste`. */
export type RegionKey = keyof typeof REGIONS;

/** The 27 federative units (26 states and the Distrito Federal), in IBGE region order. */
export const UFS = [
  { uf: 'RO', name: 'Rondônia', region: 'norte' },
  { uf: 'AC', name: 'Acre', region: 'norte' },
  { uf: 'AM', name: 'Amazonas', region: 'norte' },
  { uf: 'RR', name: 'Roraima', region: 'norte' },
  { uf: 'PA', name: 'Pará', region: 'norte' },
  { uf: 'AP', name: 'Amapá', region: 'norte' },
  { uf: 'TO', name: 'Tocantins', region: 'norte' },
  { uf: 'MA', name: 'Maranhão', region: 'nordeste' },
  { uf: 'PI', name: 'Piauí', region: 'nordeste' },
  { uf: 'CE', name: 'Ceará', region: 'nordeste' },
  { uf: 'RN', name: 'Rio Grande do Norte', region: 'nordeste' },
  { uf: 'PB', name: 'Paraíba', region: 'nordeste' },
  { uf: 'PE', name: 'Pernambuco', region: 'nordeste' },
  { uf: 'AL', name: 'Alagoas', region: 'nordeste' },
  { uf: 'SE', name: 'Sergipe', region: 'nordeste' },
  { uf: 'BA', name: 'Bahia', region: 'nordeste' },
  { uf: 'MG', name: 'Minas Gerais', region: 'sudeste' },
  { uf: 'ES', name: 'Espírito Santo', region: 'sudeste' },
  { uf: 'RJ', name: 'Rio de Janeiro', region: 'sudeste' },
  { uf: 'SP', name: 'São Paulo', region: 'sudeste' },
  { uf: 'PR', name: 'Paraná', region: 'sul' },
  { uf: 'SC', name: 'Santa Catarina', region: 'sul' },
  { uf: 'RS', name: 'Rio Grande do Sul', region: 'sul' },
  { uf: 'MS', name: 'Mato Grosso do Sul', region: 'centro_oeste' },
  { uf: 'MT', name: 'Mato Grosso', region: 'centro_oeste' },
  { uf: 'GO', name: 'Goiás', region: 'centro_oeste' },
  { uf: 'DF', name: 'Distrito Federal', region: 'centro_oeste' },
] as const satisfies readonly { uf: string; name: string; region: RegionKey }[];

/** Two-letter code of a federative unit, e.g. `SP`. */
export type Uf = (typeof UFS)[number]['uf'];

const byCode = new Map<string, (typeof UFS)[number]>(UFS.map((row) => [row.uf, row]));

/** True when `code` is one of the 27 UF codes (uppercase, as stored). */
export function isUf(code: string): code is Uf {
  return byCode.has(code);
}

/** The IBGE region of a UF, or null for an unknown code. */
export function regionOf(code: string): RegionKey | null {
  return byCode.get(code)?.region ?? null;
}

/**
 * The UF table as a SQL `values` list of (uf, name, region), e.g.
 * `create table ufs as select * from (values ...) as t(uf, name, region)`.
 */
export function ufValuesSql(): string {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `values ${UFS.map((row) => `(${quote(row.uf)}, ${quote(row.name)}, ${quote(row.region)})`).join(', ')}`;
}
