// Care plans in a real browser against a real server: the fund office asks an agency to serve a qualifying person;
// the agency administrator accepts the request from the queue, reads why each item was proposed and the cost
// against the cap, removes an item, adds one from the catalogue, changes a frequency (the gauge follows), saves
// and submits; the fund officer opens the plan from the approval queue, reads it beside the assessment and
// approves it, and the version is in force. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { assessedPerson } from '../helpers/careplan.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let server: TestServer;
let officer: Gql;
let agency: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const today = localDate(new Date());
const PERSON = '计划演示人';

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.as('officer');
  agency = await server.as('agency');
  browser = await launchBrowser();
  // Devices to rent, so the picker's second tab has something to show.
  await ok(officer, `mutation { a: setDeviceType(poolingArea: "3702", input: { code: "BED", name: "护理床", monthlyFeeFen: 6000 }) { id } b: setDeviceType(poolingArea: "3702", input: { code: "WHEELCHAIR", name: "轮椅", monthlyFeeFen: 3000 }) { id } }`);
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
const figure = (page: Page, name: string) => page.locator(`.gauge [data-figure="${name}"]`).textContent();

describe('care plans in the browser', () => {
  it('takes a request from the agency’s queue to an approved plan in force', async () => {
    const agencyId = (await ok(agency, `{ agencies { id } }`)).agencies[0].id;
    const person = await assessedPerson(server, officer, { level: 3, name: PERSON });
    const requested = (
      await ok(officer, `mutation($i: CarePlanRequestInput!) { requestCarePlan(input: $i) { id state } }`, {
        i: { personId: person.personId, careForm: 'HOME', agencyId, startDate: today },
      })
    ).requestCarePlan;
    expect(requested.state).toBe('REQUESTED');

    // The agency starts on its requests to accept.
    const page = await openAs(DESK, 'agency', '#/careplans');
    expect((await nav(page).getByRole('link').allTextContents()).map((s) => s.trim())).toContain('护理计划');
    await expect.poll(() => page.getByRole('button', { name: /^待接收/ }).getAttribute('aria-pressed')).toBe('true');
    const row = page.locator('table.plans tbody tr', { hasText: PERSON });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('居家上门');
    expect(await row.textContent()).toContain('待接收');
    await shot(page, 'careplan-queue-desk');

    await row.getByRole('link', { name: PERSON }).click();
    await page.waitForURL(new RegExp(`#/careplans/${requested.id}$`));
    await expect.poll(() => page.locator('h1').textContent()).toContain('待接收');
    await shot(page, 'careplan-request-desk');
    await page.getByRole('button', { name: '接收', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已接收');
    await expect.poll(() => page.locator('h1').textContent()).toContain('服务中');
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
    await shot(page, 'careplan-accepted-desk');
    await page.getByRole('link', { name: '继续制定' }).click();
    await page.waitForURL(/#\/careplans\/versions\//);

    // The draft: each line says which finding proposed it; the gauge shows the cost against the 1,200 yuan cap.
    await expect.poll(() => page.locator('tbody.line').count()).toBeGreaterThan(3);
    const a07 = page.locator('tbody.line[data-code="A07"]');
    expect(await a07.textContent()).toContain('进食 0 分 → A07 协助进食/水, 每日');
    expect(await page.locator('.gauge').textContent()).toContain('支付限额：每月 ¥1,200.00');
    expect(await page.locator('.gauge').textContent()).toContain('生成草稿时已自动适配支付限额');
    expect(await page.locator('.gauge').getAttribute('data-over')).toBe('false');
    await shot(page, 'careplan-editor-desk', true);

    // Remove the bed-making item, add hair washing from the catalogue, and give it twice a week.
    const before = await figure(page, 'gross');
    const removed = (await page.locator('tbody.line[data-code="A10"]').count()) ? 'A10' : await page.locator('tbody.line').last().getAttribute('data-code');
    await page.locator(`tbody.line[data-code="${removed}"]`).getByRole('button', { name: /^移除/ }).click();
    await expect.poll(() => page.locator(`tbody.line[data-code="${removed}"]`).count()).toBe(0);
    await expect.poll(() => figure(page, 'gross')).not.toBe(before);
    expect(await page.locator('.savebar').textContent()).toContain('有未保存的修改');

    await page.getByRole('button', { name: '添加项目' }).click();
    await page.locator('#picker-search').fill('洗发');
    const picker = page.locator('section.picker');
    await expect.poll(() => picker.locator('li').count()).toBe(1);
    // Clinical items are offered only to agencies with a nurse or medical caregiver; the demo agency has one or not.
    await page.locator('#picker-search').fill('');
    await picker.getByRole('button', { name: 'B 医疗护理' }).click();
    const b01 = picker.locator('li[data-code="B01"]');
    const clinical = await page.locator('section.picker .notice.warning').count() === 0;
    expect(await b01.getByRole('button').isDisabled()).toBe(!clinical);
    await shot(page, 'careplan-picker-desk');
    await picker.getByRole('button', { name: '全部', exact: true }).click();
    await page.locator('#picker-search').fill('A02');
    await picker.getByRole('button', { name: '添加 A02 洗发' }).click();
    const a02 = page.locator('tbody.line[data-code="A02"]');
    await expect.poll(() => a02.count()).toBe(1);
    // Already in the plan: the picker says so instead of offering it again.
    expect(await picker.locator('li[data-code="A02"]').textContent()).toContain('已在计划中');
    await page.getByRole('button', { name: '完成' }).click();

    const afterAdd = await figure(page, 'gross');
    await a02.locator('input[type="number"]').fill('2');
    await expect.poll(() => figure(page, 'gross')).not.toBe(afterAdd);
    expect(await a02.locator('td.units').textContent()).toBe('9');
    await a02.getByRole('button', { name: '周二' }).click();
    await a02.getByRole('button', { name: '周五' }).click();
    expect(await page.locator('.week [data-day="2"]').textContent()).toContain('A02');
    expect(await page.locator('.week [data-day="5"]').textContent()).toContain('A02');
    // Over the cap now? Fitting lowers the least essential items until it fits, and says what it changed.
    if ((await page.locator('.gauge').getAttribute('data-over')) === 'true') {
      await shot(page, 'careplan-editor-over-desk');
      await page.getByRole('button', { name: '适配上限' }).click();
      await expect.poll(() => page.locator('.gauge').getAttribute('data-over')).toBe('false');
      expect(await page.locator('.fit-result').textContent()).toMatch(/节省 ¥/);
    }
    await page.locator('#plan-goals').fill('保持个人清洁，预防压疮与跌倒。');
    await shot(page, 'careplan-editor-changed-desk', true);

    // Fitting may have lowered the new item again (items outside the fit order go first): save what is shown.
    const times = await a02.locator('input[type="number"]').inputValue();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.savebar').textContent()).toMatch(/已于 \d\d:\d\d 保存/);
    expect(await page.locator('tbody.line[data-code="A02"] input[type="number"]').inputValue()).toBe(times);

    // The same draft on a phone.
    const phone = await openAs(PHONE, 'agency', page.url().slice(page.url().indexOf('#')));
    await expect.poll(() => phone.locator('tbody.line').count()).toBeGreaterThan(3);
    await shot(phone, 'careplan-editor-phone');
    await shot(phone, 'careplan-editor-phone-full', true);

    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已提交审核');
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await page.locator('table.lines-view tbody tr[data-code="A02"]').textContent()).toContain(`每周${times}次`);

    // The fund officer starts on the plans awaiting approval and decides beside the assessment.
    const desk = await openAs(DESK, 'officer', '#/careplans');
    await expect.poll(() => desk.getByRole('button', { name: /^待审核/ }).getAttribute('aria-pressed')).toBe('true');
    const officerRow = desk.locator('table.plans tbody tr', { hasText: PERSON });
    await expect.poll(() => officerRow.count()).toBe(1);
    await shot(desk, 'careplan-queue-officer-desk');
    await officerRow.getByRole('link', { name: PERSON }).click();
    await desk.getByRole('link', { name: '审核计划' }).click();
    await desk.waitForURL(/#\/careplans\/versions\//);
    const assessment = desk.locator('section.assessment');
    await expect.poll(() => assessment.count()).toBe(1);
    expect(await assessment.textContent()).toContain('进食');
    expect(await assessment.locator('tr[data-item]').count()).toBe(17);
    await shot(desk, 'careplan-approve-desk', true);
    await desk.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => desk.getByRole('status').first().textContent()).toContain('审核通过');
    await expect.poll(() => desk.locator('h1 [data-status]').getAttribute('data-status')).toBe('IN_FORCE');
    expect(await desk.locator('h1').textContent()).toContain('生效中');
    expect(await desk.getByRole('link', { name: '打印护理计划 (PDF)' }).getAttribute('href')).toMatch(/^\/api\/care-plan-versions\/.+\/pdf$/);
    await shot(desk, 'careplan-approved-desk');

    // On the plan page the version's history says so too.
    await desk.getByRole('link', { name: `${PERSON}的护理计划` }).click();
    await expect.poll(() => desk.locator('table.versions tbody tr[data-status="IN_FORCE"]').count()).toBe(1);
    await shot(desk, 'careplan-plan-officer-desk', true);
    const phoneQueue = await openAs(PHONE, 'officer', '#/careplans?tab=ALL');
    await expect.poll(() => phoneQueue.locator('table.plans tbody tr').count()).toBeGreaterThan(0);
    await shot(phoneQueue, 'careplan-queue-phone');

    // A revision starts as a copy of the plan in force; discarding it leaves that plan as it was.
    await page.goto(`${server.url}/#/careplans/${requested.id}`);
    await page.getByRole('button', { name: '修订计划（复制现行版本）' }).click();
    await page.waitForURL(/#\/careplans\/versions\//);
    await expect.poll(() => page.locator('h1').textContent()).toContain('第2版');
    expect(await page.locator('tbody.line[data-code="A02"]').count()).toBe(1);
    await page.getByRole('button', { name: '作废此修订' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '作废', exact: true }).click();
    await page.waitForURL(new RegExp(`#/careplans/${requested.id}$`));
    await expect.poll(() => page.locator('table.versions tbody tr[data-status="DISCARDED"]').count()).toBe(1);
    expect(await page.locator('table.versions tbody tr[data-status="IN_FORCE"]').count()).toBe(1);
    await shot(page, 'careplan-plan-agency-desk', true);

    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('asks for the family’s consent to an excess before submitting, shows a return’s reason, and says when someone else saved', async () => {
    const agencyId = (await ok(agency, `{ agencies { id } }`)).agencies[0].id;
    const person = await assessedPerson(server, officer, { level: 4, name: '超限演示人' });
    const requested = (
      await ok(officer, `mutation($i: CarePlanRequestInput!) { requestCarePlan(input: $i) { id } }`, {
        i: { personId: person.personId, careForm: 'HOME', agencyId, startDate: today },
      })
    ).requestCarePlan;
    const accepted = (await ok(agency, `mutation($id: ID!) { acceptCarePlan(id: $id) { open { id } } }`, { id: requested.id })).acceptCarePlan;
    const versionId = accepted.open.id as string;

    const page = await openAs(DESK, 'agency', `#/careplans/versions/${versionId}`);
    const a07 = page.locator('tbody.line[data-code="A07"]');
    await expect.poll(() => a07.count()).toBe(1);
    // Feeding three times a day takes the plan over its cap: the gauge turns red and says what follows.
    await a07.locator('select').selectOption('DAY');
    await a07.locator('input[type="number"]').fill('3');
    await expect.poll(() => page.locator('.gauge').getAttribute('data-over')).toBe('true');
    expect(await page.locator('.gauge .over-note').textContent()).toContain('超出支付限额');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.savebar').textContent()).toMatch(/已于 \d\d:\d\d 保存/);
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    expect(await page.locator('#submit-block').textContent()).toContain('须先记录本人或家属的超限自费同意');
    await shot(page, 'careplan-consent-desk', true);

    await page.locator('#consent-signed-by').fill('王小红');
    await page.locator('#consent-relation').fill('子女');
    await page.getByRole('button', { name: '记录同意' }).click();
    await expect.poll(() => page.locator('section.consent').getAttribute('data-covered')).toBe('true');
    expect(await page.locator('section.consent').textContent()).toContain('王小红（子女）已同意');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => page.locator('h1 [data-status]').getAttribute('data-status')).toBe('SUBMITTED');

    // The fund office returns it: the agency reads why at the top of the draft.
    await ok(officer, `mutation($v: ID!) { returnCarePlan(versionId: $v, reason: "进食每日3次依据不足，请按评估结果调整。") { id } }`, { v: versionId });
    await page.reload();
    await expect.poll(() => page.locator('.returned').textContent()).toContain('进食每日3次依据不足');
    expect(await page.locator('.returned').textContent()).toContain('退回修改');
    await shot(page, 'careplan-returned-desk');

    // Someone else saves meanwhile: this page's save is refused as stale and offers a reload.
    const lines = (await ok(agency, `query($v: ID!) { carePlanVersion(id: $v) { lines { kind code times per } } }`, { v: versionId })).carePlanVersion.lines;
    await ok(agency, `mutation($v: ID!, $i: CarePlanDraftInput!) { saveCarePlanDraft(versionId: $v, input: $i) { id } }`, {
      v: versionId,
      i: { lines: lines.map((l: Record<string, unknown>) => ({ kind: l.kind, code: l.code, times: l.times, per: l.per })), notes: '他人修改' },
    });
    await a07.locator('input[type="number"]').fill('1');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.banner[data-reason="STALE"]').count()).toBe(1);
    expect(await page.locator('.banner[data-reason="STALE"]').textContent()).toContain('他人已保存过此计划');
    await shot(page, 'careplan-stale-desk');
    await page.getByRole('button', { name: /重新加载/ }).click();
    await expect.poll(() => page.locator('#plan-notes').inputValue()).toBe('他人修改');
    expect(await page.locator('.savebar').textContent()).toContain('没有未保存的修改');

    // A rented wheelchair: a device line at its monthly fee, costed against the devices' own cap.
    await page.getByRole('button', { name: '添加项目' }).click();
    await page.locator('section.picker').getByRole('button', { name: '辅具租赁' }).click();
    await page.locator('section.picker').getByRole('button', { name: '添加 WHEELCHAIR 轮椅' }).click();
    const wheelchair = page.locator('tbody.line[data-kind="DEVICE"][data-code="WHEELCHAIR"]');
    await expect.poll(() => wheelchair.count()).toBe(1);
    expect(await wheelchair.textContent()).toContain('每月租赁');
    expect(await wheelchair.locator('td.cost').textContent()).toBe('¥30.00');
    await expect.poll(() => page.locator('.gauge').textContent()).toContain('辅具租赁');
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.savebar').textContent()).toMatch(/已于 \d\d:\d\d 保存/);
    await shot(page, 'careplan-device-desk');

    // The same editor in English.
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Care plan of 超限演示人');
    expect(await page.locator('.gauge').textContent()).toContain('Cap: ¥1,500.00 a month');
    await shot(page, 'careplan-editor-en-desk', true);

    expect(pageErrors).toEqual([]);
  }, 120_000);
});
