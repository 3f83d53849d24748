// The fund office's care-plan screens in a real browser against a real server: the officer records a qualifying
// person's choice of home care with the contracted agency (the agency list comes from the server) and lands on
// the plan; a second main form the same month is refused in words; on the benefits page the officer adds a
// device and a future settings version (a past date and an amount out of range show inline); agency staff read
// the settings without the forms; a plan whose agency's contract ended is moved to another agency, and the old
// agency sees only its own plan of the person.
// Screenshots go to test/.artifacts/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ARTIFACTS, DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { assessedPerson } from '../helpers/careplan.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import { monthOf } from '../../server/src/careplan/careplan.rules.ts';

let server: TestServer;
let officer: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const sql = (q: string, params: unknown[] = []) => sqlOn(server)(q, params);
const today = localDate(new Date());
const HOME_AGENCY = DEMO_AGENCIES[0]!.name; // 青岛颐康居家护理服务有限公司, serving 370202
const INSTITUTION_AGENCY = '青岛康宁护理院'; // institutional care in 370202
const OTHER_HOME_AGENCY = '青岛福苑居家护理服务有限公司'; // home care in 370202, its contract suspended in the demo
/** The qualifying person of these tests (district 370202) and the plan the officer requested. */
let person: { personId: string };
let planId = '';

