import { describe, expect, it } from 'vitest';
import { sellerSlugs, shortHash, slugBase } from '../../src/lib/sellerSlugs.ts';

describe('sellerSlugs', () => {
  it('keeps plain codes readable, in lowercase', () => {
    expect([...sellerSlugs(['V001', 'V002']).entries()]).toEqual([
      ['V001', 'v001'],
      ['V002', 'v002'],
    ]);
  });

  it('folds accents and turns anything else into single dashes', () => {
    expect(slugBase('São Paulo / Equipe 01')).toBe('sao-paulo-equipe-01');
  });

  it('never lets an id leave /vendedores/ or carry markup', () => {
    const slugs = sellerSlugs(['../../etc/passwd', '<script>alert(1)</script>', 'a?b#c', ' ', '%2e%2e']);
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugs.get('../../etc/passwd')).toBe('etc-passwd');
  });

  it('gives an id with nothing readable a hashed slug', () => {
    expect(sellerSlugs(['!!!']).get('!!!')).toBe(`vendedor-${shortHash('!!!')}`);
  });

  it('gives ids that fold alike distinct hashed slugs, whatever else is in the set', () => {
    const slugs = sellerSlugs(['José 1', 'jose-1', 'V9']);
    expect(slugs.get('José 1')).toBe(`jose-1-${shortHash('José 1')}`);
    expect(slugs.get('jose-1')).toBe(`jose-1-${shortHash('jose-1')}`);
    expect(slugs.get('V9')).toBe('v9');
  });

  it('never gives a seller the address of a report page under /vendedores/ (a seller coded "Equilíbrio")', () => {
    expect(sellerSlugs(['Equilíbrio']).get('Equilíbrio')).toBe(`equilibrio-${shortHash('Equilíbrio')}`);
  });
});
