// The phone's queue of check-ins and check-outs (client/src/modules/visits/queue.ts): the order records are sent
// in, a check-out never before its check-in, batches within the server's limits, answers applied record by record,
// the backoff, and what the queue says about visits under way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyAnswers,
  backoffMs,
  heldBack,
  holdBack,
  localVisits,
  nextBatch,
  openLocalVisits,
  stale,
  unreadRejections,
  type QueueRecord,
  type RecordState,
} from '../../client/src/modules/visits/queue.ts';

let seq = 0;
function rec(kind: 'CHECK_IN' | 'CHECK_OUT', visitId: string, state: RecordState = 'pending', over: Partial<QueueRecord> = {}): QueueRecord {
  const at = new Date(Date.UTC(2026, 5, 1, 8, seq)).toISOString();
  return {
    seq: ++seq,
    userId: 'u1',
    kind,
    visitId,
    personId: 'p1',
    personName: '张三',
    at,
    checkIn: kind === 'CHECK_IN' ? { id: visitId, personId: 'p1', at, position: { lat: 36.07, lng: 120.38, accuracy: 12 } } : null,
    checkOut: kind === 'CHECK_OUT' ? { visitId, at, position: null, items: [{ code: 'A07', quantity: 1 }], notes: null, confirmation: null } : null,
    state,
    attempts: 0,
    lastTriedAt: null,
    sentAt: state === 'sent' ? at : null,
    error: state === 'rejected' ? { code: 'BAD_USER_INPUT', reason: 'POSITION_OUT_OF_RANGE', message: '' } : null,
    acknowledged: false,
    findings: [],
    ...over,
  };
}

describe('the next batch', () => {
  it('takes pending records in the order they were made, skipping sent and refused ones', () => {
    const a = rec('CHECK_IN', 'v1', 'sent');
    const b = rec('CHECK_OUT', 'v1');
    const c = rec('CHECK_IN', 'v2');
    const d = rec('CHECK_OUT', 'v2');
    // Stored order is not trusted: the records come back shuffled.
    expect(nextBatch([d, c, b, a]).map((r) => r.seq)).toEqual([b.seq, c.seq, d.seq]);
  });

  it('never sends a check-out before its check-in, even when the batch is cut between them', () => {
    const ci = rec('CHECK_IN', 'v1');
    const co = rec('CHECK_OUT', 'v1');
    expect(nextBatch([co, ci], { maxOps: 1 })).toEqual([ci]);
    expect(nextBatch([co, ci], { single: true })).toEqual([ci]);
    expect(nextBatch([ci, co])).toEqual([ci, co]);
  });

  it('holds back the check-out of a visit whose check-in was refused, and the records after it still go', () => {
    const ci = rec('CHECK_IN', 'v1', 'rejected');
    const co = rec('CHECK_OUT', 'v1');
    const other = rec('CHECK_IN', 'v2');
    expect(heldBack([ci, co, other])).toEqual([co]);
    expect(nextBatch([ci, co, other])).toEqual([other]);
    const held = holdBack(co);
    expect(held).toMatchObject({ state: 'rejected', acknowledged: false, error: { code: 'LOCAL', reason: 'CHECK_IN_REJECTED' } });
  });

  it('sends a check-out alone when its check-in is not in the queue (made elsewhere): the server judges', () => {
    const co = rec('CHECK_OUT', 'elsewhere');
    expect(nextBatch([co])).toEqual([co]);
  });

  it('keeps a batch within the byte limit, but always sends at least one record', () => {
    const big = 'data:image/png;base64,' + 'A'.repeat(250_000);
    const ci1 = rec('CHECK_IN', 'v1');
    const co1 = rec('CHECK_OUT', 'v1');
    co1.checkOut!.confirmation = { method: 'SIGNATURE', signature: big };
    const ci2 = rec('CHECK_IN', 'v2');
    const co2 = rec('CHECK_OUT', 'v2');
    co2.checkOut!.confirmation = { method: 'SIGNATURE', signature: big + big + big };
    expect(nextBatch([ci1, co1, ci2, co2], { maxBytes: 600_000 }).map((r) => r.seq)).toEqual([ci1.seq, co1.seq, ci2.seq]);
    expect(nextBatch([co2], { maxBytes: 600_000 })).toEqual([co2]);
  });

  it('for any queue, a batch is a run of pending records in order, and no check-out precedes a pending check-in of its visit', () => {
    const arb = fc.array(fc.record({ visit: fc.integer({ min: 1, max: 5 }), state: fc.constantFrom<RecordState>('pending', 'sent', 'rejected') }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 10 }), (spec, maxOps) => {
        // Each visit: a check-in first, then at most one check-out.
        const seen = new Map<number, number>();
        const records: QueueRecord[] = [];
        for (const s of spec) {
          const n = seen.get(s.visit) ?? 0;
          if (n >= 2) continue;
          seen.set(s.visit, n + 1);
          records.push(rec(n === 0 ? 'CHECK_IN' : 'CHECK_OUT', `v${s.visit}`, s.state));
        }
        const batch = nextBatch([...records].reverse(), { maxOps });
        const seqs = batch.map((r) => r.seq!);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(batch.length).toBeLessThanOrEqual(maxOps);
        for (const r of batch) expect(r.state).toBe('pending');
        for (const r of batch.filter((x) => x.kind === 'CHECK_OUT')) {
          const ci = records.find((x) => x.kind === 'CHECK_IN' && x.visitId === r.visitId)!;
          expect(ci.state === 'sent' || batch.includes(ci)).toBe(true);
        }
        // Nothing pending is skipped ahead of: every pending record before the last one sent is in the batch,
        // except check-outs held back for a refused check-in.
        const held = new Set(heldBack(records).map((r) => r.seq));
        const last = seqs.at(-1) ?? 0;
        for (const r of records.filter((x) => x.state === 'pending' && x.seq! < last && !held.has(x.seq))) expect(seqs).toContain(r.seq);
      }),
    );
  });
});

