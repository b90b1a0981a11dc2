import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectReasons } from '../../pipelines/load/rejectReasons.ts';

describe('reason codes', () => {
  it('are each explained in the README, where users look a code up', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(Object.keys(rejectReasons).filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});
