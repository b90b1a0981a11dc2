import type { Database } from '../warehouse/database.ts';
import type { RawFile } from './prepareFile.ts';
import type { TypedColumnSql } from './typedColumnSql.ts';
import { formatNumber as n } from '../contract/locale.ts';

/**
 * Decides, column by column, how a file's values read when their text alone cannot say: 03/04/2026
 * (day or month first?) and 1.500 (one and a half, or fifteen hundred?). One pass over the column's
 * text counts what each value proves (macros date_order_evidence and decimal_evidence); values that
 * prove nothing follow the column's proof, and a column without any follows the file's convention:
 * dates day first (these are Brazilian exports, whatever their delimiter), numbers with the file's
 * decimal separator. A column whose values prove both ways is read the way most of them prove, and
 * the values proving the other way are warned, with the counts in the load summary's notes.
 */

/** Kinds whose text can be ambiguous in one of the two ways. */
const NUMBER_KINDS = new Set(['money', 'quantity', 'integer', 'percent']);

interface Evidence {
  name: string;
  /** The column as named in the file, for the notes. */
  header: string;
  kind: 'date' | 'number';
  /** Values proving one way / the other (dmy/mdy, comma/point), and values that cannot tell. */
  first: number;
  second: number;
  ambiguous: number;
}

/**
 * Fills the file's conventions, advisories and notes for the given columns read as text. Parquet
 * files and columns a mapping settles (`decimal`, `date_format`) are not looked at.
 */
export async function detectConventions(db: Database, file: RawFile, columns: TypedColumnSql[]): Promise<void> {
  if (file.dialect.delimiter === '') return;
  const mapping = file.file.mapping;
  const wanted = columns.filter((c) => {
    if (!file.resolution.positions.has(c.name) || file.conventions.has(c.name)) return false;
    if (c.meta.kind === 'date') return !mapping?.date_format;
    return NUMBER_KINDS.has(c.meta.kind) && !mapping?.decimal;
  });
  if (mapping?.date_format) {
    for (const c of columns) if (c.meta.kind === 'date') file.conventions.set(c.name, { dateFormat: mapping.date_format });
  }
  if (!wanted.length) return;
  const counts = wanted.flatMap((c, i) => {
    const v = `nullif(trim(c${file.resolution.positions.get(c.name)}), '')`;
    const [macro, first, second] = c.meta.kind === 'date' ? ['date_order_evidence', 'dmy', 'mdy'] : ['decimal_evidence', 'comma', 'point'];
    return [
      `count_if(${macro}(${v}) = '${first}') as f${i}`,
      `count_if(${macro}(${v}) = '${second}') as s${i}`,
      `count_if(${macro}(${v}) = 'ambiguous') as a${i}`,
    ];
  });
  const row = await countEvidence(db, file, counts);
  wanted.forEach((c, i) => {
    const evidence: Evidence = {
      name: c.name,
      header: file.dialect.headers[file.resolution.positions.get(c.name)!] ?? c.name,
      kind: c.meta.kind === 'date' ? 'date' : 'number',
      first: Number(row?.[`f${i}`] ?? 0),
      second: Number(row?.[`s${i}`] ?? 0),
      ambiguous: Number(row?.[`a${i}`] ?? 0),
    };
    if (evidence.kind === 'date') decideDateOrder(file, evidence);
    else decideDecimal(file, evidence);
  });
}

/**
 * One pass over the file counting the evidence, skipping records the reader cannot split (the load
 * reports those). The parallel reader cannot pad short rows when quoted fields hold line breaks, so it
 * falls back to one thread, as the load does.
 */
async function countEvidence(db: Database, file: RawFile, counts: string[]): Promise<Record<string, string> | undefined> {
  const query = (parallel: boolean) => `select ${counts.join(', ')} from ${file.source({ parallel, captureRejects: false, skipMalformed: true })}`;
  try {
    return (await db.rows<Record<string, string>>(query(true)))[0];
  } catch {
    return (await db.rows<Record<string, string>>(query(false)))[0];
  }
}

