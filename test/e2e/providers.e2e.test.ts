// Care providers in a real browser against a real server: the fund officer finds the contract awaiting approval,
// reads its prices and approves it (a draft without prices offers no approval, and the server's NO_PRICES answer
// shows its words); an agency administrator adds a caregiver (a bad check digit shows inline) and sees the
// warning on an expiring certificate, and cannot open another agency. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { residentId } from '../helpers/factories.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '../../seeds/demo-users.ts';


let server: TestServer;
let officer: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.as('officer');
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser (no cookie, no storage), signed in through the login page, on a page of the app. */
async function openAs(device: typeof DESK | typeof PHONE, username: string, hash = ''): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'America/New_York' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/${hash}`);
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-password').press('Enter');
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return page;
}

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

describe('care providers in the browser', () => {
  it('lets the fund officer read a submitted contract’s prices and approve it; a draft without prices cannot be approved', async () => {
    const { contracts } = await ok(officer, `{ contracts { id status agencyName startDate } }`);
    const submitted = contracts.find((c: { status: string }) => c.status === 'SUBMITTED');
    expect(submitted).toBeTruthy();

    const page = await openAs(DESK, 'officer', '#/providers/contracts');
    expect((await nav(page).getByRole('link').allTextContents()).map((s) => s.trim())).toEqual(
      expect.arrayContaining(['定点机构', '协议', '护理员', '考核']),
    );
    // The fund office starts on the applications awaiting approval.
    await expect.poll(() => page.locator('table.contracts tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '待审批' }).getAttribute('aria-pressed')).toBe('true');
    const row = page.locator('table.contracts tbody tr', { hasText: submitted.agencyName });
    expect(await row.textContent()).toContain('已提交');
    await shot(page, 'providers-contracts-desk');
    await row.getByRole('link', { name: submitted.agencyName }).click();
    await page.waitForURL(new RegExp(`#/providers/contracts/${submitted.id}$`));

    // Its price schedule: a version in the timeline and priced items against the catalogue default.
    const prices = page.locator('section.prices');
    await expect.poll(() => prices.locator('.timeline button').count()).toBeGreaterThan(0);
    await expect.poll(() => prices.locator('table.items tbody tr').count()).toBeGreaterThan(0);
    expect(await prices.textContent()).toContain('¥');
    expect(await prices.textContent()).toContain('目录指导价');
    await shot(page, 'providers-contract-detail-desk', true);

    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('协议已批准');
    // It starts in ten days, so it is scheduled rather than active.
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toMatch(/^(SCHEDULED|ACTIVE)$/);
    expect(await page.locator('h1').textContent()).toMatch(/待生效|生效中/);
    expect(await page.getByRole('button', { name: '批准', exact: true }).count()).toBe(0);

    // A contract whose agency has not submitted it offers the officer nothing to approve.
    const { contracts: drafts } = await ok(officer, `{ contracts(state: "DRAFT") { id allowedActions } }`);
    expect(drafts.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/providers/contracts/${drafts[0].id}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('草稿');
    expect(await page.getByRole('button', { name: '批准', exact: true }).count()).toBe(0);

    // A submitted contract without prices: the approval is refused with NO_PRICES, in words that say what to do.
    const draft = drafts.find((d: { allowedActions: string[] }) => d.allowedActions.includes('submit'));
    if (draft) {
      const { priceSchedules } = await ok(officer, `query($id: ID!) { priceSchedules(contractId: $id) { id } }`, { id: draft.id });
      if (priceSchedules.length === 0) {
        // Moved in SQL: the agency that drafted it has no administrator in the demo to submit it.
        const moved = await server.db.orm.em.fork().getConnection().execute(`update contract set state = 'SUBMITTED' where id = ? returning id, state`, [draft.id]);
        expect(moved).toHaveLength(1);
        const { contract: now } = await ok(officer, `query($id: ID!) { contract(id: $id) { status } }`, { id: draft.id });
        expect(now.status).toBe('SUBMITTED');
        // The page may already show this contract: a reload reads it again.
        await page.goto(`${server.url}/#/providers/contracts/${draft.id}`);
        await page.reload();
        await expect.poll(() => page.locator('h1').textContent()).toContain('已提交');
        expect(await page.locator('section.prices').textContent()).toContain('尚未设置价格表');
        await page.getByRole('button', { name: '批准', exact: true }).click();
        await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('尚未设置价格表，不能批准');
      }
    }

    // The same pages on a phone.
    const phone = await openAs(PHONE, 'officer', '#/providers/contracts?tab=all');
    await expect.poll(() => phone.locator('table.contracts tbody tr').count()).toBeGreaterThan(5);
    await shot(phone, 'providers-contracts-phone');
    const versions = contracts.find((c: { status: string }) => c.status === 'ACTIVE');
    const withTwo = await (async () => {
      for (const c of contracts) {
        const { priceSchedules } = await ok(officer, `query($id: ID!) { priceSchedules(contractId: $id) { id } }`, { id: c.id });
        if (priceSchedules.length > 1) return c;
      }
      return versions;
    })();
    await phone.goto(`${server.url}/#/providers/contracts/${withTwo.id}`);
    await expect.poll(() => phone.locator('section.prices .timeline button').count()).toBeGreaterThan(1);
    await shot(phone, 'providers-contract-detail-phone');
    await phone.locator('section.prices').getByRole('button', { name: /医疗护理/ }).click();
    await shot(phone, 'providers-contract-detail-medical-phone', true);
    await page.goto(`${server.url}/#/providers/contracts/${withTwo.id}`);
    await expect.poll(() => page.locator('section.prices .timeline button').count()).toBeGreaterThan(1);
    await page.locator('section.prices .timeline button').last().click();
    await shot(page, 'providers-contract-versions-desk', true);
  }, 120_000);

  it('lets an agency administrator add a caregiver, with a bad check digit shown inline, and warns of expiring certificates', async () => {
    // The demo agency has an expired certificate; one more that expires in 30 days shows the other warning.
    const agency = await server.as('agency');
    const caregivers = (await ok(agency, `{ caregivers(first: 100) { nodes { id certificateExpired } } }`)).caregivers.nodes;
    const renewSoon = caregivers.find((c: { certificateExpired: boolean }) => !c.certificateExpired);
    const in30 = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await ok(agency, `mutation($id: ID!, $d: String!) { updateCaregiver(id: $id, input: { certificateExpiry: $d }) { id } }`, { id: renewSoon.id, d: in30 });

    const page = await openAs(PHONE, 'agency', '#/providers/caregivers');
    const links = (await nav(page).getByRole('link').allTextContents()).map((s) => s.trim());
    expect(links).toContain('本机构');
    expect(links).not.toContain('定点机构');
    await expect.poll(() => page.locator('table.caregivers tbody tr').count()).toBeGreaterThan(3);
    // An existing caregiver whose certificate expires within 60 days carries the warning.
    await expect.poll(() => page.locator('table.caregivers [data-warning="expiring"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.caregivers [data-warning="expiring"]').first().textContent()).toMatch(/\d+ 天内到期/);
    expect(await page.locator('table.caregivers [data-warning="expired"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.notice.warning').textContent()).toContain('60 天内到期');
    await shot(page, 'providers-caregivers-phone');

    await page.getByRole('button', { name: '新增护理员' }).click();
    const good = residentId({ birth: '19800312', male: false });
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const expiry = `${new Date().getFullYear() + 2}-06-30`;
    await page.locator('#cg-name').fill('测试护理员');
    await page.locator('#cg-id').fill(bad);
    await page.locator('#cg-qualification').selectOption('ELDERLY_CARE');
    await page.locator('#cg-level').selectOption('4');
    await page.locator('#cg-cert').fill('YL-2026-000123');
    await page.locator('#cg-expiry').fill(expiry);
    await page.locator('#cg-training').fill('120');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => page.locator('#cg-id-error').textContent()).toContain('校验位不正确');
    expect(await page.locator('#cg-id').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#cg-id').fill(good);
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('护理员已添加：测试护理员');
    const row = page.locator('table.caregivers tbody tr', { hasText: '测试护理员' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('养老护理员');
    expect(await row.textContent()).toContain(expiry);

    const desk = await openAs(DESK, 'agency', '#/providers/caregivers');
    await expect.poll(() => desk.locator('table.caregivers tbody tr').count()).toBeGreaterThan(3);
    await shot(desk, 'providers-caregivers-desk');
  }, 90_000);

  it('keeps an agency administrator out of another agency', async () => {
    const page = await openAs(DESK, 'agency', '#/providers/agencies');
    // Staff go straight to their own agency.
    await page.waitForURL(new RegExp(`#/providers/agencies/${DEMO_AGENCIES[0]!.id}$`));
    await expect.poll(() => page.locator('h1').textContent()).toContain(DEMO_AGENCIES[0]!.name);
    await page.goto(`${server.url}/#/providers/agencies/${DEMO_AGENCIES[1]!.id}`);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/未找到该机构|无权/);
    expect(await page.locator('main').textContent()).not.toContain(DEMO_AGENCIES[1]!.name);
  }, 60_000);

  it('shows the fund officer the evaluation sheet with a live preview, and the totals by agency', async () => {
    for (const device of [DESK, PHONE] as const) {
      const page = await openAs(device, 'officer', '#/providers/evaluations');
      await expect.poll(() => page.locator('table.criteria tbody tr').count()).toBe(7);
      await page.locator('#score-PLAN_DELIVERY').fill('24');
      await page.locator('#score-AUDIT_FINDINGS').fill('18');
      await page.locator('#score-RECORD_QUALITY').fill('13');
      await page.locator('#score-STAFF').fill('9');
      await page.locator('#score-SATISFACTION').fill('12');
      await page.locator('#score-COMPLAINTS').fill('8');
      await page.locator('#score-MANAGEMENT').fill('4');
      // 88 points: GOOD, the whole deposit released.
      await expect.poll(() => page.locator('.preview .big').textContent()).toBe('88');
      expect(await page.locator('.preview').textContent()).toContain('良好');
      expect(await page.locator('.preview').textContent()).toContain('100%');
      await expect.poll(() => page.locator('figure.chart li').count()).toBeGreaterThan(1);
      await shot(page, `providers-evaluation-${device === DESK ? 'desk' : 'phone'}`, true);
    }
  }, 60_000);

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
