import { describe, expect, it } from 'vitest';
import { missingInputMessage } from '../../src/lib/missingInput.ts';
import { formatBytes, formatValue } from '../../src/lib/formatValue.ts';

describe('missingInputMessage', () => {
  it('names the Portuguese file first and the English one as alternative', () => {
    expect(missingInputMessage('contracts', 'ver as renovações')).toBe(
      'Sem arquivo de contratos: inclua contratos.csv (ou contracts.csv) nas exportações para ver as renovações.',
    );
  });

  it('writes a multi-word label as a file name the loader recognizes', () => {
    expect(missingInputMessage('order_items', 'ver o mix de produtos')).toBe(
      'Sem arquivo de itens de pedido: inclua itens_de_pedido.csv (ou order_items.csv) nas exportações para ver o mix de produtos.',
    );
  });

  it('suggests only the English name when the label is not a recognized file name', () => {
    expect(missingInputMessage('marketing_spend', 'calcular o CAC')).toBe(
      'Sem arquivo de investimento em marketing: inclua marketing_spend.csv nas exportações para calcular o CAC.',
    );
  });
});

describe('formatValue', () => {
  it('formats cells by data-dictionary unit in pt-BR', () => {
    expect(formatValue(1234.5, 'brl')).toBe('R$\u00a01.234,50');
    expect(formatValue(60, 'percent')).toBe('60,0%');
    expect(formatValue(true, 'flag')).toBe('sim');
    expect(formatValue(null, 'number')).toBe('—');
    expect(formatValue(new Date(Date.UTC(2026, 9, 1)), 'month')).toBe('out/2026');
  });

  it('writes file sizes in decimal units with a comma', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(2_345)).toBe('2,3 kB');
    expect(formatBytes(4_500_000)).toBe('4,5 MB');
  });
});
