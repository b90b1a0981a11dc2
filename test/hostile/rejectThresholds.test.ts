import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { describeHostileCases, runCli, snapshot as filesAndHashes, type CaseDirs, type HostileCase } from './hostileCase.ts';

const H = 'pedido;cliente;data;valor\n';
/** n orders, the first `bad` of them (lines 2, 3, …) with an impossible date. */
const orders = (n: number, bad: number) => H + Array.from({ length: n }, (_, k) => `P${k + 1};C1;${k < bad ? '32/01/2026' : '05/01/2026'};10\n`).join('');
/** n leads, the first `bad` of them without a creation date. */
const leads = (n: number, bad: number) =>
  'lead;criado em;situacao\n' + Array.from({ length: n }, (_, k) => `L${k + 1};${k < bad ? '' : '05/01/2026'};aberto\n`).join('');

/** A config file in the case's root, and the flags that use it. */
const withConfig =
  (config: object, extra: string[] = []) =>
  (d: CaseDirs) => {
    writeFileSync(join(d.root, 'config.json'), JSON.stringify(config));
    return ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--config', join(d.root, 'config.json'), ...extra];
  };

/** Publishes clean marts first, so a stopped run can be shown to leave them as they were. */
const previous = new Map<string, Record<string, string>>();
function publishPrevious(d: CaseDirs): void {
  const clean = join(d.root, 'clean');
  mkdirSync(clean);
  writeFileSync(join(clean, 'pedidos.csv'), orders(10, 0));
  const run = runCli('pipeline', ['--exports', clean, '--out', d.out, '--no-warehouse']);
  if (run.exit !== 0) throw new Error(`the clean run failed: ${run.output}`);
  previous.set(d.root, snapshot(d.out));
}
/** Every file of the marts folder (history snapshots included) with its content's hash. */
const snapshot = (dir: string) => filesAndHashes(dir);

const cases: HostileCase[] = [
  {
    name: '6 of 100 orders rejected stops with exit 4 before publishing: the previous marts stay, and the message names the share, the reason and the lines',
    exports: { 'pedidos.csv': orders(100, 6) },
    setup: publishPrevious,
    expect: {
      exit: 4,
      output: [
        'pedidos: 6 de 100 linhas rejeitadas (6,0%), acima do limite de 5%; nada foi publicado e os marts anteriores foram mantidos',
        'pedidos: bad_date (6)',
        'pedidos.csv:2, coluna "data", valor "32/01/2026": bad_date',
        'pedidos.csv:4, coluna "data", valor "32/01/2026": bad_date',
        '--accept-rejects',
      ],
      check: (d) => expect(snapshot(d.out)).toEqual(previous.get(d.root)),
    },
  },
  {
    name: '6 of 100 orders rejected with --accept-rejects publishes, with a loud warning',
    exports: { 'pedidos.csv': orders(100, 6) },
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--accept-rejects'],
    expect: {
      exit: 0,
      output: ['ATENÇÃO: publicando com rejeições acima do limite, como pedido por --accept-rejects: pedidos: 6 de 100 linhas rejeitadas (6,0%)'],
      summary: { 'pedidos.csv': { read: 100, loaded: 94, rejected: 6 } },
      reasons: { 'pedidos.csv:bad_date': 6 },
    },
  },
  {
    name: '4 of 100 orders rejected publishes, saying how close to the limit the run came',
    exports: { 'pedidos.csv': orders(100, 4) },
    expect: {
      exit: 0,
      output: ['Rejeições dentro do limite: pedidos: 4 de 100 linhas rejeitadas (4,0%), limite de 5%'],
      notOutput: ['ATENÇÃO'],
      summary: { 'pedidos.csv': { read: 100, loaded: 96, rejected: 4 } },
    },
  },
  {
    name: 'exactly 5 of 100 orders rejected is within a 5% limit',
    exports: { 'pedidos.csv': orders(100, 5) },
    expect: { exit: 0, summary: { 'pedidos.csv': { read: 100, loaded: 95, rejected: 5 } } },
  },
  {
    name: 'a per-entity limit in --config lets 3 of 10 leads (30%) be rejected',
    exports: { 'pedidos.csv': orders(20, 0), 'leads.csv': leads(10, 3) },
    args: withConfig({ rejects: { per_entity: { leads: 0.3 } } }),
    expect: {
      exit: 0,
      output: ['Rejeições dentro do limite: leads: 3 de 10 linhas rejeitadas (30,0%), limite de 30%'],
      summary: { 'leads.csv': { read: 10, loaded: 7, rejected: 3 } },
    },
  },
  {
    name: "a per-entity limit for leads leaves the orders' 5% in force",
    exports: { 'pedidos.csv': orders(100, 6), 'leads.csv': leads(10, 3) },
    args: withConfig({ rejects: { per_entity: { leads: 0.3 } } }),
    expect: {
      exit: 4,
      output: ['pedidos: 6 de 100 linhas rejeitadas (6,0%), acima do limite de 5%'],
      notOutput: ['leads: 3 de 10 linhas rejeitadas (30,0%), acima'],
    },
  },
  {
    name: 'a global max_share of 10% in --config lets 6% of the orders be rejected',
    exports: { 'pedidos.csv': orders(100, 6) },
    args: withConfig({ rejects: { max_share: 0.1 } }),
    expect: { exit: 0, output: ['limite de 10%'], summary: { 'pedidos.csv': { rejected: 6 } } },
  },
  {
    name: 'warnings never count: every customer with an unknown UF still publishes',
    exports: { 'pedidos.csv': orders(2, 0), 'clientes.csv': 'cliente;uf\nC1;ZZ\nC2;XX\n' },
    expect: { exit: 0, notOutput: ['acima do limite', 'Rejeições dentro do limite'], summary: { 'clientes.csv': { loaded: 2, rejected: 0, warnings: 2 } } },
  },
  {
    name: 'the examples of a stopped run never print a raw line, which may hold an e-mail',
    exports: {
      'pedidos.csv': orders(2, 0),
      'clientes.csv': 'cliente;email\nC1;ana@x.com.br\nC2;bia@x.com.br;extra\n' + Array.from({ length: 8 }, (_, k) => `D${k};d${k}@x.com.br\n`).join(''),
    },
    expect: {
      exit: 4,
      output: ['clientes: 1 de 10 linhas rejeitadas (10,0%), acima do limite de 5%', 'clientes.csv:3: too_many_columns'],
      notOutput: ['bia@x.com.br'],
    },
  },
  {
    name: 'a per-entity limit for an entity that does not exist stops with exit 3 and the path of the mistake',
    exports: { 'pedidos.csv': orders(2, 0) },
    args: withConfig({ rejects: { per_entity: { pedidos: 0.2 } } }),
    expect: { exit: 3, output: ['configuração inválida: rejects.per_entity: Chave inválida: "pedidos"'] },
  },
];

describeHostileCases('reject thresholds', cases);
