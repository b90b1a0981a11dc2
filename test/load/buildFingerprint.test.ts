import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintBuild, isPublished, recordBuild, type BuildInputs } from '../../pipelines/run/buildFingerprint.ts';
import { runPipeline } from '../../pipelines/run/runPipeline.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('the fingerprint of a published build', () => {
  const exportsDir = join(tmp.dir, 'exports');
  writeExport(exportsDir, 'pedidos.csv', ['pedido;cliente;data;valor', 'P1;C1;01/01/2026;10', 'P2;C1;01/02/2026;20']);
  writeExport(exportsDir, 'clientes.csv', ['cliente;nome;uf', 'C1;Um;SP']);
  const inputs: BuildInputs = {
    exportsDir,
    pseudonymKey: 'k'.repeat(32),
    flags: { asOf: null },
    martsDir: join(tmp.dir, 'marts'),
    siteDir: join(tmp.dir, 'dist'),
    warehousePath: null,
  };
  mkdirSync(inputs.martsDir, { recursive: true });
  mkdirSync(inputs.siteDir, { recursive: true });

  it('is the same for the same inputs, and a touched file with the same content changes nothing', async () => {
    const first = await fingerprintBuild(inputs);
    utimesSync(join(exportsDir, 'pedidos.csv'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect((await fingerprintBuild(inputs)).key).toBe(first.key);
  });

  it('changes with an export, the key, a flag or the output folders', async () => {
    const base = (await fingerprintBuild(inputs)).key;
    expect((await fingerprintBuild({ ...inputs, pseudonymKey: 'x'.repeat(32) })).key).not.toBe(base);
    expect((await fingerprintBuild({ ...inputs, flags: { asOf: '2026-01-31' } })).key).not.toBe(base);
    expect((await fingerprintBuild({ ...inputs, siteDir: join(tmp.dir, 'other') })).key).not.toBe(base);
    writeExport(exportsDir, 'clientes.csv', ['cliente;nome;uf', 'C1;Um;RJ']);
    expect((await fingerprintBuild(inputs)).key).not.toBe(base);
  });

  it('counts as published only once recorded in both folders, until anything publishes into them again', async () => {
    const fingerprint = await fingerprintBuild(inputs);
    expect(await isPublished(fingerprint, inputs)).toBe(false);
    await recordBuild(fingerprint, inputs);
    expect(await isPublished(fingerprint, inputs)).toBe(true);
    // `npm run pipeline` into the same marts folder: the site no longer matches its marts.
    await runPipeline({ exportsDir, outDir: inputs.martsDir, warehousePath: null, acceptRejects: true });
    expect(await isPublished(fingerprint, inputs)).toBe(false);
  });

  it('checks that the warehouse file is the one the build wrote', async () => {
    const warehousePath = join(tmp.dir, 'carteira.duckdb');
    writeFileSync(warehousePath, 'warehouse');
    const withWarehouse = { ...inputs, warehousePath };
    const fingerprint = await fingerprintBuild(withWarehouse);
    await recordBuild(fingerprint, withWarehouse);
    expect(await isPublished(fingerprint, withWarehouse)).toBe(true);
    writeFileSync(warehousePath, 'warehouse, changed');
    expect(await isPublished(fingerprint, withWarehouse)).toBe(false);
  });
});
