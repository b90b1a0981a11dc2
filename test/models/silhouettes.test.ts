import { describe, expect, it } from 'vitest';
import { silhouettes } from '../../pipelines/models/fitClusters.ts';

describe('silhouettes', () => {
  // four points on a line, 0, 1, 10 and 11, grouped two ways
  const points = [[0], [1], [10], [11]];
  const pairs = { clusters: [0, 0, 1, 1], k: 2 };
  const oneAlone = { clusters: [0, 1, 1, 1], k: 2 };

  it('gives each fit its mean silhouette, worked by hand', () => {
    // pairs: a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5 → s = 9.5/10.5, 8.5/9.5, 8.5/9.5, 9.5/10.5
    // one alone: 0 (alone); point 1: a = 9.5, b = 1 → −8.5/9.5; point 10: a = 5, b = 10 → 0.5; point 11: a = 5.5, b = 11 → 0.5
    const [first, second] = silhouettes(points, [pairs, oneAlone]);
    expect(first).toBeCloseTo((2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4, 12);
    expect(second).toBeCloseTo((0 - 8.5 / 9.5 + 0.5 + 0.5) / 4, 12);
  });

  it('measures several fits at once exactly as each alone', () => {
    const together = silhouettes(points, [pairs, oneAlone]);
    expect(together).toEqual([silhouettes(points, [pairs])[0], silhouettes(points, [oneAlone])[0]]);
  });
});
