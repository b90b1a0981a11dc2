import { formatMonth, formatNumber, formatShare } from '../../pipelines/contract/locale.ts';

/** How a change is measured: relative (+3,2%) for amounts and counts, in percentage points for rates. */
export type ChangeKind = 'relative' | 'points';
/** Which direction is good news; `neutral` for measures where neither is (e.g. concentration). */
export type Better = 'up' | 'down' | 'neutral';

/** A change of a measure against a reference month, ready to show. */
export interface MonthChange {
  reference: Date;
  /** "+3,2%" / "−1,4 p.p." / "estável". */
  text: string;
  direction: 'up' | 'down' | 'flat';
  tone: 'good' | 'bad' | 'neutral';
  /** "vs set/2026". */
  against: string;
}

const monthKey = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/**
 * The month the headline cards describe: the last complete month (the as-of month only when the as-of
 * date is its last day, which the pipeline flags with is_partial_month = false). Null without one.
 */
export function headlineIndex(rows: Array<{ is_partial_month: boolean }>): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i]!.is_partial_month) return i;
  return -1;
}

/** The row of the month `offset` months away from `month` (e.g. −1, −12), or undefined. */
export function rowAt<T extends { month: Date }>(rows: T[], month: Date, offset: number): T | undefined {
  const key = monthKey(month) + offset;
  return rows.find((row) => monthKey(row.month) === key);
}

/**
 * The change from `reference` to `current`. Relative changes need a non-zero reference; a scale of 100
 * turns 0-1 shares into percentage points. Changes that round to zero read "estável".
 */
export function monthChange(
  current: number | null | undefined,
  reference: number | null | undefined,
  referenceMonth: Date,
  kind: ChangeKind,
  better: Better,
  pointsScale = 1,
): MonthChange | null {
  if (current === null || current === undefined || reference === null || reference === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(reference)) return null;
  let delta: number;
  let text: string;
  if (kind === 'relative') {
    if (reference === 0) return null;
    delta = (current - reference) / Math.abs(reference);
    text = formatShare(Math.abs(delta));
  } else {
    delta = (current - reference) * pointsScale;
    text = `${formatNumber(Math.abs(delta), { digits: 1 })} p.p.`;
  }
  const zero = kind === 'relative' ? formatShare(0) : `${formatNumber(0, { digits: 1 })} p.p.`;
  const direction = text === zero ? 'flat' : delta > 0 ? 'up' : 'down';
  const tone = direction === 'flat' || better === 'neutral' ? 'neutral' : direction === better ? 'good' : 'bad';
  return {
    reference: referenceMonth,
    text: direction === 'flat' ? 'estável' : `${direction === 'up' ? '+' : '−'}${text}`,
    direction,
    tone,
    against: `vs ${formatMonth(referenceMonth)}`,
  };
}