function decideDateOrder(file: RawFile, e: Evidence): void {
  const monthFirst = e.second > e.first;
  file.conventions.set(e.name, { monthFirst, eitherOrder: e.first > 0 && e.second > 0 });
  const order = monthFirst ? 'mm/dd' : 'dd/mm';
  if (e.first && e.second) {
    const minority = monthFirst ? 'dmy' : 'mdy';
    file.advisories.set(e.name, (r) => `when date_order_evidence(${r}) in ('${minority}', 'ambiguous') then 'mixed_date_order'`);
    file.notes.push(
      `${e.header}: ordem de data misturada: ${n(e.first)} valor(es) só podem ser dd/mm e ${n(e.second)} só mm/dd; ` +
        `${n(e.ambiguous)} ambíguo(s) lido(s) como ${order}, a ordem da maioria; as linhas da minoria e as ambíguas têm aviso mixed_date_order ` +
        `(force a ordem com "date_format" no arquivo de mapeamento)`,
    );
  } else if (monthFirst) {
    file.notes.push(`${e.header}: datas lidas como mm/dd (formato americano): ${n(e.second)} valor(es) têm o segundo número acima de 12`);
  } else if (!e.first && e.ambiguous) {
    file.notes.push(
      `${e.header}: datas ambíguas lidas como dd/mm (${n(e.ambiguous)} valor(es) com dia e mês até 12 e nenhum que decida); ` +
        `se o arquivo usa mm/dd, informe "date_format": "%m/%d/%Y" no arquivo de mapeamento`,
    );
  }
}

function decideDecimal(file: RawFile, e: Evidence): void {
  // first = values proving a decimal comma, second = a decimal point
  const decimalComma = e.first === e.second ? file.decimalComma : e.first > e.second;
  file.conventions.set(e.name, { decimalComma });
  const separator = decimalComma ? 'vírgula' : 'ponto';
  if (e.first && e.second) {
    const minority = decimalComma ? 'point' : 'comma';
    file.advisories.set(e.name, (r) => `when decimal_evidence(${r}) in ('${minority}', 'ambiguous') then 'mixed_decimal_separators'`);
    file.notes.push(
      `${e.header}: separador decimal misturado: ${n(e.first)} valor(es) com vírgula decimal e ${n(e.second)} com ponto decimal; ` +
        `cada um lido pelo seu separador, e ${n(e.ambiguous)} ambíguo(s) (como 1.500) com ${separator} decimal; ` +
        `as linhas da minoria e as ambíguas têm aviso mixed_decimal_separators`,
    );
  } else if (e.ambiguous && decimalComma !== file.decimalComma) {
    // The file's convention would have read these the other way: say so.
    file.notes.push(`${e.header}: ${n(e.ambiguous)} valor(es) como 1.500 lido(s) com ${separator} decimal, como os demais valores da coluna`);
  }
}

/**
 * After a native read (day first, the reader's `%d/%m/%Y`), the note for date columns whose every
 * value could also be read month first: no day above 12 was seen.
 */
export async function noteNativeDateOrder(db: Database, table: string, file: RawFile, columns: TypedColumnSql[], native: Set<string>): Promise<void> {
  if (!file.decimalComma) return; // only the Brazilian native convention reads dd/mm/aaaa
  for (const c of columns.filter((c) => c.meta.kind === 'date' && native.has(c.name))) {
    const [row] = await db.rows<{ days: string; dated: string }>(
      `select count_if(day(${c.name}) > 12) as days, count(${c.name}) as dated from ${table} where file_idx = ${file.index}`,
    );
    if (Number(row?.dated ?? 0) > 0 && Number(row?.days ?? 0) === 0) {
      file.notes.push(
        `${file.dialect.headers[file.resolution.positions.get(c.name)!] ?? c.name}: datas ambíguas lidas como dd/mm (${n(Number(row!.dated))} valor(es) com dia e mês até 12 e nenhum que decida); ` +
          `se o arquivo usa mm/dd, informe "date_format": "%m/%d/%Y" no arquivo de mapeamento`,
      );
    }
  }
}
