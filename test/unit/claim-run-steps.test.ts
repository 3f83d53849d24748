// The steps a background claim run takes: one agency each in a small area, about a twelfth of a large one each,
// the agencies already done left out (a run taken up again after a restart).
import { describe, expect, it } from 'vitest';
import { runSteps } from '../../server/src/billing/claim-run.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);

describe('runSteps', () => {
  it('takes one agency per step up to twelve agencies', () => {
    expect(runSteps(ids(8))).toEqual(ids(8).map((a) => [a]));
    expect(runSteps(ids(12))).toHaveLength(12);
  });
  it('takes a large area in about twelve steps of equal size', () => {
    const steps = runSteps(ids(72));
    expect(steps).toHaveLength(12);
    expect(steps.every((s) => s.length === 6)).toBe(true);
    expect(runSteps(ids(13)).map((s) => s.length)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    expect(steps.flat()).toEqual(ids(72));
  });
  it('leaves out the agencies done, keeping the step size of the whole run', () => {
    expect(runSteps(ids(72), ids(30)).flat()).toEqual(ids(72).slice(30));
    expect(runSteps(ids(72), ids(30))[0]).toHaveLength(6);
    expect(runSteps(ids(3), ids(3))).toEqual([]);
  });
});
