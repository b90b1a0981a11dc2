import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineConfig } from '../../pipelines/contract/config.ts';
import { loadExports, type LoadResult } from '../../pipelines/load/loadExports.ts';
import { checkRejectThresholds } from '../../pipelines/load/rejectThresholds.ts';
import { ExitCode, type Failure } from '../../pipelines/run/failure.ts';
import { Database } from '../../pipelines/warehouse/database.ts';
import { tempDir, writeExport } from '../helpers/fixtures.ts';

describe('reject thresholds', () => {
  const tmp = tempDir();
  let db: Database;
  let load: LoadResult;

  beforeAll(async () => {
    // 20 orders, two of them (lines 4 and 9) with an impossible date: 10% rejected.
    const orders = Array.from({ length: 20 }, (_, i) => `P${i + 1};C1;${i === 2 || i === 7 ? '32/01/2026' : '05/01/2026'};10`);
    writeExport(tmp.dir, 'pedidos.csv', ['pedido;cliente;data;valor', ...orders]);
    // Every customer has an unknown UF: warnings only, which never count against the limit.
    writeExport(tmp.dir, 'clientes.csv', ['cliente;uf', 'C1;ZZ', 'C2;XX']);
    db = await Database.open();
    load = await loadExports(db, { exportsDir: tmp.dir, scratchDir: tmp.dir });
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  const limits = (json: object) => PipelineConfig.parse({ rejects: json }).rejects;

  async function check(json: object, accept = false): Promise<{ log: string[]; error: Failure | null }> {
    const log: string[] = [];
    try {
      await checkRejectThresholds(db, load.summary, limits(json), { accept, log: (l) => log.push(l) });
      return { log, error: null };
    } catch (error) {
      return { log, error: error as Failure };
    }
  }

  it('stops with exit 4 when 2 of 20 orders (10%) are rejected under the default 5% limit, naming reasons and example lines', async () => {
    const { error } = await check({});
    expect(error?.exitCode).toBe(ExitCode.quality);
    expect(error?.message).toContain('pedidos: 2 de 20 linhas rejeitadas (10,0%), acima do limite de 5%');
    expect(error?.message).toContain('pedidos: bad_date (2): data inválida; use dd/mm/aaaa');
    expect(error?.message).toContain('pedidos.csv:4, coluna "data", valor "32/01/2026": bad_date');
    expect(error?.message).toContain('pedidos.csv:9, coluna "data", valor "32/01/2026": bad_date');
    expect(error?.message).toContain('--accept-rejects');
    expect(error?.message).not.toContain('clientes');
  });

  it('lets an entity reach its own limit exactly and says how close it came', async () => {
    const { log, error } = await check({ per_entity: { orders: 0.1 } });
    expect(error).toBeNull();
    expect(log).toEqual(['Rejeições dentro do limite: pedidos: 2 de 20 linhas rejeitadas (10,0%), limite de 10%']);
  });

  it('applies a raised global limit to every entity', async () => {
    const { error } = await check({ max_share: 0.2 });
    expect(error).toBeNull();
  });

  it('keeps the global limit for entities without an override', async () => {
    const { error } = await check({ max_share: 0.2, per_entity: { orders: 0.05 } });
    expect(error?.message).toContain('acima do limite de 5%');
  });

  it('publishes over the limit with --accept-rejects, with a loud warning carrying the same detail', async () => {
    const { log, error } = await check({}, true);
    expect(error).toBeNull();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^ATENÇÃO: publicando com rejeições acima do limite/);
    expect(log[0]).toContain('pedidos: 2 de 20 linhas rejeitadas (10,0%), acima do limite de 5%');
    expect(log[0]).toContain('pedidos.csv:4');
  });

  it('refuses a per-entity limit for an entity that does not exist', () => {
    expect(PipelineConfig.safeParse({ rejects: { per_entity: { pedidos: 0.2 } } }).success).toBe(false);
    expect(PipelineConfig.safeParse({ rejects: { max_share: 1.5 } }).success).toBe(false);
  });
});
