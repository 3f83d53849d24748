// The settlement dashboard (结算看板) in a real browser against a real server. The fund officer opens 结算 and its
// 看板 tab: the six months ending last month (Beijing time, in a browser in New York) are chosen; each of the six
// sections draws its chart (ECharts, as SVG) named by its caption, and its table says the same figures as the
// settlementDashboard query, to the fen, in yuan with thousands separators, right-aligned in tabular figures, with
// totals. The export link downloads a workbook whose sheets hold the same totals. A range without claims says so;
// a range that ends before it starts is refused at the month it is about. In English the page speaks English; the
// charts follow a narrower window. The charting library is fetched only by this page: not by the claims queue, and
// not by the service worker. Agency staff, who read their own claims, see no dashboard tab and no figures.
// Screenshots go to test/.artifacts/billing-dashboard-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let server: TestServer;
let officerApi: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const TO = addMonths(localDate(new Date()).slice(0, 7), -1);
const FROM = addMonths(TO, -5);
const MONTHS = Array.from({ length: 6 }, (_, i) => addMonths(FROM, i));

/** Fen as the screens show yuan: thousands separators, two decimals, a minus in front. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);

const QUERY = `query($p: String!, $f: String!, $t: String!) { settlementDashboard(poolingArea: $p, from: $f, to: $t) {
  byMonth { month claims late fundFen approvedFundFen depositFen payableFen paidFen } byState { state claims late }
  byForm { key label beneficiaries visits fundFen deductedFen } byLevel { key label beneficiaries visits fundFen deductedFen }
  byAgency { key label beneficiaries visits fundFen deductedFen } deductions { reason count amountFen } } }`;

beforeAll(async () => {
  server = await startTestServer();
  officerApi = await server.as('officer');
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser in New York (the default months must still be Beijing's), signed in; the scripts it fetched. */
async function openAs(username: string): Promise<{ page: Page; scripts: string[] }> {
  const context = await browser.newContext({ ...DESK, locale: 'zh-CN', timezoneId: 'America/New_York', reducedMotion: 'reduce', acceptDownloads: true });
  contexts.push(context);
  const scripts: string[] = [];
  // Every script fetched, by the page or its service worker.
  context.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  await page.goto(`${server.url}/`);
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-password').press('Enter');
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return { page, scripts };
}

const section = (page: Page, id: string) => page.locator(`section[data-section="${id}"]`);
/** The figures of a table row, by data-figure: amounts as shown, counts as shown. */
const rowFigures = (page: Page, selector: string) =>
  page.locator(selector).evaluate((tr) => Object.fromEntries([...tr.querySelectorAll('[data-figure]')].map((td) => [td.getAttribute('data-figure'), (td.textContent ?? '').trim()])));

