import { listMarts } from './readMart.ts';

let demo: Promise<boolean> | undefined;

/** Whether the report was built from Carteira's demo dataset: the exporter stamps every mart's metadata with data_source. */
export function reportIsDemo(): Promise<boolean> {
  demo ??= listMarts().then((marts) => marts.some((mart) => mart.metadata.data_source === 'demo'));
  return demo;
}
