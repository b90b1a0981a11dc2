import { describe, expect, it } from 'vitest';
import {
  documentKind,
  formatCnpj,
  formatCpf,
  generateCnpj,
  generateCpf,
  isValidCnpj,
  isValidCpf,
  isValidDocument,
  maskCpf,
  normalizeDocument,
} from '../../pipelines/brazil/documents.ts';
import { Rng } from '../../pipelines/demo/random.ts';

// Check digits worked out by hand (value × weight, r = sum % 11, digit = r < 2 ? 0 : 11 − r):
// CPF 529.982.247-25: 5·10+2·9+9·8+9·7+8·6+2·5+2·4+4·3+7·2 = 295, 295 % 11 = 9 → 2;
//   then 5·11+2·10+9·9+9·8+8·7+2·6+2·5+4·4+7·3+2·2 = 347, 347 % 11 = 6 → 5.
// CPF 012.345.678-90: 0·10+1·9+2·8+3·7+4·6+5·5+6·4+7·3+8·2 = 156, % 11 = 2 → 9;
//   then 0·11+1·10+2·9+3·8+4·7+5·6+6·5+7·4+8·3+9·2 = 210, % 11 = 1 → 0.
// CNPJ 11.222.333/0001-81: 1·5+1·4+2·3+2·2+2·9+3·8+3·7+3·6+0+0+0+1·2 = 102, % 11 = 3 → 8;
//   then 1·6+1·5+2·4+2·3+2·2+3·9+3·8+3·7+0+0+0+1·3+8·2 = 120, % 11 = 10 → 1.
// CNPJ 01.234.567/0001-95: 0·5+1·4+2·3+3·2+4·9+5·8+6·7+7·6+0+0+0+1·2 = 178, % 11 = 2 → 9;
//   then 0·6+1·5+2·4+3·3+4·2+5·9+6·8+7·7+0+0+0+1·3+9·2 = 193, % 11 = 6 → 5.
// CNPJ 12.ABC.345/01DE-35 (Receita Federal's alphanumeric example; A=17, B=18, C=19, D=20, E=21):
//   1·5+2·4+17·3+18·2+19·9+3·8+4·7+5·6+0·5+1·4+20·3+21·2 = 459, % 11 = 8 → 3;
//   1·6+2·5+17·4+18·3+19·2+3·9+4·8+5·7+0·6+1·5+20·4+21·3+3·2 = 424, % 11 = 6 → 5.

describe('CPF', () => {
  it('accepts valid CPFs with or without punctuation', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf(' 529 982 247 25 ')).toBe(true);
  });

  it('rejects a CPF with a wrong check digit', () => {
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('529.982.247-15')).toBe(false);
  });

  it('restores the leading zero Excel dropped', () => {
    expect(normalizeDocument('1234567890')).toBe('01234567890');
    expect(isValidCpf('1234567890')).toBe(true);
    expect(isValidCpf('012.345.678-90')).toBe(true);
  });

  it('rejects all-same-digit CPFs even though their check digits add up', () => {
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('00000000000')).toBe(false);
    expect(isValidCpf('0')).toBe(false);
  });

  it('does not accept a CNPJ as a CPF', () => {
    expect(isValidCpf('11.222.333/0001-81')).toBe(false);
  });
});

describe('CNPJ', () => {
  it('accepts a valid numeric CNPJ', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(isValidCnpj('11222333000181')).toBe(true);
  });

  it('accepts the alphanumeric example of the Receita Federal, in any case', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(isValidCnpj('12abc34501de35')).toBe(true);
    expect(normalizeDocument('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });

  it('rejects wrong check digits, numeric or alphanumeric', () => {
    expect(isValidCnpj('11.222.333/0001-82')).toBe(false);
    expect(isValidCnpj('11.222.333/0001-91')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('12.ABD.345/01DE-35')).toBe(false);
  });

  it('restores a leading zero lost by a spreadsheet (13 digits)', () => {
    expect(normalizeDocument('1234567000195')).toBe('01234567000195');
    expect(isValidCnpj('1234567000195')).toBe(true);
    expect(isValidCnpj('01.234.567/0001-95')).toBe(true);
  });

  it('rejects all-same-character CNPJs', () => {
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
    expect(isValidCnpj('11111111111111')).toBe(false);
  });

  it('rejects letters in the check digits and other impossible shapes', () => {
    expect(normalizeDocument('12.ABC.345/01DE-3A')).toBeNull();
    expect(normalizeDocument('12ABC34501DE3')).toBeNull();
    expect(normalizeDocument('123456789012345')).toBeNull();
    expect(normalizeDocument('')).toBeNull();
    expect(normalizeDocument(null)).toBeNull();
    expect(normalizeDocument('529.982.247_25')).toBeNull();
    expect(normalizeDocument('12ßBC34501DE35')).toBeNull();
  });
});

describe('normalization and kinds', () => {
  it('calls up to 11 digits a CPF and 12 to 14 digits a CNPJ', () => {
    expect(normalizeDocument('191')).toBe('00000000191');
    expect(documentKind('00000000191')).toBe('cpf');
    expect(normalizeDocument('123456789012')).toBe('00123456789012');
    expect(documentKind('00123456789012')).toBe('cnpj');
    expect(documentKind('12ABC34501DE35')).toBe('cnpj');
    expect(documentKind('12abc34501de35')).toBeNull();
    expect(documentKind('1234')).toBeNull();
  });

  it('strips a no-break space pasted from a spreadsheet', () => {
    expect(normalizeDocument('529.982.247\u00A0-25')).toBe('52998224725');
  });

  it('says which documents are valid of either kind', () => {
    expect(isValidDocument('529.982.247-25')).toBe(true);
    expect(isValidDocument('11.222.333/0001-81')).toBe(true);
    expect(isValidDocument('abc')).toBe(false);
    expect(isValidDocument(undefined)).toBe(false);
  });
});

describe('display', () => {
  it('formats CPFs and CNPJs with their punctuation', () => {
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(formatCpf('1234567890')).toBe('012.345.678-90');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(formatCpf('not a cpf')).toBe('not a cpf');
  });

  it('masks a CPF down to digits 4 to 9 (LGPD)', () => {
    expect(maskCpf('123.456.789-09')).toBe('***.456.789-**');
    expect(maskCpf('52998224725')).toBe('***.982.247-**');
    expect(maskCpf('11.222.333/0001-81')).toBe('***.***.***-**');
  });
});

describe('generation', () => {
  it('generates valid CPFs and CNPJs, alphanumeric ones with at least one letter', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 500; i++) {
      const cpf = generateCpf(rng.float);
      const cnpj = generateCnpj(rng.float);
      const alphanumeric = generateCnpj(rng.float, { alphanumeric: true });
      expect(cpf).toMatch(/^\d{11}$/);
      expect(isValidCpf(cpf)).toBe(true);
      expect(cnpj).toMatch(/^\d{14}$/);
      expect(isValidCnpj(cnpj)).toBe(true);
      expect(alphanumeric).toMatch(/^[0-9A-Z]*[A-Z][0-9A-Z]*$/);
      expect(alphanumeric).toMatch(/\d\d$/);
      expect(isValidCnpj(alphanumeric)).toBe(true);
    }
  });
});
