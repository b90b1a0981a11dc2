import { decodeSalesFile, type SalesCube, type SalesFilterFile } from '../lib/salesFilterFile.ts';

let cached: Promise<SalesCube> | undefined;

/** Fetches and decodes the sales filter file once per page; a failed fetch is forgotten so the next filter retries. */
export function loadSalesCube(src: string): Promise<SalesCube> {
  cached ??= fetch(src)
    .then((response) => {
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      return response.json() as Promise<SalesFilterFile>;
    })
    .then(decodeSalesFile)
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}
