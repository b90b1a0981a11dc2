import { stat } from 'node:fs/promises';
import { draftMapping } from '../mapping/draftMapping.ts';
import { Database } from '../warehouse/database.ts';
import { LoadError } from '../load/loadError.ts';
import { parseCommandLine, runMain } from './args.ts';

const spec = {
  name: 'mapping',
  summary:
    'Imprime um rascunho de arquivo de mapeamento (JSON) a partir dos cabeçalhos e de uma amostra dos valores das exportações: ' +
    'entidade de cada arquivo, colunas, formato das datas e separador decimal. Revise-o, salve-o (ex.: mapping.json) e use-o com --mapping.',
  flags: {
    exports: { type: 'string', help: 'pasta com os arquivos exportados do CRM/ERP', default: 'data/exports', value: 'PASTA' },
  },
} as const;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const dir = args.exports ?? 'data/exports';
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new LoadError(dir, 'a pasta de exportações não existe ou não é uma pasta', 'indique a pasta com --exports PASTA');
  const db = await Database.open();
  try {
    const { mapping, notes } = await draftMapping(db, dir);
    console.log(JSON.stringify(mapping, null, 2));
    // Notes go to stderr so that `npm run mapping -- --exports X > mapping.json` writes only the JSON.
    for (const note of notes) console.error(`Nota: ${note}`);
  } finally {
    db.close();
  }
});
