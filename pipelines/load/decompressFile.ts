import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { LoadError } from './loadError.ts';

/**
 * Streams a gzip-compressed export (`pedidos.csv.gz`) into its plain copy in the scratch folder, which
 * the loader then reads like any export: its line numbers are those of the decompressed text, the file
 * a person opens. A damaged or cut-short archive stops the run with the file's name.
 */
export async function gunzipTo(source: string, target: string, displayName: string): Promise<string> {
  try {
    await pipeline(createReadStream(source, { highWaterMark: 4 * 1024 * 1024 }), createGunzip(), createWriteStream(target, { highWaterMark: 4 * 1024 * 1024 }));
  } catch (error) {
    throw new LoadError(
      displayName,
      `não foi possível descomprimir o arquivo gzip (${(error as Error).message})`,
      'o arquivo está danificado ou incompleto: baixe ou exporte-o de novo, ou descomprima-o e deixe o CSV na pasta',
    );
  }
  return target;
}
