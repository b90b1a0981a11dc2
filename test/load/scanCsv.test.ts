import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanCsv, type CsvScan } from '../../pipelines/load/scanCsv.ts';
import { tempDir } from '../helpers/fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

/** Scans the bytes as a `;` file. */
async function scan(content: string | Buffer): Promise<CsvScan> {
  const path = join(tmp.dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return scanCsv(path, ';');
}

/** [code, line, field] of each record left out and each repair. */
const dropped = (s: CsvScan) => s.dropped.map((d) => [d.problem.code, d.problem.line, d.problem.field]);
const repairs = (s: CsvScan) => s.repairs.map((r) => [r.code, r.line, r.field]);

const H = 'pedido;cliente;data;valor\n';
const row = (i: number) => `P${i};C${i};01/01/2026;10\n`;

describe('scanning a CSV file without DuckDB', () => {
  it('counts records without the header and blank lines, with a quoted line break inside its record', async () => {
    // lines: 1 header, 2 P1, 3 blank, 4-5 P2 (quoted break), 6 spaces only (a record, as for DuckDB), 7 ;;; , 8 P3 without final LF
    const s = await scan(`${H}${row(1)}\nP2;"C\n2";01/01/2026;10\n   \n;;;\nP3;C3;01/01/2026;10`);
    expect(s.records).toBe(5);
    expect(s.dropped).toEqual([]);
    expect(s.repairs).toEqual([]);
  });

  it('reads a quote in the middle of a field as a character and a doubled quote inside quotes as one', async () => {
    const s = await scan(`${H}P1;C"1;01/01/2026;10\nP2;"C""2";01/01/2026;10\nP3; "C3" ;01/01/2026;10\n`);
    expect([s.records, dropped(s)]).toEqual([3, []]);
  });

  it('leaves out only the line of an unterminated quote (line 3 of 10) and reads on from the next', async () => {
    const lines = Array.from({ length: 10 }, (_, k) => (k === 1 ? 'P3;"C3;01/01/2026;10\n' : row(k + 2)));
    const s = await scan(H + lines.join(''));
    expect(s.records).toBe(10);
    expect(dropped(s)).toEqual([['unterminated_quote', 3, 1]]);
  });

  it('tells two unterminated quotes apart instead of pairing them into one field', async () => {
    const s = await scan(`${H}${row(1)}P2;"C2;01/01/2026;10\n${row(3)}P4;"C4;01/01/2026;10\n${row(5)}`);
    expect(s.records).toBe(5);
    expect(dropped(s)).toEqual([
      ['unterminated_quote', 3, 1],
      ['unterminated_quote', 5, 1],
    ]);
  });

  it('leaves out a line with text after the closing quote, and a quote still open at the end of the file', async () => {
    const s = await scan(`${H}P1;"C1"x;01/01/2026;10\n${row(2)}P3;C3;01/01/2026;"10\n`);
    expect(s.records).toBe(3);
    expect(dropped(s)).toEqual([
      ['unterminated_quote', 2, 1],
      ['unterminated_quote', 4, 3],
    ]);
  });

  it('finds a CR alone outside quotes in LF and CRLF files, but not one inside quotes', async () => {
    const lf = await scan(`${H}${row(1)}P2;C2\rX;01/01/2026;10\nP3;"C\r3";01/01/2026;10\n`);
    expect([lf.records, repairs(lf)]).toEqual([3, [['stray_carriage_return', 3, 1]]]);
    const crlf = await scan(`${H.replace('\n', '\r\n')}P1;C1;01/01/2026;10\r\nP2;C2;01/01/2026\r;10\r\n`);
    expect([crlf.records, crlf.lineBreak, repairs(crlf)]).toEqual([2, 'crlf', [['stray_carriage_return', 3, 2]]]);
  });

  it('tells a file whose lines all end in CRLF from one mixing LF and CRLF', async () => {
    expect((await scan(`${H}${row(1)}`.replace(/\n/g, '\r\n'))).lineBreak).toBe('crlf');
    expect((await scan(`${H}${row(1)}\r\n${row(2)}`)).lineBreak).toBe('mixed');
    // a CRLF inside quotes is part of a value, not a line break of the file
    expect((await scan(`${H}P1;"C\r\n1";01/01/2026;10\n`)).lineBreak).toBe('lf');
  });

  it('opens a quoted field after one space, as DuckDB does, but reads the quote as a character after two', async () => {
    const s = await scan(`${H}P1; "C\n1";01/01/2026;10\nP2;  "C2;01/01/2026;10\n "P3\n3";C3;01/01/2026;10\n`);
    // P1 spans lines 2-3; P2's quote is a character; " P3" opens a quote closed on line 6
    expect([s.records, s.dropped]).toEqual([3, []]);
  });

  it('does not carry a character cut by a record left out into the next record', async () => {
    // line 2 is left out at the byte after its closing quote, a lead byte waiting for two more; line 3
    // starts with a byte that would continue it, then a space and a quote, which is a character there
    const s = await scan(Buffer.concat([Buffer.from(`${H}P1;"C1"`), Buffer.from([0xe9]), Buffer.from('x\n'), Buffer.from([0x80]), Buffer.from(' "\n "')]));
    expect(dropped(s)).toEqual([
      ['unterminated_quote', 2, 1],
      ['unterminated_quote', 4, 0],
    ]);
    expect(s.records).toBe(3);
  });

  it('reads an old Mac file, whose lines end in CR alone, as lines', async () => {
    const s = await scan(`${H}${row(1)}P2;"C\r2";01/01/2026;10\r`.replace(/\n/g, '\r'));
    expect([s.records, s.lineBreak, s.repairs]).toEqual([2, 'cr', []]);
  });

  it('counts valid UTF-8 characters against bytes that are not, and places each bad byte', async () => {
    const s = await scan(Buffer.concat([Buffer.from(`${H}P1;São Paulo;01/01/2026;10\nP2;Jos`), Buffer.from([0xe9]), Buffer.from(';01/01/2026;10\n')]));
    expect(s.utf8).toEqual({ valid: 1, invalid: 1 });
    expect(repairs(s)).toEqual([['invalid_byte', 3, 1]]);
  });

  it('marks every byte of a broken multi-byte sequence, so none is left for DuckDB to choke on', async () => {
    // "ção" in Windows-1252: E7 E3 6F; both E7 and E3 start sequences the next byte does not continue
    const s = await scan(Buffer.concat([Buffer.from(`${H}P1;A`), Buffer.from([0xe7, 0xe3, 0x6f]), Buffer.from(';01/01/2026;10\n')]));
    expect(s.utf8).toEqual({ valid: 0, invalid: 2 });
    expect(s.repairs.map((r) => r.at - s.repairs[0]!.at)).toEqual([0, 1]);
  });

  it('leaves out a record longer than 512 KB, quoted or not', async () => {
    const long = 'x'.repeat(600 * 1024);
    const s = await scan(`${H}${row(1)}P2;${long};01/01/2026;10\nP3;"${long}";01/01/2026;10\n${row(4)}`);
    expect(s.records).toBe(4);
    expect(dropped(s)).toEqual([
      ['line_too_long', 3, 1],
      ['line_too_long', 4, 1],
    ]);
  });

  it('keeps its count across the 4 MB chunks it reads, with a quote open and a character cut at the boundary', async () => {
    // header 26 bytes + 131,071 lines of 32 bytes = 4,194,298: the record Q starts 6 bytes before 4 MiB,
    // so its quote opens before the boundary and the boundary falls between the two bytes of its first "ã"
    const filler = `${'x'.repeat(31)}\n`.repeat(131_071);
    const s = await scan(`${H}${filler}Q;"abã\nã";1\n${row(1).repeat(10)}`);
    expect(s.records).toBe(131_071 + 1 + 10);
    expect(s.utf8).toEqual({ valid: 2, invalid: 0 });
    expect([s.dropped, s.repairs]).toEqual([[], []]);
  });
});
