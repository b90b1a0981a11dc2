import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeHostileCases, type HostileCase } from './hostileCase.ts';

const orders = { 'pedidos.csv': 'pedido;cliente;data;valor\nP1;C1;01/01/2026;10\n' };

const cases: HostileCase[] = [
  {
    name: 'an unknown flag stops with exit 2 and the way to list the accepted ones, in Portuguese',
    exports: orders,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--saida', 'x'],
    expect: { exit: 2, output: ['Erro: opção desconhecida --saida', 'npm run pipeline -- --help'] },
  },
  {
    name: 'an --as-of that is not a date stops with exit 2 and an example',
    exports: orders,
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--as-of', '31/10/2026'],
    expect: { exit: 2, output: ['--as-of espera uma data no formato AAAA-MM-DD, recebeu "31/10/2026"'] },
  },
  {
    name: 'a flag without its value stops with exit 2',
    exports: orders,
    args: (d) => ['--exports', d.exports, '--no-warehouse', '--out'],
    expect: { exit: 2, output: ['a opção --out precisa de um valor'] },
  },
  {
    name: 'a --config with a misspelled rule stops with exit 3, naming the rule and where it sits, in Portuguese',
    exports: orders,
    setup: (d) => writeFileSync(join(d.root, 'regras.json'), JSON.stringify({ rejects: { per_entity: { pedidos: 0.2 } }, lifecycle: { new_dayz: 60 } })),
    args: (d) => ['--exports', d.exports, '--out', d.out, '--no-warehouse', '--config', join(d.root, 'regras.json')],
    expect: { exit: 3, output: ['configuração inválida', 'rejects.per_entity', 'lifecycle', 'new_dayz'], notOutput: ['Unrecognized'] },
  },
];

describeHostileCases('command-line mistakes', cases);
