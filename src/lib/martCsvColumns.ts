import { columnLabel } from '../../pipelines/contract/columnLabels.ts';
import type { CsvColumn } from './excelCsv.ts';
import { codedColumnLabels } from './labels.ts';
import type { MartColumn } from './readMart.ts';

/**
 * The columns of a mart's Excel CSV: each mart column under its Portuguese name from the contract
 * (pipelines/contract/columnLabels.ts; the snake_case name when it has none), and a coded column's keys
 * replaced by their Portuguese labels from the labels mart. The Parquet download keeps names and codes.
 */
export async function martCsvColumns(mart: string, columns: MartColumn[]): Promise<CsvColumn[]> {
  const coded = await codedColumnLabels();
  return columns.map((column) => ({
    ...column,
    header: columnLabel(mart, column.name) ?? column.name,
    ...(coded.has(`${mart}.${column.name}`) ? { labels: coded.get(`${mart}.${column.name}`) } : {}),
  }));
}
