// The settlement dashboard's export over HTTP with the session cookie (GET /api/claims/dashboard.xlsx): a sheet per
// section whose rows and totals are the settlementDashboard query's figures, to the fen, for the demo's months of
// claims; refused as the query is (agency staff and officers of another area NOT_FOUND, roles without claim.read
// FORBIDDEN, no session UNAUTHENTICATED); a malformed month or range answered BAD_USER_INPUT naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../helpers/browser.ts';
import { startTestServer, type TestServer, sqlOn } from '../helpers/server.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let s: TestServer;
const cookies: Record<string, string> = {};
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);

/** A month `n` months after YYYY-MM (before, when negative). */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
// The page's default: the six months ending last month (Beijing time). The demo has claims in the last three.
const TO = addMonths(localDate(new Date()).slice(0, 7), -1);
const FROM = addMonths(TO, -5);

const QUERY = `query($p: String!, $f: String!, $t: String!) { settlementDashboard(poolingArea: $p, from: $f, to: $t) {
  poolingArea from to
  byMonth { month claims late fundFen approvedFundFen depositFen payableFen paidFen }
  byState { state claims late }
  byForm { key label beneficiaries visits fundFen deductedFen }
  byLevel { key label beneficiaries visits fundFen deductedFen }
  byAgency { key label beneficiaries visits fundFen deductedFen }
  deductions { reason count amountFen } } }`;

const exportPath = (area: string, from: string, to: string) => `/api/claims/dashboard.xlsx?${new URLSearchParams({ poolingArea: area, from, to })}`;
const get = (path: string, who: string | null) => fetch(`${s.url}${path}`, { headers: who ? { cookie: cookies[who]! } : {} });

async function workbook(res: Response, keepAs?: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  const bytes = Buffer.from(await res.arrayBuffer());
  if (keepAs) {
    // Kept for looking at in a spreadsheet.
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, keepAs), bytes);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

/** A sheet as its header (row 3), body rows and total row (the last), each cell by its header. */
function table(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeTruthy();
  const values = (n: number) => (ws!.getRow(n).values as unknown[]).slice(1);
  const header = values(3) as string[];
  const byHeader = (cells: unknown[]) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? null])) as Record<string, any>;
  const rows: Record<string, any>[] = [];
  for (let n = 4; n < ws!.rowCount; n++) rows.push(byHeader(values(n)));
  return { title: String(ws!.getRow(1).getCell(1).value), header, rows, total: byHeader(values(ws!.rowCount)) };
}

/** Yuan in a cell as fen (the cells are yuan numbers with two decimals). */
const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);
const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);

beforeAll(async () => {
  s = await startTestServer();
  for (const u of ['officer', 'supervisor', 'agency', 'caregiver']) cookies[u] = (await s.as(u)).cookie;
  // A second pooling area with its own fund officer.
  await sql(`insert into region (code, name, level, parent_code, pooling_area) values ('3703', '淄博市', 'CITY', null, '3703')`);
  const admin = await s.as('admin');
  const r = await admin(`mutation { createUser(input: { username: "officer.zb", displayName: "淄博经办", password: "Start-Pass-2026", poolingArea: "3703", grants: [{ role: FUND_OFFICER, poolingArea: "3703" }] }) { id } }`);
  expect(r.body.errors).toBeUndefined();
  await sql(`update app_user set must_change_password = false where username = 'officer.zb'`);
  cookies['officer.zb'] = (await s.as('officer.zb', 'Start-Pass-2026')).cookie;
});
afterAll(async () => {
  await s?.stop();
});

