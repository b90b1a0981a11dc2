import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../../src/lib/excelCsv.ts';
import { martCsvColumns } from '../../src/lib/martCsvColumns.ts';
import { tempMartsDir } from '../helpers/fixtures.ts';

describe('martCsvColumns', () => {
  // A labels mart, complete by its contract, with the used_in forms the real one has: columns, an export note and a wildcard.
  tempMartsDir('carteira-csv-columns-', async (connection, dir) => {
    await connection.run(`copy (select field, value, label_pt, null::varchar as label_en, sort_order, used_in, date '2026-10-31' as as_of_date from (values
        ('status', 'at_risk', 'Em risco (ritmo)', 1, 'customers.status, status_changes.previous_status'),
        ('status', 'lost', 'Perdido (ex-cliente)', 2, 'customers.status, status_changes.previous_status'),
        ('state', 'SP', 'São Paulo', 1, 'customers.state'),
        ('order_status', 'canceled', 'Cancelado', 1, 'orders export (status); kpis_monthly.canceled_*')
      ) as t(field, value, label_pt, sort_order, used_in))
      to '${join(dir, 'labels.parquet')}' (format parquet)`);
  });

  it('titles each column with its Portuguese name and gives a coded column its labels, keeping the UF', async () => {
    const columns = await martCsvColumns('customers', [
      { name: 'customer_id', type: 'VARCHAR' },
      { name: 'state', type: 'VARCHAR' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'revenue', type: 'DECIMAL(18,2)' },
    ]);
    expect(columns.map((c) => [c.name, c.header, c.labels ? Object.fromEntries(c.labels) : null])).toEqual([
      ['customer_id', 'Código do cliente', null],
      ['state', 'UF', null],
      ['status', 'Situação', { at_risk: 'Em risco (ritmo)', lost: 'Perdido (ex-cliente)' }],
      ['revenue', 'Faturamento total (R$)', null],
    ]);
  });

  it("uses the mart's own name for a column where it differs, and the snake_case name only when the contract has none", async () => {
    const columns = await martCsvColumns('status_changes', [
      { name: 'previous_status', type: 'VARCHAR' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'not_in_contract', type: 'VARCHAR' },
    ]);
    expect(columns.map((c) => [c.header, c.labels?.get('lost') ?? null])).toEqual([
      ['Situação anterior', 'Perdido (ex-cliente)'],
      ['Situação hoje', null],
      ['not_in_contract', null],
    ]);
  });

  it("writes the settings with each rule's Portuguese name beside its code and the values in the rule's unit", async () => {
    const columns = await martCsvColumns('settings', [
      { name: 'setting', type: 'VARCHAR' },
      { name: 'value', type: 'VARCHAR' },
      { name: 'default_value', type: 'VARCHAR' },
      { name: 'is_default', type: 'BOOLEAN' },
    ]);
    expect(columns.map((c) => c.header)).toEqual(['Regra', 'Código da regra', 'Valor usado', 'Valor padrão', 'Usa o padrão']);
    const lines = csvLines(columns, [
      { setting: 'abc.a_share', value: '0.75', default_value: '0.8', is_default: false },
      { setting: 'privacy.pseudonymize_person_names', value: 'true', default_value: 'true', is_default: true },
      { setting: 'rejects.per_entity.leads', value: '0.2', default_value: null, is_default: false },
    ]).split('\r\n');
    expect(lines).toEqual([
      'Classe A: até esta parcela do faturamento acumulado;abc.a_share;75%;80%;FALSO',
      'Pseudônimo no nome de pessoas físicas;privacy.pseudonymize_person_names;Sim;Sim;VERDADEIRO',
      'Máximo de linhas rejeitadas no arquivo de leads;rejects.per_entity.leads;20%;;FALSO',
      '',
    ]);
  });
});
