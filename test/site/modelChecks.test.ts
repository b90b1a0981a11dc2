import { describe, expect, it } from 'vitest';
import { compareHoldout, modelState } from '../../src/lib/modelChecks.ts';
import type { HoldoutRow, ModelFitRow } from '../../src/lib/modelChecks.ts';

const fit = (overrides: Partial<ModelFitRow>): ModelFitRow => ({
  model: 'bgnbd',
  r: null,
  alpha: null,
  a: null,
  b: null,
  p: null,
  q: null,
  v: null,
  log_likelihood: null,
  customers: 100,
  repeat_buyers: 10,
  converged: false,
  is_used: true,
  note: null,
  as_of_date: new Date(Date.UTC(2026, 10, 20)),
  ...overrides,
});
const holdout = (method: string, hits: number, suggestions = 200): HoldoutRow => ({
  method,
  customers: 80,
  suggestions,
  hits,
  hit_rate: suggestions ? hits / suggestions : null,
  distinct_suggestions: 40,
  distinct_hits: 5,
  holdout_months: 3,
  suggested_at_date: new Date(Date.UTC(2026, 7, 20)),
  as_of_date: new Date(Date.UTC(2026, 10, 20)),
});

describe('modelState', () => {
  it('uses a BG/NBD fit that converged with all four parameters', () => {
    expect(modelState(fit({ r: 2.5, alpha: 7, a: 0.4, b: 37, log_likelihood: -120, converged: true }))).toEqual({ fitted: true, reason: null });
  });

  it("says why a model fitted on thin data gave no predictions, in the pipeline's words", () => {
    const thin = fit({ note: 'poucos clientes com recompra para ajustar o modelo' });
    expect(modelState(thin)).toEqual({ fitted: false, reason: 'poucos clientes com recompra para ajustar o modelo' });
  });

  it('does not use a fit that did not converge, even with parameters', () => {
    expect(modelState(fit({ r: 2.5, alpha: 7, a: 0.4, b: 37 }))).toEqual({ fitted: false, reason: 'o ajuste não convergiu' });
  });

  it('does not use a Gamma-Gamma with q ≤ 1, whose mean spend per order is undefined', () => {
    const row = fit({ model: 'gamma_gamma', p: 1.1, q: 0.9, v: 500, converged: true, note: 'q ≤ 1: valor médio por pedido indefinido' });
    expect(modelState(row)).toEqual({ fitted: false, reason: 'q ≤ 1: valor médio por pedido indefinido' });
  });

  it('treats a model missing from model_fit as not fitted', () => {
    expect(modelState(undefined).fitted).toBe(false);
  });
});

describe('compareHoldout', () => {
  it('says by how much the peer-group method beats the baseline: 30 of 200 against 20 of 200', () => {
    // 15% − 10% = 5 percentage points; 0.15 ÷ 0.10 = 1.5 times.
    const result = compareHoldout([holdout('peer_group', 30), holdout('popularity', 20)])!;
    expect(result.pointsAhead).toBeCloseTo(5, 10);
    expect(result.ratio).toBeCloseTo(1.5, 10);
    expect(result.verdict).toBe(
      'As sugestões por clientes semelhantes acertaram mais que as mais vendidas: 15,0% contra 10,0%, 5,0 pontos percentuais a mais, 1,50 vez a taxa da referência.',
    );
  });

  it('writes the singular below two points: 69 of 4.045 against 61 of 4.045', () => {
    // 1.7058% − 1.5080% = 0.198 points; 69 ÷ 61 = 1.131.
    const result = compareHoldout([holdout('peer_group', 69, 4045), holdout('popularity', 61, 4045)])!;
    expect(result.verdict).toBe(
      'As sugestões por clientes semelhantes acertaram mais que as mais vendidas: 1,7% contra 1,5%, 0,2 ponto percentual a mais, 1,13 vez a taxa da referência.',
    );
  });

  it('says plainly when the method does not beat the baseline', () => {
    const result = compareHoldout([holdout('peer_group', 16), holdout('popularity', 20)])!;
    expect(result.pointsAhead).toBeCloseTo(-2, 10);
    expect(result.verdict).toBe(
      'As sugestões por clientes semelhantes acertaram menos que as mais vendidas: 8,0% contra 10,0%, 2,0 pontos percentuais a menos. O método não supera a referência nestes dados.',
    );
  });

  it('has nothing to compare without suggestions, and nothing at all without both methods', () => {
    expect(compareHoldout([holdout('peer_group', 0, 0), holdout('popularity', 0, 0)])!.ratio).toBeNull();
    expect(compareHoldout([holdout('peer_group', 3)])).toBeNull();
  });
});
