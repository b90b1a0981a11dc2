import type { MartSpec } from '../marts.ts';
import { asOf } from './columnDocs.ts';

/** Marts over the loader's own tables (load_summary, rejects): the totals the Dados page states. */
export const loadMarts = [
  {
    name: 'load_totals',
    grain_pt: 'uma linha: a carga desta execução somada, sobre load_summary e rejects',
    grain_en: 'one row: the load of this run in total, over load_summary and rejects',
    orderBy: 'as_of_date',
    columns: {
      files: [
        'Arquivos lidos: linhas de load_summary com entidade (um arquivo lido como várias entidades conta uma vez por entidade)',
        'Files read: rows of load_summary with an entity (a file read as several entities counts once per entity)',
        'count',
      ],
      unread_files: [
        'Arquivos da pasta de exportações que não foram lidos (o nome não corresponde a nenhuma entidade): linhas de load_summary sem entidade',
        'Files of the exports folder left unread (their name matches no entity): rows of load_summary without an entity',
        'count',
      ],
      read: ['Linhas de dados lidas, somadas em load_summary', 'Data records read, summed over load_summary', 'count'],
      loaded: ['Linhas carregadas, somadas em load_summary', 'Records loaded, summed over load_summary', 'count'],
      rejected: ['Linhas rejeitadas, somadas em load_summary', 'Records rejected, summed over load_summary', 'count'],
      rejected_records: [
        'Linhas rejeitadas que eram registros: as rejeitadas menos as linhas de total e os cabeçalhos repetidos de um relatório',
        "Rejected lines that were records: the rejected ones less a report's total lines and repeated headers",
        'count',
      ],
      problem_rows: [
        'Problemas listados em rejects (linhas rejeitadas e valores anulados com aviso, um por coluna)',
        'Problems listed in rejects (rejected rows and values nulled with a warning, one per column)',
        'count',
      ],
      open_orders: [
        'Pedidos em aberto (orçamento, pendente…) das exportações de pedidos: ainda não são vendas, fora dos números',
        'Orders still open (quote, pending…) in the orders exports: no sale yet, left out of the figures',
        'count',
      ],
      as_of_date: asOf,
    },
  },
] as const satisfies readonly MartSpec[];
