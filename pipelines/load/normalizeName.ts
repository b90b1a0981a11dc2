/**
 * Folds a header or file name for matching: lower case, no accents, no spaces or punctuation.
 * `Código Cliente`, `cod_cliente` and `CODIGO-CLIENTE` fold to `codigocliente`/`codcliente` alike.
 */
export function foldName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
