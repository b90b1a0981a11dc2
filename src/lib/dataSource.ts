import { listMarts, oncePerMarts } from './readMart.ts';

/** Whether the report was built from Carteira's demo dataset: the exporter stamps every mart's metadata with data_source. */
export const reportIsDemo = oncePerMarts(async (): Promise<boolean> => (await listMarts()).some((mart) => mart.metadata.data_source === 'demo'));
