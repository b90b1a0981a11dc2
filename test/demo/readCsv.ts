import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';

/** A parsed CSV file: header and rows of raw field text. */
export interface ParsedCsv {
  header: string[];
  rows: string[][];
}

/**
 * A small RFC 4180 reader for the tests, independent of the generator's writer: quoted fields may hold the
 * delimiter, doubled quotes and line breaks; lines end with `\n` or `\r\n`.
 */
export function parseCsv(text: string, delimiter: string): ParsedCsv {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** Reads a canonical (UTF-8, comma) file. */
export function readCanonical(path: string): ParsedCsv {
  return parseCsv(readFileSync(path, 'utf8'), ',');
}

/** Reads an excel-br (Windows-1252, semicolon) file. */
export function readExcelBr(path: string): ParsedCsv {
  return parseCsv(iconv.decode(readFileSync(path), 'win1252'), ';');
}
