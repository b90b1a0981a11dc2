import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, exists, runCli, snapshot, SMALL_EXPORTS, type CaseDirs, type HostileCase } from './hostileCase.ts';

/** Runs the pipeline once on the small exports into d.out, so a case can check that a refused run left it as it was. */
function publishedBefore(d: CaseDirs): void {
  const run = runCli('pipeline', ['--exports', d.exports, '--out', d.out, '--no-warehouse']);
  if (run.exit !== 0) throw new Error(`the first run failed:\n${run.output}`);
  writeFileSync(join(d.root, 'before.json'), JSON.stringify(snapshot(d.out)));
}
const unchangedSinceBefore = (d: CaseDirs) => expect(snapshot(d.out)).toEqual(JSON.parse(readFileSync(join(d.root, 'before.json'), 'utf8')));
const onOtherFilesystem = (d: CaseDirs) => join('/dev/shm', `carteira-hostile-${basename(d.root)}`);
const exportsIntact = (d: CaseDirs) => expect(Object.keys(snapshot(d.exports)).sort()).toEqual(Object.keys(SMALL_EXPORTS).sort());

const cases: HostileCase[] = [
  {
    name: '--out equal to --exports is refused before any work and every input file stays',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', d.exports, '--no-warehouse'],
    expect: { exit: 5, output: ['é a mesma pasta que --exports', 'Como corrigir'], check: exportsIntact },
  },
  {
    name: '--out inside --exports is refused',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', join(d.exports, 'marts'), '--no-warehouse'],
    expect: {
      exit: 5,
      output: ['fica dentro de --exports'],
      check: (d) => {
        exportsIntact(d);
        expect(exists(join(d.exports, 'marts'))).toBe(false);
      },
    },
  },
  {
    name: '--out containing --exports is refused',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', d.root, '--no-warehouse'],
    expect: { exit: 5, output: ['contém --exports'], check: exportsIntact },
  },
  {
    name: '--out reaching --exports through a symbolic link is refused',
    exports: SMALL_EXPORTS,
    setup: (d) => symlinkSync(d.exports, join(d.root, 'link')),
    args: (d) => ['--exports', d.exports, '--out', join(d.root, 'link'), '--no-warehouse'],
    expect: { exit: 5, output: ['é a mesma pasta que --exports'], check: exportsIntact },
  },
  {
    name: 'an --out folder holding files Carteira did not write (a .docx, a subfolder) is refused and they stay',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(join(d.out, 'fotos'), { recursive: true });
      writeFileSync(join(d.out, 'proposta.docx'), 'texto');
      writeFileSync(join(d.out, 'fotos', 'a.jpg'), 'jpg');
    },
    expect: {
      exit: 5,
      output: ['já contém arquivos que não foram gerados pelo Carteira', 'proposta.docx'],
      check: (d) => {
        expect(Object.keys(snapshot(d.out)).sort()).toEqual(['fotos/a.jpg', 'proposta.docx']);
        expect(readFileSync(join(d.out, 'proposta.docx'), 'utf8')).toBe('texto');
      },
    },
  },
  {
    name: 'an --out that is an existing file is refused and the file stays a file',
    exports: SMALL_EXPORTS,
    setup: (d) => writeFileSync(d.out, 'not a folder'),
    expect: { exit: 5, output: ['é um arquivo, não uma pasta'], check: (d) => expect(readFileSync(d.out, 'utf8')).toBe('not a folder') },
  },
  {
    name: 'a warehouse inside the exports folder is refused',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--warehouse', join(d.exports, 'w.duckdb')],
    expect: { exit: 5, output: ['fica dentro da pasta de exportações'], check: exportsIntact },
  },
  {
    name: 'a warehouse inside the marts folder is refused, since it would be published',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--warehouse', join(d.out, 'w.duckdb')],
    expect: { exit: 5, output: ['o warehouse (com os dados completos) seria publicado'] },
  },
  {
    name: 'a --warehouse that names an existing file which is not a DuckDB database is refused and kept',
    exports: SMALL_EXPORTS,
    setup: (d) => writeFileSync(join(d.root, 'planilha.xlsx'), 'PK...'),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--warehouse', join(d.root, 'planilha.xlsx')],
    expect: { exit: 5, output: ['não é um banco DuckDB'], check: (d) => expect(readFileSync(join(d.root, 'planilha.xlsx'), 'utf8')).toBe('PK...') },
  },
  {
    name: '--dist equal to --out is refused before the build starts',
    exports: SMALL_EXPORTS,
    command: 'build',
    args: (d) => ['--exports', d.exports, '--out', d.out, '--dist', d.out, '--no-warehouse'],
    expect: { exit: 5, output: ['--out', 'é a mesma pasta que --dist'] },
  },
  {
    name: '--dist inside --exports is refused',
    exports: SMALL_EXPORTS,
    command: 'build',
    args: (d) => ['--exports', d.exports, '--out', d.out, '--dist', join(d.exports, 'site'), '--no-warehouse'],
    expect: { exit: 5, output: ['--dist'], check: exportsIntact },
  },
  {
    name: 'a user file added later to a Carteira marts folder is kept by the next run',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      publishedBefore(d);
      writeFileSync(join(d.out, 'minhas-notas.txt'), 'notas');
    },
    expect: { exit: 0, output: ['mantendo 1 item(ns)'], check: (d) => expect(readFileSync(join(d.out, 'minhas-notas.txt'), 'utf8')).toBe('notas') },
  },
  {
    name: 'a marts folder from a Carteira version without a manifest is adopted without deleting anything',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(d.out, { recursive: true });
      for (const f of ['data_dictionary.parquet', 'load_summary.parquet', 'old_mart.parquet']) writeFileSync(join(d.out, f), 'old');
    },
    expect: {
      exit: 0,
      output: ['pasta de uma versão anterior do Carteira'],
      check: (d) => {
        expect(readFileSync(join(d.out, 'old_mart.parquet'), 'utf8')).toBe('old');
        expect(readFileSync(join(d.out, 'data_dictionary.parquet')).subarray(0, 4).toString()).toBe('PAR1');
      },
    },
  },
  {
    name: 'a staging folder left by a killed run of a dead process is removed at the next start',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      publishedBefore(d);
      mkdirSync(join(d.out, '.carteira-staging-999999', 'sub'), { recursive: true });
      writeFileSync(join(d.out, '.carteira-staging-999999', 'sub', 'big.parquet'), Buffer.alloc(1024));
      writeFileSync(join(d.out, '.carteira-staging-999999.json'), JSON.stringify({ pid: 999999, journal: join(d.out, '.carteira-commit.json') }));
    },
    expect: {
      exit: 0,
      output: ['removendo o que sobrou de uma execução interrompida'],
      check: (d) => expect(exists(join(d.out, '.carteira-staging-999999')) || exists(join(d.out, '.carteira-staging-999999.json'))).toBe(false),
    },
  },
  {
    name: 'an --out pointing at a folder holding the Carteira site is refused, so the site is not replaced by marts',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(d.dist, { recursive: true });
      writeFileSync(join(d.dist, 'index.html'), '<html></html>');
      writeFileSync(join(d.dist, '.carteira-manifest.json'), JSON.stringify({ tool: 'carteira', kind: 'site', files: ['index.html'] }));
    },
    args: (d) => ['--exports', d.exports, '--out', d.dist, '--no-warehouse'],
    expect: {
      exit: 5,
      output: ['guarda o site do Carteira, não os marts'],
      check: (d) => expect(readFileSync(join(d.dist, 'index.html'), 'utf8')).toBe('<html></html>'),
    },
  },
  {
    name: 'a manifest edited to list files outside its folder never makes the run delete them',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(d.out, { recursive: true });
      writeFileSync(
        join(d.out, '.carteira-manifest.json'),
        JSON.stringify({ tool: 'carteira', kind: 'marts', files: ['../exports/pedidos.csv', `${d.exports}/clientes.csv`] }),
      );
    },
    expect: { exit: 0, check: exportsIntact },
  },
  {
    name: 'a folder another live run is publishing to is refused with exit 7',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(d.out, { recursive: true });
      writeFileSync(join(d.out, '.carteira-lock'), String(process.pid));
    },
    expect: { exit: 7, output: [`outra execução do Carteira (processo ${process.pid})`] },
  },
  {
    name: 'a lock left by a dead process does not block the next run',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      mkdirSync(d.out, { recursive: true });
      writeFileSync(join(d.out, '.carteira-lock'), '999999');
    },
    expect: { exit: 0, check: (d) => expect(exists(join(d.out, '.carteira-lock'))).toBe(false) },
  },
  {
    // /dev/shm is a tmpfs, /tmp is not: the marts cross filesystems from the exports and the warehouse.
    name: 'marts on a different filesystem than the warehouse and the exports publish without EXDEV',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', onOtherFilesystem(d), '--warehouse', d.warehouse],
    expect: {
      exit: 0,
      check: (d) => {
        const out = onOtherFilesystem(d);
        try {
          expect(exists(join(out, 'customers.parquet'))).toBe(true);
          expect(readFileSync(d.warehouse).subarray(8, 12).toString()).toBe('DUCK');
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
    },
  },
  {
    name: 'an --out where the system lets nothing be created (inside /proc) stops with exit 3 instead of hanging',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', '/proc/1/carteira-marts', '--no-warehouse'],
    expect: { exit: 3, output: ['/proc/1/carteira-marts: o caminho não existe, ou o sistema não deixa criar nada ali (mkdir, ENOENT)'] },
  },
  {
    name: 'an --out on a read-only system folder stops with exit 3 naming the path',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', d.exports, '--out', '/sys/carteira-marts', '--no-warehouse'],
    expect: { exit: 3, output: [/\/sys\/carteira-marts: (operação não permitida|sem permissão|o disco é somente leitura)/] },
  },
  {
    name: 'an --exports folder that does not exist stops with exit 3 and never falls back to the demo data',
    args: (d) => ['--exports', join(d.root, 'exprots'), '--out', d.out, '--no-warehouse'],
    expect: {
      exit: 3,
      output: ['a pasta de exportações indicada em --exports não existe'],
      notOutput: ['DEMONSTRAÇÃO'],
      check: (d) => expect(exists(d.out)).toBe(false),
    },
  },
  {
    name: 'an --exports that is a file stops with exit 3',
    exports: SMALL_EXPORTS,
    args: (d) => ['--exports', join(d.exports, 'pedidos.csv'), '--out', d.out, '--no-warehouse'],
    expect: { exit: 3, output: ['--exports indica um arquivo, não uma pasta'], notOutput: ['DEMONSTRAÇÃO'] },
  },
  {
    name: 'an empty --exports folder stops with exit 3 instead of building the demo',
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse'],
    expect: { exit: 3, output: ['nenhum arquivo de pedidos (orders) encontrado'], notOutput: ['DEMONSTRAÇÃO'] },
  },
  {
    name: 'an --exports folder without an orders file stops with exit 3 and keeps the previous marts',
    exports: SMALL_EXPORTS,
    setup: (d) => {
      publishedBefore(d);
      writeFileSync(join(d.root, 'clientes.csv'), SMALL_EXPORTS['clientes.csv']!);
    },
    args: (d) => {
      const only = join(d.root, 'so-clientes');
      mkdirSync(only);
      writeFileSync(join(only, 'clientes.csv'), SMALL_EXPORTS['clientes.csv']!);
      return ['--exports', only, '--out', d.out, '--no-warehouse'];
    },
    expect: { exit: 3, output: ['nenhum arquivo de pedidos'], check: unchangedSinceBefore },
  },
  {
    name: 'an --as-of before the first order stops with exit 4 and the previous report stays byte for byte',
    exports: SMALL_EXPORTS,
    setup: publishedBefore,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2020-01-31'],
    expect: {
      exit: 4,
      output: ['é anterior ao primeiro pedido faturado (01/01/2026)', 'use uma data entre 2026-01-01 e 2026-02-01'],
      check: unchangedSinceBefore,
    },
  },
  {
    name: 'an --as-of long after the last order (stale exports) stops with exit 4',
    exports: SMALL_EXPORTS,
    setup: publishedBefore,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-12-01'],
    expect: { exit: 4, output: ['303 dias depois do último pedido faturado (01/02/2026), mais que o limite de 90 dias'], check: unchangedSinceBefore },
  },
  {
    name: 'the stale-exports margin is configurable',
    exports: SMALL_EXPORTS,
    setup: (d) => writeFileSync(join(d.root, 'config.json'), JSON.stringify({ as_of: { max_days_after_last_order: 400 } })),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '2026-12-01', '--config', join(d.root, 'config.json')],
    expect: { exit: 0 },
  },
  {
    name: 'exports whose orders are all canceled stop with exit 4: no report of nothing',
    exports: {
      'pedidos.csv': 'pedido;cliente;data;valor;status\nP1;C1;01/01/2026;10;cancelado\nP2;C2;15/01/2026;20;cancelado\n',
    },
    expect: {
      exit: 4,
      output: ['nenhum pedido faturado válido foi carregado (2 linha(s) de pedidos lidas, 0 rejeitada(s))'],
      check: (d) => expect(exists(d.out)).toBe(false),
    },
  },
];

describeHostileCases('outputs: Carteira touches only what it wrote, and never publishes fake or empty data', cases);
