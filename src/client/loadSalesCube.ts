import { decodeSalesFile, type SalesCube, type SalesFilterFile } from '../lib/salesFilterFile.ts';

const cached = new Map<string, Promise<SalesCube>>();

/** Fetches and decodes a sales filter file once per page; a failed fetch is forgotten so the next filter retries. */
export function loadSalesCube(src: string): Promise<SalesCube> {
  let cube = cached.get(src);
  if (!cube) {
    cube = fetch(src)
      .then((response) => {
        if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
        return response.json() as Promise<SalesFilterFile>;
      })
      .then(decodeSalesFile)
      .catch((error: unknown) => {
        cached.delete(src);
        throw error;
      });
    cached.set(src, cube);
  }
  return cube;
}
