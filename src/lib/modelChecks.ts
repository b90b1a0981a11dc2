import { formatNumber, formatShare } from '../../pipelines/contract/locale.ts';
import { martExists, readMart } from './readMart.ts';
import type { MartRow } from './martRows.ts';

export type ModelFitRow = MartRow<'model_fit'>;
export type HoldoutRow = MartRow<'recommendation_holdout'>;

/** The parameters each model has, in the order the data dictionary lists them. */
export const MODEL_PARAMETERS: Record<string, Array<keyof ModelFitRow & string>> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  gamma_gamma: ['p', 'q', 'v'],
};

/** Whether a model's predictions are on the customers mart, and why not when they are not. */
export interface ModelState {
  fitted: boolean;
  /** Why the model gave no predictions (the pipeline's note, or what the row shows); null when fitted. */
  reason: string | null;
}

/**
 * Reads a model_fit row the way customerValueModel.ts writes it: a model is used only when it was fitted,
 * converged and was not degenerate (is_used; thin data leaves every parameter NULL); the Gamma-Gamma also needs q > 1, or its mean
 * spend per order is undefined. A missing row means the pipeline never ran the model.
 */
export function modelState(row: ModelFitRow | undefined): ModelState {
  if (!row) return { fitted: false, reason: 'o pipeline não publicou o ajuste deste modelo' };
  const parameters = MODEL_PARAMETERS[row.model] ?? [];
  const complete = parameters.length > 0 && parameters.every((p) => typeof row[p] === 'number');
  const spendDefined = row.model !== 'gamma_gamma' || (row.q ?? 0) > 1;
  if (complete && row.converged && spendDefined && row.is_used !== false) return { fitted: true, reason: null };
  return { fitted: false, reason: row.note ?? (row.converged ? 'parâmetros ausentes' : 'o ajuste não convergiu') };
}

/** How the peer-group suggestions did against the popularity baseline in the holdout. */
export interface HoldoutComparison {
  method: HoldoutRow;
  baseline: HoldoutRow;
  /** Hit rate of the method minus the baseline's, in percentage points; null without suggestions. */
  pointsAhead: number | null;
  /** Method's hit rate ÷ the baseline's; null when the baseline never hit. */
  ratio: number | null;
  /** One sentence in Portuguese for the report. */
  verdict: string;
}

/** Compares the peer_group row with the popularity row; null unless both are there. */
export function compareHoldout(rows: HoldoutRow[]): HoldoutComparison | null {
  const method = rows.find((r) => r.method === 'peer_group');
  const baseline = rows.find((r) => r.method === 'popularity');
  if (!method || !baseline) return null;
  if (method.hit_rate === null || baseline.hit_rate === null) {
    return { method, baseline, pointsAhead: null, ratio: null, verdict: 'Sem sugestões de cross-sell no período escondido: não há o que comparar.' };
  }
  const pointsAhead = (method.hit_rate - baseline.hit_rate) * 100;
  const ratio = baseline.hit_rate > 0 ? method.hit_rate / baseline.hit_rate : null;
  const rates = `${formatShare(method.hit_rate)} contra ${formatShare(baseline.hit_rate)}`;
  const points = formatNumber(Math.abs(pointsAhead), { digits: 1 });
  // Portuguese takes the singular below 2 ("1,5 ponto percentual", "1,13 vez").
  const pointsText = `${points} ${Math.round(Math.abs(pointsAhead) * 10) / 10 < 2 ? 'ponto percentual' : 'pontos percentuais'}`;
  const times = ratio === null ? '' : `, ${formatNumber(ratio, { digits: 2 })} ${ratio < 2 ? 'vez' : 'vezes'} a taxa da referência`;
  const verdict =
    pointsAhead > 0
      ? `As sugestões por clientes semelhantes acertaram mais que as mais vendidas: ${rates}, ${pointsText} a mais${times}.`
      : pointsAhead === 0
        ? `As sugestões por clientes semelhantes acertaram tanto quanto as mais vendidas (${formatShare(method.hit_rate)}): não superam a referência.`
        : `As sugestões por clientes semelhantes acertaram menos que as mais vendidas: ${rates}, ${pointsText} a menos. O método não supera a referência nestes dados.`;
  return { method, baseline, pointsAhead, ratio, verdict };
}

/** The model_fit rows (bgnbd first) and the holdout rows; empty lists when the marts are missing. */
export async function loadModelChecks(): Promise<{ fits: ModelFitRow[]; holdout: HoldoutRow[] }> {
  const fits = martExists('model_fit') ? await readMart('model_fit', { orderBy: 'model' }) : [];
  const holdout = martExists('recommendation_holdout') ? await readMart('recommendation_holdout', { orderBy: 'method' }) : [];
  return { fits, holdout };
}