describe('the settlement dashboard’s workbook', () => {
  it('has a sheet per section whose rows and totals are the query’s figures, to the fen', async () => {
    const officer = await s.as('officer');
    const q = await officer(QUERY, { p: '3702', f: FROM, t: TO });
    expect(q.body.errors).toBeUndefined();
    const d = q.body.data.settlementDashboard;
    // The demo's claims of the last three months, with deductions of the audit and of the review.
    expect(d.byMonth.length).toBeGreaterThanOrEqual(3);
    expect(d.byAgency.length).toBeGreaterThanOrEqual(2);
    expect(d.deductions.length).toBeGreaterThan(0);

    const res = await get(exportPath('3702', FROM, TO), 'officer');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="settlement-dashboard-3702-${FROM}-${TO}.xlsx"`);
    const wb = await workbook(res, 'settlement-dashboard.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按月', '按护理形式', '按等级', '按机构', '按状态', '扣减']);

    const months = table(wb, '按月');
    expect(months.title).toBe(`长期护理保险结算看板 · 基金支出按月 · 统筹区 3702 · ${FROM} 至 ${TO} · 金额单位：元`);
    expect(months.rows.map((r) => ({
      month: r['结算月份'], claims: r['结算单数'], late: r['逾期申报'], fundFen: fen(r['基金支付（审核前）']), approvedFundFen: fen(r['基金支付（审核后）']),
      depositFen: fen(r['质量保证金']), payableFen: fen(r['应付金额']), paidFen: fen(r['已付金额']),
    }))).toEqual(d.byMonth);
    expect(months.total['结算月份']).toBe('合计');
    expect(months.total['结算单数']).toBe(sum(d.byMonth, (m: any) => m.claims));
    expect(fen(months.total['应付金额'])).toBe(sum(d.byMonth, (m: any) => m.payableFen));
    expect(fen(months.total['已付金额'])).toBe(sum(d.byMonth, (m: any) => m.paidFen));
    // The amounts are numbers shown as yuan with thousands separators and two decimals.
    const payableCell = wb.getWorksheet('按月')!.getRow(4).getCell(months.header.indexOf('应付金额') + 1);
    expect(typeof payableCell.value).toBe('number');
    expect(payableCell.numFmt).toBe('#,##0.00;-#,##0.00');

    for (const [name, first, buckets] of [['按护理形式', '护理形式', d.byForm], ['按等级', '失能等级', d.byLevel], ['按机构', '定点机构', d.byAgency]] as const) {
      const t = table(wb, name);
      expect(t.rows.map((r) => ({ label: r[first], beneficiaries: r['人数'], visits: r['服务次数'], fundFen: fen(r['基金支付（审核后）']), deductedFen: fen(r['稽核扣减']) })), name).toEqual(
        (buckets as any[]).map((b) => ({ label: b.label, beneficiaries: b.beneficiaries, visits: b.visits, fundFen: b.fundFen, deductedFen: b.deductedFen })),
      );
      expect(t.total[first]).toBe(`合计（${buckets.length} 项）`);
      expect(t.total['服务次数']).toBe(sum(buckets as any[], (b) => b.visits));
      expect(fen(t.total['基金支付（审核后）']), name).toBe(sum(buckets as any[], (b) => b.fundFen));
      expect(fen(t.total['稽核扣减']), name).toBe(sum(buckets as any[], (b) => b.deductedFen));
    }
    expect(table(wb, '按护理形式').rows.map((r) => r['护理形式'])).toContain('居家上门护理');

    // Every state has a row, in workflow order; the query names only those with claims.
    const states = table(wb, '按状态');
    expect(states.rows.map((r) => r['状态'])).toEqual(['草稿', '已申报', '审核中', '已审核通过', '已支付']);
    const STATES = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];
    expect(states.rows.map((r) => [r['结算单数'], r['其中逾期申报']])).toEqual(STATES.map((st) => {
      const x = d.byState.find((b: any) => b.state === st);
      return [x?.claims ?? 0, x?.late ?? 0];
    }));
    expect(states.total['结算单数']).toBe(sum(d.byMonth, (m: any) => m.claims));
    expect(states.total['其中逾期申报']).toBe(sum(d.byMonth, (m: any) => m.late));

    const deductions = table(wb, '扣减');
    expect(deductions.rows.map((r) => ({ reason: r['代码'], count: r['次数'], amountFen: fen(r['金额']) }))).toEqual(d.deductions);
    expect(fen(deductions.total['金额'])).toBe(sum(d.deductions, (x: any) => x.amountFen));
    for (const r of deductions.rows) {
      expect(r['类别']).toBe(String(r['代码']).startsWith('REVIEW:') ? '审核扣减' : '稽核扣减');
      expect(r['原因']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('is the same for the area’s supervisor; a range without claims has empty sections and zero totals', async () => {
    const officers = table(await workbook(await get(exportPath('3702', FROM, TO), 'officer')), '按月');
    const supervisors = table(await workbook(await get(exportPath('3702', FROM, TO), 'supervisor')), '按月');
    expect(supervisors.rows).toEqual(officers.rows);
    const none = await workbook(await get(exportPath('3702', '2020-01', '2020-03'), 'officer'));
    const months = table(none, '按月');
    expect(months.title).toContain('2020-01 至 2020-03');
    expect(months.rows).toEqual([]);
    expect(months.total).toMatchObject({ 结算单数: 0, 应付金额: 0 });
    expect(table(none, '按机构').rows).toEqual([]);
    expect(table(none, '按状态').rows.map((r) => r['结算单数'])).toEqual([0, 0, 0, 0, 0]);
  });

  it('is refused to agency staff and to an officer of another area (NOT_FOUND), to roles without claim.read (FORBIDDEN) and without a session', async () => {
    for (const who of ['agency', 'officer.zb']) {
      const res = await get(exportPath('3702', FROM, TO), who);
      expect(res.status, who).toBe(404);
      expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
    }
    // Their own area is no way round it for agency staff: they have none.
    expect((await get(exportPath('3703', FROM, TO), 'agency')).status).toBe(404);
    const caregiver = await get(exportPath('3702', FROM, TO), 'caregiver');
    expect(caregiver.status).toBe(403);
    expect(((await caregiver.json()) as any).error.code).toBe('FORBIDDEN');
    const nobody = await get(exportPath('3702', FROM, TO), null);
    expect(nobody.status).toBe(401);
    expect(((await nobody.json()) as any).error.code).toBe('UNAUTHENTICATED');
    // The other area's officer gets her own area's (empty) workbook.
    expect(table(await workbook(await get(exportPath('3703', FROM, TO), 'officer.zb')), '按月').rows).toEqual([]);
  });

  it('answers a malformed month or a range the query refuses with BAD_USER_INPUT naming the field', async () => {
    const refusal = async (from: string, to: string) => {
      const res = await get(exportPath('3702', from, to), 'officer');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      return ((await res.json()) as any).error;
    };
    expect(await refusal('2026-13', TO)).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'from', reason: 'MONTH' }] });
    expect(await refusal(FROM, '')).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'to', reason: 'MONTH' }] });
    expect(await refusal(TO, FROM)).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'to', reason: 'RANGE' }] });
    expect(await refusal('2020-01', '2023-01')).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'to', reason: 'RANGE' }] });
  });
});
