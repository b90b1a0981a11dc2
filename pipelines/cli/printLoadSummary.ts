import type { LoadResult } from '../load/loadExports.ts';
import { formatNumber as n } from '../contract/locale.ts';

/** Prints the data-quality summary: per file, rows read and where each went, then reasons. */
export function printLoadSummary(load: LoadResult): void {
  const { files, reasons, unrecognized_files, linked_files } = load.summary;
  const open = files.some((f) => f.open_orders > 0);
  console.log(
    `\nResumo da carga (lidas = carregadas + rejeitadas + duplicatas consolidadas + após a data de referência${open ? ' + em aberto' : ''} + vazias)`,
  );
  console.table(
    files.map((f) => ({
      arquivo: f.file,
      entidade: f.entity,
      codificação: f.encoding,
      leitura: f.reader === 'native' ? 'nativa' : 'texto',
      lidas: n(f.read),
      carregadas: n(f.loaded),
      rejeitadas: n(f.rejected),
      duplicatas: n(f.collapsed),
      'após as-of': n(f.after_as_of),
      // orders not yet sold: a column only when an export has any
      ...(open ? { 'em aberto': n(f.open_orders) } : {}),
      vazias: n(f.empty),
      'com aviso': n(f.warnings),
    })),
  );
  if (reasons.length) {
    console.log('Problemas por arquivo e motivo (detalhes em rejects.parquet):');
    console.table(reasons.map((r) => ({ arquivo: r.file, motivo: r.reason_code, tipo: r.severity === 'reject' ? 'rejeição' : 'aviso', linhas: n(r.rows) })));
  }
  for (const f of files.filter((f) => f.ignored_columns.length)) {
    console.log(`Colunas ignoradas em ${f.file}: ${f.ignored_columns.join(', ')} (associe-as no arquivo de mapeamento se forem úteis)`);
  }
  for (const f of files.filter((f) => f.mapped)) console.log(`Colunas de ${f.file} (só as do mapeamento): ${f.column_mapping}`);
  for (const f of files) for (const note of f.notes) console.log(`${f.file}: ${note}`);
  // A flat report read as several entities: its ids collapse, one row per id from its latest line.
  const flat = new Set(files.map((f) => f.file).filter((name, i, all) => all.indexOf(name) !== i));
  for (const f of files.filter((f) => flat.has(f.file) && f.collapsed > 0)) {
    console.log(
      `${f.file} → ${f.entity}: ${n(f.read)} linhas em ${n(f.loaded)} registros (cada código com os dados da sua linha mais recente; as demais contam como duplicatas consolidadas)`,
    );
  }
  for (const link of linked_files) console.log(`${link.file} é um link simbólico; lido de ${link.target}`);
  if (unrecognized_files.length) {
    console.log(`Arquivos ignorados (nome não corresponde a nenhuma entidade): ${unrecognized_files.join(', ')}`);
  }
}