beforeAll(async () => {
  server = await startTestServer();
  officer = await server.as('officer');
  browser = await launchBrowser();
  person = await assessedPerson(server, officer, { level: 4, name: '护计测试人' });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser (no cookie, no storage), signed in through the login page, on a page of the app. */
async function openAs(device: typeof DESK | typeof PHONE, username: string, hash = ''): Promise<Page> {
  // A zone far from Shanghai shows that "today" is Beijing's whatever the device says.
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

/** A screenshot of one part of a long page (a phone's whole page is too tall to look at). */
const shotOf = (part: Locator, name: string) => part.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const plansOf = async (personId: string) =>
  (await ok(officer, `query($p: ID!) { carePlans(personId: $p) { nodes { id state careForm agencyName startDate endDate endReason } } }`, { p: personId })).carePlans.nodes;

describe('care plans and benefits for the fund office, in the browser', () => {
  it('lets the officer record a home-care plan with a contracted agency; a second main form the same month is refused in words', async () => {
    const page = await openAs(DESK, 'officer', `#/people/${person.personId}`);
    const section = page.locator('section.plans');
    await expect.poll(() => section.textContent()).toContain('尚无护理计划');
    await section.getByRole('button', { name: '选择护理形式与机构' }).click();

    // The start date is today in Beijing, whatever the device's zone; agencies wait for a form.
    expect(await page.locator('#request-start').inputValue()).toBe(today);
    expect(await section.textContent()).toContain('请先选择护理形式和起始日期');
    await page.locator('#request-form').selectOption('HOME');
    const homeAgency = section.getByRole('radio', { name: new RegExp(HOME_AGENCY) });
    await expect.poll(() => homeAgency.count()).toBe(1);
    // Only agencies with a contract in force for the form, serving the person's district.
    expect(await section.getByRole('radio').count()).toBe(1);
    expect(await section.textContent()).not.toContain(OTHER_HOME_AGENCY);
    await homeAgency.check();
    await expect.poll(() => page.getByLabel('留置营养管（鼻饲）').isVisible()).toBe(true);
    await shot(page, 'careplan-request-desk', true);

    await section.getByRole('button', { name: '登记并通知机构' }).click();
    await page.waitForURL(/#\/careplans\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').at(-1)!;
    const [plan] = await plansOf(person.personId);
    expect(plan).toMatchObject({ id: planId, state: 'REQUESTED', careForm: 'HOME', agencyName: HOME_AGENCY, startDate: today });

    // Back on the person's page: the plan is listed with its state and links to its page.
    await page.goto(`${server.url}/#/people/${person.personId}`);
    const row = page.locator(`table.person-plans tr[data-plan="${planId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(HOME_AGENCY);
    expect(await row.textContent()).toContain('待机构接收');
    expect(await row.getByRole('link', { name: '居家上门护理' }).getAttribute('href')).toBe(`#/careplans/${planId}`);

    // Institutional care from the same day: the agency list changes with the form, the server refuses the clash.
    await section.getByRole('button', { name: '选择护理形式与机构' }).click();
    await page.locator('#request-form').selectOption('INSTITUTION');
    const institution = section.getByRole('radio', { name: new RegExp(INSTITUTION_AGENCY) });
    await expect.poll(() => institution.count()).toBe(1);
    expect(await section.getByRole('radio', { name: new RegExp(HOME_AGENCY) }).count()).toBe(0);
    await institution.check();
    await section.getByRole('button', { name: '登记并通知机构' }).click();
    const refusal = section.locator('.refusal[role="alert"]');
    await expect.poll(() => refusal.textContent()).toContain('同一个月只能享受一种主要护理形式');
    expect(await refusal.textContent()).toContain(`该参保人已有居家上门护理计划，自 ${today} 起`);
    expect(await refusal.textContent()).toContain(`改换护理形式最早可从 ${addDays(monthOf(today).last, 1)} 起`);
    expect(await refusal.textContent()).toContain('系统说明');
    expect(page.url()).toContain(`#/people/${person.personId}`);
    expect(await plansOf(person.personId)).toHaveLength(1);
    await shot(page, 'careplan-request-refused-desk', true);

    // Device rental goes with any form and has no feeding tube to ask about.
    await page.locator('#request-form').selectOption('DEVICE');
    await expect.poll(() => page.getByLabel('留置营养管（鼻饲）').count()).toBe(0);

    const phone = await openAs(PHONE, 'officer', `#/people/${person.personId}`);
    await expect.poll(() => phone.locator('table.person-plans tbody tr').count()).toBe(1);
    await phone.locator('section.plans').scrollIntoViewIfNeeded();
    await shot(phone, 'careplan-person-plans-phone');
    await phone.locator('section.plans').getByRole('button', { name: '选择护理形式与机构' }).click();
    await phone.locator('#request-form').selectOption('HOME');
    await expect.poll(() => phone.getByRole('radio', { name: new RegExp(HOME_AGENCY) }).count()).toBe(1);
    await phone.locator('#request-form').scrollIntoViewIfNeeded();
    await shotOf(phone.locator('section.plans'), 'careplan-request-phone');
  }, 120_000);

  it('lets the officer add a device and a future settings version; a past date and an amount out of range show inline', async () => {
    const page = await openAs(DESK, 'officer', '#/people');
    await nav(page).getByRole('link', { name: '待遇标准' }).click();
    await page.waitForURL(/#\/careplans\/benefits$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('待遇标准');

    // The defaults: home care a monthly cap, institutional care a daily one (with its monthly worth).
    const cell = (form: string, level: number) => page.locator(`table.matrix tr[data-form="${form}"] td[data-level="${level}"]`);
    await expect.poll(() => cell('HOME', 3).textContent()).toContain('¥1,200.00/月');
    expect(await cell('INSTITUTION', 4).textContent()).toContain('¥70.00/日');
    expect(await cell('INSTITUTION', 4).textContent()).toContain('折合每月 ¥2,100.00');
    expect(await page.locator('table.matrix tr[data-form="HOME"] .ratio').textContent()).toContain('75%');
    // The drafting table in words.
    const eating = page.locator('table.proposal-table tr[data-rule="EATING"]');
    expect(await eating.textContent()).toContain('进食 0 或 5 分');
    expect(await eating.textContent()).toContain('A07');
    expect(await eating.textContent()).toContain('协助进食/水');
    expect(await eating.textContent()).toContain('每日');
    await shot(page, 'careplan-benefits-desk', true);

    // A device: a code the server refuses shows at the code, then the device is added.
    const devices = page.locator('section.devices');
    await devices.getByRole('button', { name: '新增辅具' }).click();
    await page.locator('#device-code').fill('床');
    await page.locator('#device-name').fill('护理床');
    await page.locator('#device-fee').fill('60');
    await devices.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#device-code-error').textContent()).toContain('编码须为 2 至 20 位');
    await page.locator('#device-code').fill('bed');
    await devices.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => devices.getByRole('status').textContent()).toContain('已保存：护理床');
    const bed = devices.locator('tr[data-code="BED"]');
    await expect.poll(() => bed.count()).toBe(1);
    expect(await bed.textContent()).toContain('¥60.00');
    expect(await bed.textContent()).toContain('可租用');

    // A new version: a past date and 200,000 yuan come back from the server, each next to its field.
    await page.getByRole('button', { name: '新增待遇标准版本' }).click();
    const yesterday = addDays(today, -1);
    await page.locator('#benefit-effective').fill(yesterday);
    expect(await page.locator('#amount-HOME-3').inputValue()).toBe('1200.00');
    await page.locator('#amount-HOME-3').fill('200000');
    await page.getByRole('button', { name: '保存新版本' }).click();
    await expect.poll(() => page.locator('#benefit-effective-error').textContent()).toContain('须晚于今天');
    expect(await page.locator('#benefit-effective').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#value-HOME-3-error').textContent()).toContain('100,000 元');
    await shot(page, 'careplan-benefits-errors-desk');

    const from = addDays(monthOf(today).last, 1);
    await page.locator('#benefit-effective').fill(from);
    await page.locator('#amount-HOME-3').fill('1300');
    await page.locator('#ratio-FAMILY').fill('90');
    // Home care at level 5 in service hours a week; other forms do not offer hours.
    expect(await page.locator('#kind-INSTITUTION-5 option[value="WEEKLY_HOURS"]').count()).toBe(0);
    await page.locator('#kind-HOME-5').selectOption('WEEKLY_HOURS');
    await page.locator('#hours-HOME-5').fill('10.5');
    await page.getByRole('button', { name: '保存新版本' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`待遇标准已保存，自 ${from} 起执行`);
    // The page shows the new version; the history lists it as upcoming, the one in force stays.
    await expect.poll(() => cell('HOME', 3).textContent()).toContain('¥1,300.00/月');
    expect(await page.locator('table.matrix tr[data-form="FAMILY"] .ratio').textContent()).toContain('90%');
    expect(await cell('HOME', 5).textContent()).toContain('每周 10.5 小时');
    expect(await page.locator(`table.benefit-versions tr[data-from="${from}"]`).getAttribute('data-status')).toBe('UPCOMING');
    const stored = (await ok(officer, `{ benefitSettings(poolingArea: "3702") { effectiveFrom forms { form levels { level amountFen } } } benefitSettingsVersions(poolingArea: "3702") { effectiveFrom forms { form fundRatioPercent levels { level amountFen } } } }`));
    expect(stored.benefitSettings.effectiveFrom).toBeNull();
    const version = stored.benefitSettingsVersions.find((v: { effectiveFrom: string }) => v.effectiveFrom === from);
    expect(version.forms.find((f: { form: string }) => f.form === 'HOME').levels.find((l: { level: number }) => l.level === 3).amountFen).toBe(130000);
    expect(version.forms.find((f: { form: string }) => f.form === 'FAMILY').fundRatioPercent).toBe(90);
    await shot(page, 'careplan-benefits-saved-desk', true);
    await page.getByRole('button', { name: '返回现行标准' }).click();
    await expect.poll(() => cell('HOME', 3).textContent()).toContain('¥1,200.00/月');
    // In English the officer's navigation, one link longer now, still fits the desk.
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Benefit settings');
    await shot(page, 'careplan-benefits-officer-en-desk');

    const phone = await openAs(PHONE, 'officer', '#/careplans/benefits');
    await expect.poll(() => phone.locator('table.matrix tbody tr').count()).toBe(5);
    await shot(phone, 'careplan-benefits-phone', true);
    await shotOf(phone.locator('section.settings'), 'careplan-benefits-matrix-phone');
    await shotOf(phone.locator('section.versions'), 'careplan-benefits-versions-phone');
    await shotOf(phone.locator('section.proposals'), 'careplan-benefits-proposals-phone');
    await shotOf(phone.locator('section.devices'), 'careplan-benefits-devices-phone');
    await phone.getByRole('button', { name: '新增待遇标准版本' }).click();
    await shotOf(phone.locator('section.benefit-form'), 'careplan-benefits-form-phone');
  }, 120_000);

  it('shows agency staff the benefit settings and devices without the forms', async () => {
    for (const device of [DESK, PHONE] as const) {
      const page = await openAs(device, 'agency', '#/careplans/benefits');
      await expect.poll(() => page.locator('table.matrix tbody tr').count()).toBe(5);
      expect((await nav(page).getByRole('link').allTextContents()).map((s) => s.trim())).not.toContain('待遇标准');
      expect(await page.locator('main').textContent()).toContain('调整须由医保经办机构办理');
      await expect.poll(() => page.locator('section.devices tr[data-code="BED"]').count()).toBe(1);
      expect(await page.getByRole('button', { name: '新增待遇标准版本' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '新增辅具' }).count()).toBe(0);
      expect(await page.locator('section.devices').getByRole('button').count()).toBe(0);
      expect(await page.locator('table.benefit-versions').getByRole('button', { name: '修改' }).count()).toBe(0);
      await shot(page, `careplan-benefits-agency-${device === DESK ? 'desk' : 'phone'}`, true);
      if (device === DESK) {
        // The same page in English.
        await page.locator('button.lang').click();
        await expect.poll(() => page.locator('h1').textContent()).toBe('Benefit settings');
        expect(await page.locator('table.matrix tr[data-form="INSTITUTION"] td[data-level="4"]').textContent()).toContain('¥70.00/day');
        expect(await page.locator('table.proposal-table tr[data-rule="EATING"]').textContent()).toContain('Eating scored 0 or 5');
        await shot(page, 'careplan-benefits-agency-en-desk', true);
      }
    }
  }, 60_000);

  it('offers the officer to move a plan whose agency’s contract ended, and moves it', async () => {
    const agency = await server.as('agency');
    await ok(agency, `mutation($id: ID!) { acceptCarePlan(id: $id) { state } }`, { id: planId });
    // The agency's contract ends yesterday; another home-care agency of the district has one in force.
    await sql(`update contract set end_date = ? where agency_id = ? and state = 'APPROVED' and end_date >= ?`, [addDays(today, -1), DEMO_AGENCIES[0]!.id, today]);
    await sql(`update contract set state = 'APPROVED', suspended_from = null, suspended_until = null, state_reason = null where agency_id = (select id from agency where name = ?)`, [OTHER_HOME_AGENCY]);

    const page = await openAs(DESK, 'officer', `#/people/${person.personId}`);
    const row = page.locator(`table.person-plans tr[data-plan="${planId}"]`);
    await expect.poll(() => row.locator('[data-attention="TO_TRANSFER"]').count()).toBe(1);
    expect(await row.textContent()).toContain('执行中');
    expect(await row.textContent()).toMatch(/第 1 版 · 草拟中/);
    await row.getByRole('button', { name: '转移' }).click();
    const dialog = page.getByRole('dialog', { name: '转移到其他定点机构' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('#transfer-date').inputValue()).toBe(addDays(today, 1));
    const other = dialog.getByRole('radio', { name: new RegExp(OTHER_HOME_AGENCY) });
    await expect.poll(() => other.count()).toBe(1);
    // The plan's own agency is no transfer.
    expect(await dialog.getByRole('radio', { name: new RegExp(HOME_AGENCY) }).count()).toBe(0);
    await shot(page, 'careplan-transfer-desk');
    await dialog.getByRole('button', { name: '确认转移' }).click();
    await expect.poll(() => page.locator('section.plans').getByRole('status').textContent()).toContain(`已转至 ${OTHER_HOME_AGENCY}`);
    await expect.poll(() => page.locator('table.person-plans tbody tr').count()).toBe(2);
    const plans = await plansOf(person.personId);
    expect(plans.find((p: { id: string }) => p.id === planId)).toMatchObject({ state: 'ENDED', endReason: 'AGENCY_CHANGE', endDate: today });
    expect(plans.find((p: { id: string }) => p.id !== planId)).toMatchObject({ state: 'REQUESTED', agencyName: OTHER_HOME_AGENCY, startDate: addDays(today, 1) });
    expect(await row.textContent()).toContain('更换定点机构');
    await shot(page, 'careplan-transferred-desk', true);

    // The old agency still serves the person today: it sees its own plan only, and may not request or move plans.
    const own = await openAs(PHONE, 'agency', `#/people/${person.personId}`);
    await expect.poll(() => own.locator('table.person-plans tbody tr').count()).toBe(1);
    expect(await own.locator('table.person-plans').textContent()).not.toContain(OTHER_HOME_AGENCY);
    expect(await own.locator('section.plans').getByRole('button').count()).toBe(0);
    await shotOf(own.locator('section.plans'), 'careplan-person-plans-agency-phone');
  }, 90_000);

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
