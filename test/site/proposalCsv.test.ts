import { describe, expect, it } from 'vitest';
import { proposalColumns, proposalCsv } from '../../src/lib/equilibrio.ts';
import type { FieldLabels } from '../../src/lib/labels.ts';
import type { ReassignmentRow } from '../../src/lib/equilibrio.ts';

const regions: FieldLabels = { label: (value) => (value === 'sudeste' ? 'Sudeste' : String(value)), order: ['sudeste'] };
const move: ReassignmentRow = {
  step: 1,
  phase: 'orphaned',
  customer_id: 'C08',
  customer_name: 'Hotel Oito Ltda',
  segment: 'Hotel',
  state: 'SP',
  region: 'sudeste',
  status: 'new',
  from_seller_id: null,
  from_seller_name: null,
  from_seller_label: null,
  to_seller_id: 'V2',
  to_seller_name: 'Bruno Reis',
  to_seller_label: 'Bruno Reis (V2)',
  reason_pt: 'Cliente sem vendedor; destino com a menor carga da região',
  is_same_segment: false,
  is_active_portfolio: true,
  window_revenue: 1200.5,
  potential: null,
  workload: 0.2727,
  from_workload_after: null,
  to_workload_after: 0.5455,
  workload_cv_after: 0.6374,
  as_of_date: new Date(Date.UTC(2026, 2, 31)),
};

describe('the reassignment proposal CSV', () => {
  it('writes Portuguese headers, names with codes beside them, decimal commas and dd/mm/aaaa for Brazilian Excel', () => {
    const lines = proposalCsv([move], regions, 12).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      `\ufeff${proposalColumns(12)
        .map((c) => c.name)
        .join(';')}`,
    );
    expect(lines[0]).toContain(';Faturamento 12 meses (R$);Potencial 12 meses (R$);');
    expect(lines[1]).toBe(
      '1;C08;Hotel Oito Ltda;Hotel;SP;Sudeste;;Bruno Reis (V2);"Cliente sem vendedor; destino com a menor carga da região";FALSO;1200,5;;0,2727;0,5455;0,6374;31/03/2026',
    );
    expect(lines[2]).toBe('');
  });

  it("names the revenue column for the customers' window the run used (windows.segmentation_months)", () => {
    const [header, row] = proposalCsv([move], regions, 6).toString('utf8').split('\r\n');
    expect(header).toContain(';Faturamento 6 meses (R$);Potencial 12 meses (R$);');
    expect(row).toContain(';1200,5;');
    expect(proposalColumns(1).map((c) => c.name)).toContain('Faturamento 1 mês (R$)');
  });
});
