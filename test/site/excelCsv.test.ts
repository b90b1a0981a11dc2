import { describe, expect, it } from 'vitest';
import { csvField, excelCsv } from '../../src/lib/excelCsv.ts';

describe('excelCsv', () => {
  it('writes a BOM, a ; separated header and CRLF lines with decimal comma and dd/mm/aaaa dates', () => {
    const bytes = excelCsv(
      [
        { name: 'mês', type: 'DATE' },
        { name: 'receita', type: 'DECIMAL(18,2)' },
        { name: 'pedidos', type: 'INTEGER' },
      ],
      [
        { mês: new Date(Date.UTC(2026, 9, 1)), receita: 1234.56, pedidos: 7 },
        { mês: new Date(Date.UTC(2026, 0, 31)), receita: null, pedidos: 0 },
      ],
    );
    const expected = Buffer.from([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('m', 'ascii'),
      0xc3,
      0xaa,
      ...Buffer.from('s;receita;pedidos\r\n', 'ascii'),
      ...Buffer.from('01/10/2026;1234,56;7\r\n', 'ascii'),
      ...Buffer.from('31/01/2026;;0\r\n', 'ascii'),
    ]);
    expect(bytes).toEqual(expected);
  });

  it('prefixes text starting with = + - @ with a single quote but leaves negative numbers alone', () => {
    const bytes = excelCsv(
      [{ name: 'valor' }, { name: 'n' }],
      [
        { valor: '=1+1', n: -5 },
        { valor: '+55 11 9999', n: -0.5 },
        { valor: '-1.234,56', n: 3 },
        { valor: '@SUM(A1)', n: 4 },
      ],
    );
    expect(bytes.toString('utf8')).toBe("\ufeffvalor;n\r\n'=1+1;-5\r\n'+55 11 9999;-0,5\r\n'-1.234,56;3\r\n'@SUM(A1);4\r\n");
  });

  it('quotes fields holding ; quotes or line breaks, doubling inner quotes', () => {
    const bytes = excelCsv([{ name: 'obs' }], [{ obs: 'a; b' }, { obs: 'diz "oi"' }, { obs: 'linha 1\nlinha 2' }]);
    expect(bytes.toString('utf8')).toBe('\ufeffobs\r\n"a; b"\r\n"diz ""oi"""\r\n"linha 1\nlinha 2"\r\n');
  });

  it('titles a column with its header and writes a coded value as its label, an unknown key as it is', () => {
    const labels = new Map([
      ['at_risk', 'Em risco (ritmo)'],
      ['lost', 'Perdido (ex-cliente)'],
    ]);
    const bytes = excelCsv(
      [
        { name: 'customer_id', header: 'Código do cliente' },
        { name: 'status', header: 'Situação', labels },
      ],
      [
        { customer_id: 'C1', status: 'at_risk' },
        { customer_id: 'C2', status: 'lost' },
        { customer_id: 'C3', status: 'novo_codigo' },
        { customer_id: 'C4', status: null },
      ],
    );
    expect(bytes.toString('utf8')).toBe('\ufeffCódigo do cliente;Situação\r\nC1;Em risco (ritmo)\r\nC2;Perdido (ex-cliente)\r\nC3;novo_codigo\r\nC4;\r\n');
  });

  it('neutralizes and quotes a formula that also holds the delimiter', () => {
    expect(csvField('@cliente; "teste"')).toBe(`"'@cliente; ""teste"""`);
  });
});

describe('csvField', () => {
  it('keeps the time of TIMESTAMP columns, in UTC', () => {
    expect(csvField(new Date(Date.UTC(2026, 1, 3, 14, 5, 9)), { name: 't', type: 'TIMESTAMP' })).toBe('03/02/2026 14:05:09');
    expect(csvField(new Date(Date.UTC(2026, 1, 3, 14, 5, 9)), { name: 'd', type: 'DATE' })).toBe('03/02/2026');
  });

  it('writes numbers without thousands separators and never in exponent notation', () => {
    expect(csvField(1234567.5)).toBe('1234567,5');
    expect(csvField(0.0000001)).toBe('0,0000001');
    expect(csvField(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('writes booleans as Excel pt-BR does and empties for null', () => {
    expect(csvField(true)).toBe('VERDADEIRO');
    expect(csvField(false)).toBe('FALSO');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes lists as JSON text', () => {
    expect(csvField([1, 2])).toBe('[1,2]');
    expect(csvField(['a;b'])).toBe('"[""a;b""]"');
  });
});