describe('the settlement dashboard', () => {
  it('shows the fund officer charts whose tables say the query’s figures, and exports them', async () => {
    const d = (await (async () => {
      const r = await officerApi(QUERY, { p: '3702', f: FROM, t: TO });
      expect(r.body.errors).toBeUndefined();
      return r.body.data.settlementDashboard;
    })()) as any;
    expect(d.byMonth.length).toBeGreaterThan(0);

    const { page, scripts } = await openAs('officer');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '结算', exact: true }).click();
    await page.waitForURL(/#\/billing\/claims$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算单');
    // The queue's page, its scripts loaded: the charting library is not among them.
    await expect.poll(() => page.locator('table.claims tbody tr').count()).toBeGreaterThan(0);
    expect(scripts.some((s) => s.includes('/DashboardPage-'))).toBe(false);

    const tabs = page.getByRole('navigation', { name: '结算' });
    expect(await tabs.getByRole('link', { name: '结算单' }).getAttribute('aria-current')).toBe('page');
    await tabs.getByRole('link', { name: '看板' }).click();
    await page.waitForURL(/#\/billing\/dashboard$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算看板');
    expect(await tabs.getByRole('link', { name: '看板' }).getAttribute('aria-current')).toBe('page');
    expect(scripts.filter((s) => s.includes('/DashboardPage-'))).toHaveLength(1);
    // The six months ending last month, in Beijing.
    expect(await page.locator('#dashboard-from').inputValue()).toBe(FROM);
    expect(await page.locator('#dashboard-to').inputValue()).toBe(TO);
    expect(await page.locator('.subtitle').textContent()).toBe(`统筹区 3702 · ${FROM} 至 ${TO}`);

    // Six sections, each a chart drawn as SVG, named by its caption, and a table.
    const ids = ['month', 'form', 'level', 'agency', 'state', 'deductions'];
    for (const id of ids) {
      const chart = section(page, id).locator('.chart[role="img"]');
      await expect.poll(() => chart.locator('svg').count(), { message: id }).toBe(1);
      await expect.poll(() => chart.locator('svg path, svg rect').count(), { message: id }).toBeGreaterThan(3);
      const caption = await section(page, id).locator('figcaption').textContent();
      expect(await chart.getAttribute('aria-labelledby')).toBe(`${id}-caption`);
      expect(caption!.length, id).toBeGreaterThan(10);
      expect(await section(page, id).locator('table').count()).toBe(1);
    }
    // The months' bars: one group per month of the range, the names of the series in the legend.
    expect(await section(page, 'month').locator('svg').textContent()).toContain('核定基金');
    for (const m of MONTHS) expect(await section(page, 'month').locator('svg').textContent()).toContain(m);

    // The months' table: every month of the range (none without claims left out), the query's figures, the totals.
    const months = section(page, 'month');
    expect(await months.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-month')))).toEqual(MONTHS);
    for (const m of MONTHS) {
      const q = d.byMonth.find((x: any) => x.month === m) ?? { claims: 0, late: 0, fundFen: 0, approvedFundFen: 0, depositFen: 0, payableFen: 0, paidFen: 0 };
      expect(await rowFigures(page, `section[data-section="month"] tr[data-month="${m}"]`), m).toEqual({
        claims: String(q.claims), late: String(q.late), fundFen: yuan(q.fundFen), approvedFundFen: yuan(q.approvedFundFen),
        depositFen: yuan(q.depositFen), payableFen: yuan(q.payableFen), paidFen: yuan(q.paidFen),
      });
    }
    const totals = {
      claims: sum(d.byMonth, (m: any) => m.claims), late: sum(d.byMonth, (m: any) => m.late), approved: sum(d.byMonth, (m: any) => m.approvedFundFen),
      payable: sum(d.byMonth, (m: any) => m.payableFen), paid: sum(d.byMonth, (m: any) => m.paidFen),
    };
    expect(await rowFigures(page, 'section[data-section="month"] tfoot tr')).toMatchObject({ claims: String(totals.claims), approvedFundFen: yuan(totals.approved), payableFen: yuan(totals.payable), paidFen: yuan(totals.paid) });
    expect(await page.locator('[data-kpi="approved"] dd').textContent()).toBe(yuan(totals.approved));
    expect(await page.locator('[data-kpi="payable"] dd').textContent()).toBe(yuan(totals.payable));
    expect(await page.locator('[data-kpi="claims"] dd').textContent()).toContain(`${totals.claims} 份`);
    // Amounts right-aligned in tabular figures.
    const style = await months.locator('tfoot [data-figure="payableFen"]').evaluate((el) => {
      const css = (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string; fontVariantNumeric: string } }).getComputedStyle(el);
      return [css.textAlign, css.fontVariantNumeric];
    });
    expect(style).toEqual(['right', 'tabular-nums']);

    // Care forms, levels and agencies: a row per bucket with the query's figures, and the totals.
    for (const [id, buckets] of [['form', d.byForm], ['level', d.byLevel], ['agency', d.byAgency]] as const) {
      const rows = section(page, id).locator('tbody tr');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key'))), id).toEqual((buckets as any[]).map((b) => b.key));
      for (const b of buckets as any[]) {
        expect(await rowFigures(page, `section[data-section="${id}"] tbody tr[data-key="${b.key}"]`), `${id} ${b.key}`).toEqual({
          beneficiaries: String(b.beneficiaries), visits: b.visits.toLocaleString('en-US'), fundFen: yuan(b.fundFen), deductedFen: yuan(b.deductedFen),
        });
      }
      expect(await rowFigures(page, `section[data-section="${id}"] tfoot tr`), id).toEqual({
        visits: sum(buckets as any[], (b) => b.visits).toLocaleString('en-US'), fundFen: yuan(sum(buckets as any[], (b) => b.fundFen)), deductedFen: yuan(sum(buckets as any[], (b) => b.deductedFen)),
      });
    }
    expect(await section(page, 'form').locator('tbody th').allTextContents()).toContain('居家上门');
    expect(await section(page, 'agency').locator('tbody th').first().textContent()).toBe(d.byAgency[0].label);

    // Claims by state: every state in workflow order, with those declared late.
    const STATES = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];
    for (const st of STATES) {
      const q = d.byState.find((x: any) => x.state === st) ?? { claims: 0, late: 0 };
      expect(await rowFigures(page, `section[data-section="state"] tr[data-state="${st}"]`), st).toEqual({ claims: String(q.claims), late: String(q.late) });
    }
    expect(await rowFigures(page, 'section[data-section="state"] tfoot tr')).toEqual({ claims: String(totals.claims), late: String(totals.late) });

    // Deductions by reason, the audit's named by their rule.
    expect(d.deductions.length).toBeGreaterThan(0);
    for (const x of d.deductions) {
      const row = `section[data-section="deductions"] tr[data-reason="${x.reason}"]`;
      expect(await rowFigures(page, row), x.reason).toEqual({ count: String(x.count), amountFen: yuan(x.amountFen) });
      if (/^R\d\d$/.test(x.reason)) expect(await page.locator(`${row} th`).textContent()).toMatch(new RegExp(`^${x.reason} [\\u4e00-\\u9fff]`));
    }
    expect(await rowFigures(page, 'section[data-section="deductions"] tfoot tr')).toEqual({ amountFen: yuan(sum(d.deductions, (x: any) => x.amountFen)) });
    await shot(page, 'billing-dashboard-officer');
    await shot(page, 'billing-dashboard-officer-full', true);

    // The export: the same figures as a workbook, a sheet per section.
    const link = page.locator('a[data-download="dashboard"]');
    expect(await link.getAttribute('href')).toBe(`/api/claims/dashboard.xlsx?poolingArea=3702&from=${FROM}&to=${TO}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`settlement-dashboard-3702-${FROM}-${TO}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按月', '按护理形式', '按等级', '按机构', '按状态', '扣减']);
    const bySheet = wb.getWorksheet('按月')!;
    const header = (bySheet.getRow(3).values as unknown[]).slice(1);
    const total = (bySheet.getRow(bySheet.rowCount).values as unknown[]).slice(1);
    expect(total[0]).toBe('合计');
    expect(Math.round(Number(total[header.indexOf('应付金额')]) * 100)).toBe(totals.payable);
    expect(Math.round(Number(total[header.indexOf('基金支付（审核后）')]) * 100)).toBe(totals.approved);
    expect(total[header.indexOf('结算单数')]).toBe(totals.claims);
    const agencies = wb.getWorksheet('按机构')!;
    expect(agencies.rowCount - 4).toBe(d.byAgency.length);

    // The charts follow the window.
    const width = () => section(page, 'month').locator('.chart svg').evaluate((svg) => Number(svg.getAttribute('width')));
    const wide = await width();
    await page.setViewportSize({ width: 900, height: 800 });
    await expect.poll(width).toBeLessThan(wide - 100);
    await shot(page, 'billing-dashboard-officer-narrow', true);
    // A phone: the sections one under another, the wide tables scrolling sideways within their card.
    await page.setViewportSize({ width: 375, height: 740 });
    await expect.poll(width).toBeLessThan(400);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(page, 'billing-dashboard-officer-phone', true);
    await page.setViewportSize(DESK.viewport);
    await expect.poll(width).toBe(wide);

    // In English, charts included.
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settlement dashboard');
    await expect.poll(() => section(page, 'month').locator('svg').textContent()).toContain('Approved fund');
    expect(await section(page, 'month').locator('h2').textContent()).toBe('Fund spending by month');
    expect(await section(page, 'state').locator('tbody tr[data-state="PAID"] th').textContent()).toBe('Paid');
    await shot(page, 'billing-dashboard-officer-en', true);
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算看板');

    // Months without claims say so; a range ending before it starts is refused at its end month.
    await page.locator('#dashboard-from').fill('2020-01');
    await page.locator('#dashboard-from').dispatchEvent('change');
    await page.locator('#dashboard-to').fill('2020-03');
    await page.locator('#dashboard-to').dispatchEvent('change');
    await expect.poll(() => page.locator('[data-empty]').textContent()).toContain('2020-01 至 2020-03 统筹区没有结算单');
    expect(await page.locator('a[data-download="dashboard"]').count()).toBe(0);
    expect(await page.locator('section[data-section]').count()).toBe(0);
    await shot(page, 'billing-dashboard-empty');
    await page.locator('#dashboard-from').fill('2020-06');
    await page.locator('#dashboard-from').dispatchEvent('change');
    await expect.poll(() => page.locator('#dashboard-to').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#dashboard-to-error').textContent()).toContain('截止月份不早于起始月份');
    expect(await page.locator('[role="alert"]').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    await shot(page, 'billing-dashboard-range-error');
    // Back to the last six months.
    await page.getByRole('button', { name: '近 6 个月' }).click();
    await expect.poll(() => page.locator('#dashboard-from').inputValue()).toBe(FROM);
    await expect.poll(() => section(page, 'month').locator('svg').count()).toBe(1);
    expect(await page.locator('#dashboard-to').getAttribute('aria-invalid')).toBeNull();

    // The service worker precached the app, but not the charts.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    const precached = await page.evaluate(`caches.keys().then(async (keys) => (await Promise.all(keys.map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)))).flat())`) as string[];
    expect(precached.some((u) => u.includes('/index-'))).toBe(true);
    expect(precached.some((u) => u.includes('/DashboardPage-'))).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('shows the supervisor the dashboard tab, and agency staff neither the tab nor any figures', async () => {
    const { page: supervisor } = await openAs('supervisor');
    await supervisor.goto(`${server.url}/#/billing/claims`);
    await expect.poll(() => supervisor.locator('a[data-tab="dashboard"]').count()).toBe(1);

    const { page } = await openAs('agency');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '结算', exact: true }).click();
    await page.waitForURL(/#\/billing\/claims$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算单');
    await expect.poll(() => page.locator('form.generate').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: '结算' }).count()).toBe(0);
    expect(await page.locator('a[href="#/billing/dashboard"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: '看板' }).count()).toBe(0);
    // Typed in by hand: what the page is for, and no request for an area's figures.
    let asked = false;
    page.on('request', (r) => {
      if (r.postData()?.includes('settlementDashboard')) asked = true;
    });
    await page.goto(`${server.url}/#/billing/dashboard`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算看板');
    expect(await page.locator('.empty').textContent()).toContain('结算看板供医保经办机构和监管人员查看');
    expect(await page.locator('#dashboard-from').count()).toBe(0);
    expect(asked).toBe(false);
    await shot(page, 'billing-dashboard-agency');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
