import { columnLabel } from '../../pipelines/contract/columnLabels.ts';
import { formatSettingValue, settingName } from '../../pipelines/contract/settingNames.ts';
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
  const named = columns.map((column) => ({
    ...column,
    header: columnLabel(mart, column.name) ?? column.name,
    ...(coded.has(`${mart}.${column.name}`) ? { labels: coded.get(`${mart}.${column.name}`) } : {}),
  }));
  return mart === 'settings' ? settingsCsvColumns(named) : named;
}

/**
 * The settings download, read by whoever checks the rules of a run: each rule's Portuguese name first, its
 * code (the section.field of the --config file) beside it, and the values written in the rule's unit
 * ("80%", "90 dias", "R$ 1.000", "Sim") instead of the config file's "0.8", "90", "1000", "true".
 */
function settingsCsvColumns(columns: CsvColumn[]): CsvColumn[] {
  const setting = (row: Record<string, unknown>) => String(row.setting ?? '');
  return columns.flatMap((column): CsvColumn[] => {
    if (column.name === 'setting') {
      return [
        { ...column, header: 'Regra', value: (row) => settingName(setting(row))?.name ?? setting(row) },
        { ...column, header: 'Código da regra' },
      ];
    }
    if (column.name === 'value' || column.name === 'default_value') {
      return [{ ...column, value: (row) => formatSettingValue(setting(row), row[column.name] as string | null) }];
    }
    return [column];
  });
}