describe('answers', () => {
  it('marks each record by its own answer: sent with findings, or refused with its reason', () => {
    const a = rec('CHECK_IN', 'v1');
    const b = rec('CHECK_OUT', 'v1');
    const c = rec('CHECK_IN', 'v2');
    const now = '2026-06-01T09:00:00.000Z';
    const out = applyAnswers([a, b, c], [
      { ok: true, visitId: 'v1', error: null, findings: [] },
      { ok: true, visitId: 'v1', error: null, findings: [{ rule: 'R05', summary: '服务 12 分钟，项目标准 35 分钟' }] },
      { ok: false, visitId: 'v2', error: { code: 'BAD_USER_INPUT', reason: 'NO_PLAN_IN_FORCE', message: 'No plan' }, findings: [] },
    ], now);
    expect(out.map((r) => r.state)).toEqual(['sent', 'sent', 'rejected']);
    expect(out[1]!.findings).toHaveLength(1);
    expect(out[1]!.sentAt).toBe(now);
    expect(out[2]).toMatchObject({ acknowledged: false, error: { reason: 'NO_PLAN_IN_FORCE' } });
  });

  it('refuses answers that do not match the batch, leaving the records to be sent again', () => {
    const a = rec('CHECK_IN', 'v1');
    expect(() => applyAnswers([a], [], 'x')).toThrow();
    expect(() => applyAnswers([a], [{ ok: true, visitId: 'v9', error: null, findings: [] }], 'x')).toThrow();
  });
});

describe('retrying', () => {
  it('backs off from 2 seconds, doubling, to at most 5 minutes, spread by a fifth', () => {
    expect(backoffMs(1)).toBe(2_000);
    expect(backoffMs(2)).toBe(4_000);
    expect(backoffMs(5)).toBe(32_000);
    expect(backoffMs(30)).toBe(300_000);
    expect(backoffMs(1, 0)).toBe(1_800);
    expect(backoffMs(1, 0.999)).toBeLessThanOrEqual(2_200);
  });
});

describe('what the queue knows', () => {
  it('lists unread rejections and visits under way; a check-out refused under a hard rule leaves its visit open, one refused as no longer open does not', () => {
    const a = rec('CHECK_IN', 'v1', 'sent');
    const b = rec('CHECK_OUT', 'v1', 'rejected', { error: { code: 'BAD_USER_INPUT', reason: 'CARD_CODE_WRONG', message: '' } });
    const c = rec('CHECK_IN', 'v2');
    const d = rec('CHECK_IN', 'v3', 'rejected', { acknowledged: true });
    const e = rec('CHECK_IN', 'v4', 'sent');
    const f = rec('CHECK_OUT', 'v4');
    const g = rec('CHECK_IN', 'v5', 'sent');
    const h = rec('CHECK_OUT', 'v5', 'rejected', { error: { code: 'CONFLICT', reason: 'NOT_OPEN', message: '' } });
    const records = [h, g, f, e, d, c, b, a];
    expect(unreadRejections(records).map((r) => r.seq)).toEqual([b.seq, h.seq]);
    expect(openLocalVisits(records).map((v) => v.visitId)).toEqual(['v1', 'v2']);
    expect(localVisits(records).map((v) => v.visitId)).toEqual(['v1', 'v2', 'v4', 'v5']);
  });

  it('forgets sent records after a week and read rejections after a month, never unread or pending ones', () => {
    const now = '2026-07-15T00:00:00.000Z';
    const old = '2026-06-01T00:00:00.000Z';
    const sentOld = rec('CHECK_IN', 'v1', 'sent', { sentAt: old, at: old });
    const sentNew = rec('CHECK_IN', 'v2', 'sent', { sentAt: '2026-07-14T00:00:00.000Z' });
    const unread = rec('CHECK_IN', 'v3', 'rejected', { at: old });
    const read = rec('CHECK_IN', 'v4', 'rejected', { at: old, acknowledged: true });
    const waiting = rec('CHECK_IN', 'v5', 'pending', { at: old });
    expect(stale([sentOld, sentNew, unread, read, waiting], now).map((r) => r.visitId)).toEqual(['v1', 'v4']);
  });
});
