// The settlement in SQL (billing.generate-sql.ts) against its TypeScript statement (billing.rules.ts settleMonth)
// on random months (fast-check): every line, to the fen, and the claim's totals; then regenerating, which
// replaces the draft whole and gives the same claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.ts';
import { openOrm } from '../../server/src/app/orm.ts';
import { generateClaims } from '../../server/src/billing/billing.generate-sql.ts';
import { claimTotals, settleMonth, type ClaimLineResult } from '../../server/src/billing/billing.rules.ts';
import { drawWorld, factsOf, insertWorld, type World } from '../helpers/billing-world.ts';

let orm: MikroORM;
const sql = <T = any>(q: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(q, params);

beforeAll(async () => {
  orm = (await openOrm(await createTestDatabase(), { poolMax: 4 })) as MikroORM;
});
afterAll(async () => {
  await orm?.close(true);
});

async function generate(w: World) {
  return orm.em.fork().transactional((em) =>
    generateClaims(em as unknown as EntityManager, { poolingArea: w.area, month: w.month, agencyIds: [w.agencyId], userId: w.userId, benefits: w.benefits, deductOpenFindings: w.deductOpenFindings, now: new Date() }),
  );
}

type Stored = Omit<ClaimLineResult, 'adjustment'> & { adjustment: ClaimLineResult['adjustment'] };

async function storedLines(claimId: string): Promise<Stored[]> {
  const rows = await sql(
    `select kind, person_id, care_form, level, covered_days, billable_days, gross_fen::float8 as gross, cap_fen::float8 as cap, eligible_fen::float8 as eligible,
            excess_fen::float8 as excess, fund_fen::float8 as fund, copay_fen::float8 as copay, deducted_fen::float8 as deducted, deductions,
            visit_ids, visit_fen, stay_ids, adjustment_reason, source_id
       from claim_line where claim_id = ? order by position`,
    [claimId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    personId: r.person_id,
    form: r.care_form,
    level: r.level,
    coveredDays: r.covered_days,
    billableDays: r.billable_days,
    grossFen: r.gross,
    capFen: r.cap,
    eligibleFen: r.eligible,
    excessFen: r.excess,
    fundFen: r.fund,
    copayFen: r.copay,
    deductedFen: r.deducted,
    deductions: r.deductions,
    visitIds: r.visit_ids,
    visitFen: r.visit_fen,
    stayIds: r.stay_ids,
    adjustment: r.adjustment_reason ? { reason: r.adjustment_reason, sourceId: r.source_id } : null,
  }));
}

async function storedTotals(claimId: string) {
  const [c] = await sql(
    `select lines, visits, gross_fen::float8 as "grossFen", cap_fen::float8 as "capFen", eligible_fen::float8 as "eligibleFen", excess_fen::float8 as "excessFen",
            fund_fen::float8 as "fundFen", copay_fen::float8 as "copayFen", deducted_fen::float8 as "deductedFen", review_deducted_fen::float8 as "reviewDeductedFen",
            approved_fund_fen::float8 as "approvedFundFen", deposit_fen::float8 as "depositFen", adjustment_fen::float8 as "adjustmentFen", payable_fen::float8 as "payableFen"
       from claim where id = ?`,
    [claimId],
  );
  return c;
}

describe('settlement in SQL equals its TypeScript statement', () => {
  it('on random months: every line to the fen, and the totals', async () => {
    const reached = { lines: 0, visits: 0, deducted: 0, overPlan: 0, excess: 0, bedDays: 0, family: 0, device: 0, recoveries: 0 };
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const w = drawWorld(g);
        await insertWorld(sql, w);
        const r = await generate(w);
        expect(r.claims).toHaveLength(1);
        const expected = settleMonth(factsOf(w)).lines;
        const stored = await storedLines(r.claims[0]!.claimId);
        expect(stored).toEqual(expected);
        expect(await storedTotals(r.claims[0]!.claimId)).toEqual(claimTotals(expected));
        // Regenerating replaces the draft whole: the same claim, the same lines.
        const again = await generate(w);
        expect(again.claims[0]!.claimId).toBe(r.claims[0]!.claimId);
        expect(await storedLines(r.claims[0]!.claimId)).toEqual(expected);
        reached.lines += expected.length;
        reached.visits += expected.filter((l) => l.visitIds.length > 0).length;
        reached.deducted += expected.filter((l) => l.deductions.some((d) => d.reason !== 'OVER_PLAN')).length;
        reached.overPlan += expected.filter((l) => l.deductions.some((d) => d.reason === 'OVER_PLAN')).length;
        reached.excess += expected.filter((l) => l.excessFen > 0).length;
        reached.bedDays += expected.filter((l) => (l.billableDays ?? 0) > 0).length;
        reached.family += expected.filter((l) => l.form === 'FAMILY' && l.grossFen > 0).length;
        reached.device += expected.filter((l) => l.form === 'DEVICE').length;
        reached.recoveries += expected.filter((l) => l.adjustment?.reason === 'RECOVERY').length;
      }),
      { numRuns: Number(process.env.BILLING_RUNS ?? 60), interruptAfterTimeLimit: 200_000, markInterruptAsFailure: true },
    );
    // The drawing reaches the cases it is for.
    expect(reached.lines).toBeGreaterThan(100);
    for (const [k, n] of Object.entries(reached)) expect(n, k).toBeGreaterThan(3);
  }, 300_000);
});
