// Monthly settlement (月度结算) in a real browser against a real server. The agency administrator signs in, opens
// 结算 and generates the claim of last month (Beijing time; this month if the demo has no visits then): the demo has
// it as a draft the office sent back, so it is generated again over it after a confirmation, with the button showing
// that it works; she sees the office's reason, the lines and their amounts, and declares it. The fund officer, in a browser
// of her own, finds the declared claim in the area's queue, opens it, starts the review, opens a line's visits,
// tries to deduct more than the line's fund amount (refused next to the amount, in the server's figure) and then
// deducts a part of it: the deposit and the payable on the page follow, to the fen (the deposit is 5% of the
// approved fund, rounded half up). She approves and records the payment with the amount the form proposes; the API
// agrees (PAID, paid = payable). Then the officer generates the month for every agency in the background, watching
// its progress (agencies done of total, elapsed time; claims past draft stay as they are), downloads the area's
// payment list, whose total matches the queue's, and sends the second agency's declared claim back with a reason, which that agency reads. Chinese by
// default; screenshots go to test/.artifacts/billing-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let server: TestServer;
let officerApi: Gql, agencyApi: Gql, agency2Api: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const sql = (q: string, params: unknown[] = []) => sqlOn(server)(q, params);

const AGENCY = DEMO_AGENCIES[0]!;
const thisMonth = localDate(new Date()).slice(0, 7);
const previousMonth = (() => {
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
let month = previousMonth;

/** Fen as the screens show yuan: thousands separators, two decimals, a minus in front. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** The quality deposit: 5% of the approved fund amount, rounded half up. */
const deposit = (approvedFen: number) => Math.floor((approvedFen * 5 + 50) / 100);

const AGENCY2 = DEMO_AGENCIES[1]!;
const CLAIM = `query($id: ID!) { claim(id: $id) { id state version returnReason fundFen reviewDeductedFen approvedFundFen depositFen adjustmentFen payableFen paidAmountFen paidOn paymentReference lineCount } }`;

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

beforeAll(async () => {
  server = await startTestServer();
  [officerApi, agencyApi, agency2Api] = (await Promise.all(['officer', 'agency', 'agency2'].map((u) => server.as(u)))) as unknown as [Gql, Gql, Gql];
  browser = await launchBrowser();
  // The demo's visits run up to yesterday from the plans' start: last month has some unless the plans began this month.
  const [row] = await sql(`select count(*)::int as n from visit where agency_id = ? and status = 'DONE' and local_date >= ?::date and local_date < ?::date`, [
    AGENCY.id,
    `${previousMonth}-01`,
    `${thisMonth}-01`,
  ]);
  if (!row?.n) month = thisMonth;
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser in New York (the months and due dates must still be Beijing's), signed in through the login page. */
async function openAs(username: string): Promise<Page> {
  const context = await browser.newContext({ ...DESK, locale: 'zh-CN', timezoneId: 'America/New_York' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  await page.goto(`${server.url}/`);
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-password').press('Enter');
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return page;
}

const stateOf = (page: Page) => page.locator('h1 [data-state]').getAttribute('data-state');
const figure = (page: Page, name: string) => page.locator(`.totals [data-figure="${name}"]`).textContent();

describe('monthly settlement', () => {
  let claimId = '';

  it('the agency generates last month’s claim (again, over the draft sent back), sees its lines and declares it', async () => {
    const page = await openAs('agency');
    await page.getByRole('link', { name: '结算', exact: true }).click();
    await page.waitForURL(/#\/billing\/claims$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算单');
    expect(await page.locator('.subtitle').first().textContent()).toContain(AGENCY.name);
    // Last month by default. The demo has the agency's claim of it as a draft the office sent back (or none yet).
    expect(await page.locator('#generate-month').inputValue()).toBe(previousMonth);
    if (month !== previousMonth) await page.locator('#generate-month').fill(month);
    const existing = (await ok(agencyApi, `query($m: String) { claims(month: $m) { nodes { id state returnReason } } }`, { m: month })).claims.nodes[0] ?? null;
    expect(existing === null || existing.state === 'DRAFT', `the agency’s claim of ${month} is ${existing?.state}`).toBe(true);
    await expect.poll(() => page.locator('[data-existing]').getAttribute('data-existing')).toBe(existing ? 'DRAFT' : 'NONE');
    if (existing) expect(await page.locator('[data-existing]').textContent()).toContain('该月已有草稿，重新生成将整份替换');
    await shot(page, 'billing-agency-queue');

    // The answer is held back a moment so that the working button can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('generateClaims')) await held;
      await route.continue();
    });
    const button = page.locator('button[data-action="generate"]');
    expect(await button.textContent()).toContain(existing ? '重新生成' : '生成结算单');
    await button.click();
    if (existing) {
      // A draft is replaced whole: said before it is.
      const confirm = page.locator('#regenerate-dialog');
      await expect.poll(() => confirm.isVisible()).toBe(true);
      expect(await confirm.textContent()).toContain('现有草稿及其全部明细将被替换');
      await confirm.locator('button[type="submit"]').click();
    }
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await button.textContent()).toContain('生成中');
    expect(await button.locator('.spinner').count()).toBe(1);
    expect(await page.locator('form.generate .progress').textContent()).toContain(`正在生成 ${month} 的结算单`);
    await shot(page, 'billing-agency-generating');
    release();
    // (The route stays: removing it while the claim page's chunks load can leave them hanging in Playwright.)
    await page.waitForURL(/#\/billing\/claims\/[0-9a-f-]{36}$/);
    claimId = page.url().split('/').pop()!;
    if (existing) {
      // The same claim, generated again; the office's reason for sending it back stays in view.
      expect(claimId).toBe(existing.id);
      if (existing.returnReason) await expect.poll(() => page.locator('[data-returned] .returned-reason').textContent()).toBe(existing.returnReason);
    }

    // The claim: a draft of the month, with lines and their amounts in yuan, as the API has them.
    await expect.poll(() => stateOf(page)).toBe('DRAFT');
    expect(await page.locator('h1').textContent()).toContain(`${month} 结算单`);
    expect(await page.locator('.notice.success').textContent()).toContain('已生成结算单');
    const api = (await ok(agencyApi, CLAIM, { id: claimId })).claim;
    expect(api.lineCount).toBeGreaterThan(0);
    expect(api.fundFen).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table.lines tbody tr').count()).toBeGreaterThan(0);
    expect(await figure(page, 'fund')).toBe(yuan(api.fundFen));
    expect(await figure(page, 'payable')).toBe(yuan(api.payableFen));
    expect(await figure(page, 'deposit')).toBe(yuan(api.depositFen));
    const firstFund = page.locator('table.lines tbody tr[data-kind="CARE"]').first().locator('[data-figure="fundFen"]');
    expect((await firstFund.textContent())!.trim()).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
    // Amounts are right-aligned in tabular figures.
    const style = await firstFund.evaluate((el) => {
      const css = (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string; fontVariantNumeric: string } }).getComputedStyle(el);
      return [css.textAlign, css.fontVariantNumeric];
    });
    expect(style).toEqual(['right', 'tabular-nums']);
    expect(await page.locator('.lines-section .count').textContent()).toBe(`共 ${api.lineCount} 条`);
    await shot(page, 'billing-agency-claim');
    await shot(page, 'billing-agency-claim-full', true);

    // Declared through a confirmation.
    await page.locator('button[data-action="declare"]').click();
    const dialog = page.locator('#declare-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`基金支付 ${yuan(api.fundFen)} 元`);
    await shot(page, 'billing-agency-declare-dialog');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => stateOf(page)).toBe('DECLARED');
    expect(await page.locator('.notice.success').textContent()).toContain('已申报');
    expect(await page.locator('button[data-action="declare"]').count()).toBe(0);
    expect(await page.locator('.history li[data-verb="declare"]').first().textContent()).toContain('赵院长');
    await shot(page, 'billing-agency-declared');
    expect((await ok(agencyApi, CLAIM, { id: claimId })).claim.state).toBe('DECLARED');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('the fund officer reviews, deducts on a line, approves and records the payment', async () => {
    expect(claimId).not.toBe('');
    const page = await openAs('officer');
    await page.getByRole('link', { name: '结算', exact: true }).click();
    await page.waitForURL(/#\/billing\/claims$/);
    // The area's queue: the agency's declared claim, with its due dates.
    const row = page.locator(`table.claims tr[data-claim="${claimId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('DECLARED');
    expect(await row.locator('th').textContent()).toContain(AGENCY.name);
    expect(await row.textContent()).toContain(month);
    expect(await page.getByRole('button', { name: '生成全部机构' }).count()).toBe(1);
    await shot(page, 'billing-officer-queue');
    // Filtered by state, the row stays; by another state, it goes.
    await page.getByRole('group', { name: '状态' }).getByRole('button', { name: '已申报' }).click();
    await expect.poll(() => page.url()).toContain('state=DECLARED');
    await expect.poll(() => row.count()).toBe(1);
    await page.getByRole('group', { name: '状态' }).getByRole('button', { name: '已支付' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('group', { name: '状态' }).getByRole('button', { name: '全部' }).click();
    await expect.poll(() => row.count()).toBe(1);

    await row.locator('th a').click();
    await page.waitForURL(new RegExp(`#/billing/claims/${claimId}$`));
    await expect.poll(() => stateOf(page)).toBe('DECLARED');
    await page.locator('button[data-action="review"]').click();
    await expect.poll(() => stateOf(page)).toBe('UNDER_REVIEW');
    await shot(page, 'billing-officer-review');

    // A care line of the first page (50 lines) with visits and the most to deduct from.
    const before = (await ok(officerApi, CLAIM, { id: claimId })).claim;
    const lines = (
      await ok(officerApi, `query($id: ID!) { claimLines(claimId: $id, first: 50) { nodes { id kind personName fundFen reviewDeductedFen visitCount } } }`, { id: claimId })
    ).claimLines.nodes;
    const line = [...lines].filter((l: any) => l.kind === 'CARE' && l.visitCount > 0).sort((a: any, b: any) => b.fundFen - a.fundFen)[0];
    expect(line, 'a care line with visits').toBeTruthy();
    expect(line.fundFen).toBeGreaterThan(100);
    const lineRow = page.locator(`table.lines tr[data-line="${line.id}"]`);
    await expect.poll(() => lineRow.count()).toBe(1);
    await lineRow.locator('button.name').click();
    const drawer = page.locator('dialog.drawer');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    expect(await drawer.locator('h2').textContent()).toBe(line.personName);
    await expect.poll(() => drawer.locator('table.visits tbody tr').count()).toBe(line.visitCount);
    // Visit times in Beijing time, whatever the browser's zone.
    const visits = (await ok(officerApi, `query($l: ID!) { claimLineVisits(lineId: $l) { id checkInAt } }`, { l: line.id })).claimLineVisits;
    const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(visits[0].checkInAt));
    expect(await drawer.locator(`tr[data-visit="${visits[0].id}"] td.date`).textContent()).toContain(beijing);
    await shot(page, 'billing-officer-line');

    // More than the line's fund amount: refused by the server, said next to the amount in yuan.
    await drawer.locator('#deduct-amount').fill(yuan(line.fundFen + 1).replace(/,/g, ''));
    await drawer.locator('form.add button[type="submit"]').click();
    await expect.poll(() => drawer.locator('#deduct-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await drawer.locator('#deduct-amount-error').textContent()).toContain(`最多还可扣减 ${yuan(line.fundFen)} 元`);
    expect((await ok(officerApi, CLAIM, { id: claimId })).claim.reviewDeductedFen).toBe(0);
    await shot(page, 'billing-officer-over-fund');

    // A part of it, with a reason and a note: the totals follow, to the fen.
    const cut = Math.min(12_345, Math.floor(line.fundFen / 2));
    await drawer.locator('#deduct-reason').selectOption('RECORD_DEFECT');
    expect(await drawer.locator('#deduct-reason option:checked').textContent()).toBe('服务记录不规范');
    await drawer.locator('#deduct-amount').fill(yuan(cut).replace(/,/g, ''));
    await drawer.locator('#deduct-note').fill('护理记录缺少签退照片。');
    await drawer.locator('form.add button[type="submit"]').click();
    await expect.poll(() => drawer.locator('.notice.success').textContent()).toContain(`已扣减 ${yuan(cut)} 元`);
    expect(await drawer.locator('#deduct-amount-error').count()).toBe(0);
    await expect.poll(() => drawer.locator('ul.deductions li').count()).toBe(1);
    expect(await drawer.locator('ul.deductions li').textContent()).toContain('服务记录不规范');
    expect(await drawer.locator('[data-figure="remaining"]').textContent()).toContain(`还可扣减 ${yuan(line.fundFen - cut)} 元`);
    const approved = before.approvedFundFen - cut;
    const payable = approved - deposit(approved) + before.adjustmentFen;
    await shot(page, 'billing-officer-deducting');
    await drawer.locator('button.close').click();
    await expect.poll(() => drawer.count()).toBe(0);
    await expect.poll(() => figure(page, 'payable')).toBe(yuan(payable));
    expect(await figure(page, 'reviewDeducted')).toBe(yuan(cut));
    expect(await figure(page, 'approvedFund')).toBe(yuan(approved));
    expect(await figure(page, 'deposit')).toBe(yuan(deposit(approved)));
    expect(payable).toBe(before.payableFen - cut + (before.depositFen - deposit(approved)));
    await expect.poll(() => lineRow.locator('[data-figure="reviewDeductedFen"]').textContent()).toContain(`-${yuan(cut)}`);
    const after = (await ok(officerApi, CLAIM, { id: claimId })).claim;
    expect(after).toMatchObject({ reviewDeductedFen: cut, approvedFundFen: approved, depositFen: deposit(approved), payableFen: payable });
    await shot(page, 'billing-officer-deducted');
    await shot(page, 'billing-officer-deducted-full', true);

    // Approved through a confirmation that says what is paid.
    await page.locator('button[data-action="approve"]').click();
    const approve = page.locator('#approve-dialog');
    await expect.poll(() => approve.isVisible()).toBe(true);
    expect(await approve.textContent()).toContain(`应付 ${yuan(payable)} 元`);
    await shot(page, 'billing-officer-approve-dialog');
    await approve.locator('button[type="submit"]').click();
    await expect.poll(() => stateOf(page)).toBe('APPROVED');

    // The payment: the amount proposed is the payable; a reference is required.
    await page.locator('button[data-action="pay"]').click();
    const pay = page.locator('#pay-dialog');
    await expect.poll(() => pay.isVisible()).toBe(true);
    expect(await pay.locator('#pay-amount').inputValue()).toBe(yuan(Math.max(0, payable)).replace(/,/g, ''));
    expect(await pay.locator('#pay-date').inputValue()).toBe(localDate(new Date()));
    await pay.locator('button[type="submit"]').click();
    await expect.poll(() => pay.locator('#pay-reference-error').count()).toBe(1);
    await pay.locator('#pay-reference').fill('QDYB-2026-000817');
    expect(await pay.locator('#pay-reference-error').count()).toBe(0);
    await shot(page, 'billing-officer-pay-dialog');
    await pay.locator('button[type="submit"]').click();
    await expect.poll(() => stateOf(page)).toBe('PAID');
    expect(await page.locator('.totals [data-figure="paidAmount"]').textContent()).toBe(yuan(Math.max(0, payable)));
    expect(await page.locator('button[data-action="pay"]').count()).toBe(0);
    expect(await page.locator('.history li[data-verb="pay"]').first().textContent()).toContain('王经办');
    await shot(page, 'billing-officer-paid', true);

    const paid = (await ok(officerApi, CLAIM, { id: claimId })).claim;
    expect(paid.state).toBe('PAID');
    expect(paid.paidAmountFen).toBe(paid.payableFen);
    expect(paid.paidAmountFen).toBe(Math.max(0, payable));
    expect(paid.paymentReference).toBe('QDYB-2026-000817');

    // The claim's XLSX, downloaded through its button: the payable on its lines sheet is the claim's.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="xlsx"]').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const rows: any[][] = [];
    wb.getWorksheet('结算明细')!.eachRow((r) => rows.push(r.values as any[]));
    const header = rows.find((r) => r[1] === '序号')!;
    const fundCol = header.indexOf('基金支付');
    const payableRow = rows.find((r) => r.includes('应付金额') && typeof r[fundCol] === 'number')!;
    expect(Math.round(payableRow[fundCol] * 100)).toBe(paid.payableFen);
    const reviewRow = rows.find((r) => r.includes('复核扣减') && typeof r[fundCol] === 'number')!;
    expect(Math.round(reviewRow[fundCol] * 100)).toBe(paid.reviewDeductedFen);

    // The queue says it too; and in English.
    await page.locator('a.back').click();
    await expect.poll(() => page.locator(`table.claims tr[data-claim="${claimId}"]`).getAttribute('data-state')).toBe('PAID');
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Claims');
    await shot(page, 'billing-officer-queue-en');
    await page.goto(`${server.url}/#/billing/claims/${claimId}`);
    await expect.poll(() => stateOf(page)).toBe('PAID');
    await shot(page, 'billing-officer-paid-en', true);
    // On a narrow screen the tables become cards.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('结算单');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'billing-officer-paid-phone');
    await page.locator('table.lines tbody tr').first().scrollIntoViewIfNeeded();
    await shot(page, 'billing-officer-lines-phone');
    expect(pageErrors).toEqual([]);
  }, 120_000);
  it('the fund officer generates the month for all agencies, and returns a declared claim with a reason the agency reads', async () => {
    const page = await openAs('officer');
    await page.goto(`${server.url}/#/billing/claims`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('结算单');
    if (month !== previousMonth) await page.locator('#generate-month').fill(month);
    // The run goes on in the background; its first progress read is held back so that the progress can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query ClaimRun(')) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: '生成全部机构' }).click();
    const progress = page.locator('form.generate .run');
    await expect.poll(() => progress.getAttribute('data-run-state')).toMatch(/^(QUEUED|RUNNING)$/);
    expect(await progress.textContent()).toMatch(/已完成 \d+ \/ \d+ 家机构 · 用时 \d+:\d\d/);
    expect(await progress.locator('progress').count()).toBe(1);
    expect(await page.locator('button[data-action="generate"]').isDisabled()).toBe(true);
    await shot(page, 'billing-officer-generating-all');
    release();
    // Claims past draft (the first agency's, paid above) are left as they were; the others are drafts now.
    const done = page.locator('form.generate .notice.success');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`${month}：已生成 \\d+ 份结算单草稿，\\d+ 份已申报的未变动`));
    const other = (await ok(officerApi, `query($m: String, $a: ID) { claims(month: $m, agencyId: $a) { nodes { id state version } } }`, { m: month, a: AGENCY2.id })).claims.nodes[0];
    expect(other, 'the second demo agency’s claim').toBeTruthy();
    expect(['DRAFT', 'DECLARED']).toContain(other.state);
    const row = page.locator(`table.claims tr[data-claim="${other.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await shot(page, 'billing-officer-generated-all');

    // The area's payment list of the month, downloaded from the queue: its total payable is the month's claims'.
    await page.locator('#filter-month').fill(month);
    await page.locator('#filter-month').dispatchEvent('change');
    await expect.poll(() => page.locator('.documents-month').textContent()).toContain(month);
    const [list] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="payment-list"]').click()]);
    expect(list.suggestedFilename()).toBe(`payment-list-3702-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await list.path())!);
    const listRows: any[][] = [];
    book.getWorksheet('支付清单')!.eachRow((r) => listRows.push(r.values as any[]));
    const payableCol = listRows.find((r) => r[1] === '定点机构')!.indexOf('应付金额');
    const totalRow = listRows.find((r) => String(r[1]).startsWith('合计'))!;
    const monthClaims = (await ok(officerApi, `query($m: String) { claims(month: $m, first: 100) { nodes { payableFen } } }`, { m: month })).claims.nodes as { payableFen: number }[];
    expect(Math.round(totalRow[payableCol] * 100)).toBe(monthClaims.reduce((n, c) => n + c.payableFen, 0));
    expect(await page.locator('a[data-download="summary"]').getAttribute('href')).toBe(`/api/claims/summary.pdf?poolingArea=3702&month=${month}`);

    // Declared by the agency (the demo has it declared; else through the API); the officer takes it under review
    // and returns it.
    if (other.state === 'DRAFT') {
      await ok(agency2Api, `mutation($id: ID!, $r: ID!, $v: Int) { declareClaim(id: $id, requestId: $r, version: $v) { id } }`, { id: other.id, r: randomUUID(), v: other.version });
    }
    await page.goto(`${server.url}/#/billing/claims/${other.id}`);
    await expect.poll(() => stateOf(page)).toBe('DECLARED');
    await page.locator('button[data-action="review"]').click();
    await expect.poll(() => stateOf(page)).toBe('UNDER_REVIEW');
    await page.locator('button[data-action="return"]').click();
    const dialog = page.locator('#return-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => dialog.locator('#return-reason-error').textContent()).toContain('请填写退回原因');
    const reason = '11 月 18 日至 20 日的服务缺少参保人确认，请补充说明后重新申报。';
    await dialog.locator('#return-reason').fill(reason);
    await shot(page, 'billing-officer-return-dialog');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => stateOf(page)).toBe('DRAFT');
    expect(await page.locator('[data-returned] .returned-reason').textContent()).toBe(reason);
    expect(await page.locator('.history li[data-verb="return"]').first().textContent()).toContain(reason);
    expect((await ok(officerApi, CLAIM, { id: other.id })).claim).toMatchObject({ state: 'DRAFT', returnReason: reason });

    // The agency finds it back in draft with the reason, and may declare again.
    const agencyPage = await openAs('agency2');
    await agencyPage.goto(`${server.url}/#/billing/claims/${other.id}`);
    await expect.poll(() => stateOf(agencyPage)).toBe('DRAFT');
    expect(await agencyPage.locator('[data-returned]').textContent()).toContain(reason);
    expect(await agencyPage.locator('button[data-action="declare"]').count()).toBe(1);
    await shot(agencyPage, 'billing-agency-returned');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
