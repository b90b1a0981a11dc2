import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pseudonymKey } from '../../pipelines/privacy/pseudonymKey.ts';
import { Failure } from '../../pipelines/run/failure.ts';
import { tempDir } from '../helpers/fixtures.ts';

const tmp = tempDir('carteira-key-');
afterAll(() => tmp.cleanup());

describe('the pseudonym key', () => {
  it('is created once, readable by its owner only, and read back the same on the next run', async () => {
    const file = join(tmp.dir, 'warehouse', 'pseudonym.key');
    const first = await pseudonymKey(file, {});
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(first.source).toContain('criada agora');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await pseudonymKey(file, {});
    expect(second).toEqual({ key: first.key, source: file });
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key);
  });

  it('gives every run starting together on a clean clone the same key', async () => {
    const file = join(tmp.dir, 'race', 'pseudonym.key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => pseudonymKey(file, {})));
    expect(new Set(keys.map((k) => k.key)).size).toBe(1);
  });

  it('comes from CARTEIRA_PSEUDONYM_KEY when it is set, without touching the file', async () => {
    const file = join(tmp.dir, 'unused', 'pseudonym.key');
    const key = 'k'.repeat(40);
    expect(await pseudonymKey(file, { CARTEIRA_PSEUDONYM_KEY: key })).toEqual({ key, source: 'variável CARTEIRA_PSEUDONYM_KEY' });
    expect(() => statSync(file)).toThrow();
  });

  it('refuses a key too short to keep the pseudonyms secret', async () => {
    const file = join(tmp.dir, 'short.key');
    writeFileSync(file, 'segredo\n');
    await expect(pseudonymKey(file, {})).rejects.toBeInstanceOf(Failure);
    await expect(pseudonymKey(file, { CARTEIRA_PSEUDONYM_KEY: 'abc' })).rejects.toThrow(/pelo menos 32/);
  });
});
