// Settlement statements over HTTP with the session cookie: a claim's XLSX (its lines with the totals, its visits
// on a second sheet) and PDF, an area's payment list (XLSX) and summary (PDF); scoped as the GraphQL API is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { DEMO_AGENCIES } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let s: TestServer;
let cookies: Record<string, string> = {};
let claim: any;
const MONTH = localDate(new Date()).slice(0, 7);
const get = (path: string, who: string) => fetch(`${s.url}${path}`, { headers: { cookie: cookies[who]! } });

async function workbook(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

beforeAll(async () => {
  s = await startTestServer();
  for (const u of ['agency', 'agency2', 'officer']) cookies[u] = ((await s.as(u)) as any).cookie;
  const agency = await s.as('agency');
  const r = await agency(`mutation($m: String!, $a: ID) { generateClaims(month: $m, agencyId: $a) { claims { id lineCount visitCount payableFen fundFen month } } }`, { m: MONTH, a: DEMO_AGENCIES[0]!.id });
  claim = r.body.data.generateClaims.claims[0];
  const officer = await s.as('officer');
  await officer(`mutation($m: String!) { generateClaims(month: $m, poolingArea: "3702") { claims { id } } }`, { m: MONTH });
});
afterAll(async () => {
  await s?.stop();
});

describe('a claim’s statements', () => {
  it('the XLSX has a row per line with the totals, and the visits on a second sheet', async () => {
    const wb = await workbook(await get(`/api/claims/${claim.id}/statement.xlsx`, 'agency'));
    const lines = wb.getWorksheet('结算明细')!;
    const rows: any[][] = [];
    lines.eachRow((r) => rows.push(r.values as any[]));
    const header = rows.findIndex((r) => r[1] === '序号');
    const body = rows.slice(header + 1).filter((r) => typeof r[1] === 'number');
    expect(body).toHaveLength(claim.lineCount);
    const fundCol = rows[header]!.indexOf('基金支付');
    expect(Math.round(body.reduce((n, r) => n + (r[fundCol] ?? 0), 0) * 100)).toBe(claim.fundFen);
    const payable = rows.find((r) => r.includes('应付金额') && typeof r[fundCol] === 'number')!;
    expect(Math.round(payable[fundCol] * 100)).toBe(claim.payableFen);
    const visits = wb.getWorksheet('服务记录')!;
    expect(visits.rowCount - 1).toBe(claim.visitCount);
    expect(visits.getRow(2).getCell(4).value).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  });

  it('the PDF statement is a PDF; another agency gets neither', async () => {
    const res = await get(`/api/claims/${claim.id}/statement.pdf`, 'agency');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    // Kept for looking at (pdftoppm -png renders it).
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'claim-statement.pdf'), bytes);
    for (const path of [`/api/claims/${claim.id}/statement.pdf`, `/api/claims/${claim.id}/statement.xlsx`]) {
      const other = await get(path, 'agency2');
      expect(other.status).toBe(404);
      expect(((await other.json()) as any).error.code).toBe('NOT_FOUND');
    }
    const nobody = await fetch(`${s.url}/api/claims/${claim.id}/statement.xlsx`);
    expect(nobody.status).toBe(401);
  });
});

describe('an area’s month', () => {
  it('the payment list has a row per agency’s claim and their total; the summary is a PDF; agencies get neither', async () => {
    const wb = await workbook(await get(`/api/claims/payment-list.xlsx?poolingArea=3702&month=${MONTH}`, 'officer'));
    const ws = wb.getWorksheet('支付清单')!;
    const rows: any[][] = [];
    ws.eachRow((r) => rows.push(r.values as any[]));
    const header = rows.findIndex((r) => r[1] === '定点机构');
    const payableCol = rows[header]!.indexOf('应付金额');
    const body = rows.slice(header + 1, -1);
    expect(body.length).toBeGreaterThanOrEqual(2);
    const total = rows[rows.length - 1]!;
    expect(total[1]).toMatch(/^合计/);
    expect(Math.round(total[payableCol] * 100)).toBe(Math.round(body.reduce((n, r) => n + r[payableCol] * 100, 0)));
    const pdf = await get(`/api/claims/summary.pdf?poolingArea=3702&month=${MONTH}`, 'officer');
    expect(pdf.status).toBe(200);
    const summary = Buffer.from(await pdf.arrayBuffer());
    expect(summary.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(path.join(ARTIFACTS, 'settlement-summary.pdf'), summary);
    expect((await get(`/api/claims/payment-list.xlsx?poolingArea=3702&month=${MONTH}`, 'agency')).status).toBe(404);
    expect((await get(`/api/claims/summary.pdf?poolingArea=3702&month=2026-13`, 'officer')).status).toBe(400);
  });
});

describe('the settlement dashboard', () => {
  const Q = `query($p: String!, $f: String!, $t: String!) { settlementDashboard(poolingArea: $p, from: $f, to: $t) {
    byMonth { month claims late fundFen approvedFundFen depositFen payableFen paidFen } byState { state claims late }
    byForm { key label beneficiaries visits fundFen deductedFen } byLevel { key label fundFen } byAgency { key label fundFen visits } deductions { reason count amountFen } } }`;

  it('adds up to the claims of the month, by month, state, form, level and agency; in six statements', async () => {
    const officer = await s.as('officer');
    const r = await officer(Q, { p: '3702', f: MONTH, t: MONTH });
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data.settlementDashboard;
    const claims = (await s.db.orm.em.fork().getConnection().execute(`select count(*)::int as n, sum(approved_fund_fen)::float8 as fund, sum(visits)::int as visits from claim where pooling_area = '3702' and month = ?::date`, [`${MONTH}-01`]))[0]!;
    expect(d.byMonth).toEqual([expect.objectContaining({ month: MONTH, claims: claims.n, approvedFundFen: claims.fund })]);
    expect(d.byState.reduce((n: number, x: any) => n + x.claims, 0)).toBe(claims.n);
    expect(d.byAgency.reduce((n: number, x: any) => n + x.fundFen, 0)).toBe(claims.fund);
    expect(d.byForm.reduce((n: number, x: any) => n + x.visits, 0)).toBe(claims.visits);
    expect(d.byForm.map((f: any) => f.label)).toContain('居家上门护理');
    expect(d.byLevel.reduce((n: number, x: any) => n + x.fundFen, 0)).toBe(d.byForm.reduce((n: number, x: any) => n + x.fundFen, 0));
    const agency = await s.as('agency');
    expect((await agency(Q, { p: '3702', f: MONTH, t: MONTH })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await officer(Q, { p: '3702', f: MONTH, t: '2020-01' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
