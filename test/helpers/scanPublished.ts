import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { maskPersonalData } from '../../pipelines/privacy/maskPersonalData.ts';
import { Database, sqlString } from '../../pipelines/warehouse/database.ts';

/** Personal data found in a published file. */
export interface ScanHit {
  /** The file, relative to the scanned folder (a zip entry as `archive.zip!entry.csv`). */
  file: string;
  /** What was found: the literal looked for, or the text a masking pattern matched. */
  found: string;
  /** A few characters around it. */
  context: string;
}

/** What a scan looks for. */
export interface ScanRules {
  /** Values that must appear nowhere (names, e-mails, CPFs as written), compared ignoring case. */
  literals: string[];
  /** Texts a masking pattern matches that may be published (the CNPJs of companies). */
  allowed: string[];
}

const BINARY = new Set(['.png', '.jpg', '.jpeg', '.gif', '.ico', '.woff', '.woff2', '.webp', '.avif']);

/**
 * Reads every file under a folder as a user could (HTML, JSON, CSV, SVG and scripts as text, the cells of
 * Parquet files, the entries of zip files) and reports each literal found and each CPF-, CNPJ-, e-mail-
 * or phone-shaped text (what maskPersonalData would mask) outside the allowed ones. Scripts are bundled
 * library code, whose colour schemes are long hex strings with phone-like digit runs: they are searched
 * for the literals only (data reaches the browser as HTML or JSON).
 */
export async function scanPublished(dir: string, rules: ScanRules): Promise<ScanHit[]> {
  const hits: ScanHit[] = [];
  const db = await Database.open();
  try {
    for (const path of filesUnder(dir)) {
      const name = relative(dir, path);
      const extension = extname(path).toLowerCase();
      if (BINARY.has(extension)) continue;
      if (extension === '.parquet') {
        const rows = await db.rows(`select * from read_parquet(${sqlString(path)})`);
        const cells = rows.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));
        hits.push(...scanText(name, cells.join('\n'), rules, true));
      } else if (extension === '.zip') {
        for (const [entry, bytes] of Object.entries(unzipSync(readFileSync(path))))
          hits.push(...scanText(`${name}!${entry}`, Buffer.from(bytes).toString('utf8'), rules, true));
      } else {
        hits.push(...scanText(name, readFileSync(path, 'utf8'), rules, extension !== '.js'));
      }
    }
  } finally {
    db.close();
  }
  return hits;
}

function scanText(file: string, text: string, rules: ScanRules, patterns: boolean): ScanHit[] {
  const hits: ScanHit[] = [];
  const lower = text.toLowerCase();
  for (const literal of rules.literals) {
    const at = lower.indexOf(literal.toLowerCase());
    if (at >= 0) hits.push({ file, found: literal, context: around(text, at, literal.length) });
  }
  if (!patterns) return hits;
  let rest = text;
  for (const allowed of rules.allowed) rest = rest.split(allowed).join('');
  for (const line of rest.split('\n')) {
    const masked = maskPersonalData(line);
    if (masked === line) continue;
    const at = firstDifference(line, masked);
    hits.push({ file, found: line.slice(at, at + 24), context: around(line, at, 24) });
  }
  return hits;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

const around = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 40), at + length + 40).replace(/\s+/g, ' ');
