// The audit rules' settings page in a real browser against a real server. The demo caregiver records a visit
// checked out 1.5 km from home and unconfirmed (R04, R07); the supervisor dismisses the R04 finding through the
// API. Then, in the browser, the supervisor opens the settings from the findings queue, sees R04's false-alarm
// rate, sets the geofence to 250 m and turns R07 off, saves, reloads and finds both kept (and the API agrees);
// a negative geofence is refused next to its input; the month's audit runs with a spinner and shows its findings
// by rule and the time it took. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let server: TestServer;
let caregiver: Gql, supervisor: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const sql = (q: string, params: unknown[] = []) => sqlOn(server)(q, params);

let plan: { person_id: string; lat: number; lng: number; version_id: string };
let items: { code: string; minutes: number }[];
let area = '';
let far: any;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const north = (metres: number, accuracy = 10) => ({ lat: plan.lat + metres / 111_320, lng: plan.lng, accuracy });

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

beforeAll(async () => {
  server = await startTestServer();
  [caregiver, supervisor] = (await Promise.all(['caregiver', 'supervisor'].map((u) => server.as(u)))) as unknown as [Gql, Gql];
  browser = await launchBrowser();
  [plan] = await sql(
    `select p.person_id, v.id as version_id, ip.latitude as lat, ip.longitude as lng
       from care_plan_version v join care_plan p on p.id = v.plan_id join insured_person ip on ip.id = p.person_id
       join caregiver c on c.agency_id = p.agency_id join app_user u on u.id = c.user_id
      where u.username = 'caregiver' and p.care_form = 'HOME' and v.state = 'APPROVED' and v.effective_from <= current_date and v.effective_until is null
        and ip.status = 'ACTIVE' order by v.effective_from limit 1`,
  );
  expect(plan, 'a demo plan in force for the caregiver’s agency').toBeTruthy();
  items = await sql(`select code, minutes from care_plan_line where plan_version_id = ? and kind = 'ITEM' order by position`, [plan.version_id]);
  const me = (await ok(supervisor, `{ me { user { poolingArea grants { poolingArea } } } }`)).me.user;
  area = me.poolingArea ?? me.grants.find((g: any) => g.poolingArea)?.poolingArea;
  expect(area).toMatch(/^\d+$/);

  // A visit checked out 1.5 km from home without the beneficiary's confirmation: R04 and R07.
  const id = randomUUID();
  const length = Math.max(30, items[0]!.minutes + 5);
  await ok(caregiver, `mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, { i: { id, personId: plan.person_id, at: minutesAgo(300), position: north(20) } });
  far = (
    await ok(caregiver, `mutation($i: CheckOutInput!) { checkOut(input: $i) { id checkInAt findings { id rule } } }`, {
      i: { visitId: id, at: minutesAgo(300 - length), position: north(1500), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: null },
    })
  ).checkOut;
  expect(far.findings.map((f: any) => f.rule)).toEqual(expect.arrayContaining(['R04', 'R07']));
  const r04 = far.findings.find((f: any) => f.rule === 'R04');
  await ok(supervisor, `mutation($id: ID!, $n: String) { decideFinding(id: $id, decision: DISMISS, note: $n) { id status } }`, { id: r04.id, n: '老人当日在社区医院复诊，位置属实。' });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser in New York (the month must still be Beijing's), signed in through the login page. */
async function openAs(username: string, hash = ''): Promise<Page> {
  const context = await browser.newContext({ ...DESK, locale: 'zh-CN', timezoneId: 'America/New_York' });
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

const SETTINGS = `query($a: String!) { visitSettings(poolingArea: $a) }`;

describe('the audit rules’ settings', () => {
  it('the supervisor retunes R04 and R07, sees a refused value next to its input, and runs the month’s audit', async () => {
    const page = await openAs('supervisor', '#/findings');
    await page.getByRole('link', { name: '审核规则设置' }).click();
    await page.waitForURL(/#\/findings\/rules$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('审核规则设置');
    await expect.poll(() => page.locator('table.rules tbody tr').count()).toBe(10);

    // R04's false-alarm rate, as the findings counts have it.
    const counts = (await ok(supervisor, `{ findingCounts { rule dismissed confirmed dismissedShare } }`)).findingCounts;
    const c04 = counts.find((c: any) => c.rule === 'R04');
    expect(c04.dismissed).toBeGreaterThan(0);
    const row04 = page.locator('table.rules tr[data-rule="R04"]');
    await expect.poll(() => row04.locator('[data-figure="share"]').textContent()).toContain(`${Math.round(c04.dismissedShare * 100)}%`);
    expect(await row04.textContent()).toContain('签到签退位置偏离住址');
    expect(await row04.locator('select').inputValue()).toBe('FLAG');
    expect(await row04.locator('select option:checked').textContent()).toBe('提示');
    expect(await page.locator('#param-geofenceMetres').inputValue()).toBe('300');
    await shot(page, 'audit-settings-desk');
    await shot(page, 'audit-settings-full-desk', true);

    // The geofence to 250 m, R07 off; saved.
    await page.locator('#param-geofenceMetres').fill('250');
    const r07 = page.getByRole('switch', { name: '启用规则 R07' });
    expect(await r07.isChecked()).toBe(true);
    await r07.uncheck();
    expect(await page.locator('table.rules tr[data-rule="R07"]').textContent()).toContain('停用');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.settings .notice.success').textContent()).toContain('已保存审核规则设置');
    await shot(page, 'audit-settings-saved-desk');

    // Kept across a reload, and by the API.
    await page.reload();
    await expect.poll(() => page.locator('#param-geofenceMetres').inputValue()).toBe('250');
    expect(await page.getByRole('switch', { name: '启用规则 R07' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: '启用规则 R04' }).isChecked()).toBe(true);
    let stored = (await ok(supervisor, SETTINGS, { a: area })).visitSettings;
    expect(stored.geofenceMetres).toBe(250);
    expect(stored.rules.R07).toEqual({ enabled: false, action: 'FLAG' });
    expect(stored.rules.R04).toEqual({ enabled: true, action: 'FLAG' });

    // A negative geofence is refused by the server, and said next to the input; nothing is stored.
    await page.locator('#param-geofenceMetres').fill('-5');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#param-geofenceMetres').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#param-geofenceMetres-error').textContent()).toContain('须为大于 0、小于 100000 的数值');
    expect(await page.locator('.settings .notice.success').count()).toBe(0);
    stored = (await ok(supervisor, SETTINGS, { a: area })).visitSettings;
    expect(stored.geofenceMetres).toBe(250);
    await page.locator('#param-geofenceMetres').scrollIntoViewIfNeeded();
    await shot(page, 'audit-settings-error-desk');
    // A clock skew beyond an hour is refused by the server; an empty input is said before anything is sent.
    await page.locator('#param-geofenceMetres').fill('250');
    await page.locator('#param-clockSkewMinutes').fill('90');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#param-clockSkewMinutes-error').textContent()).toContain('须在 0 至 60 之间');
    expect(await page.locator('#param-geofenceMetres-error').count()).toBe(0);
    await page.locator('#param-clockSkewMinutes').fill('5');
    expect(await page.locator('#param-clockSkewMinutes-error').count()).toBe(0);
    await page.locator('#param-dayMaxVisits').fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#param-dayMaxVisits-error').textContent()).toContain('请填写数值');
    await page.locator('#param-dayMaxVisits').fill('8');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('.settings .notice.success').count()).toBe(1);
    stored = (await ok(supervisor, SETTINGS, { a: area })).visitSettings;
    expect(stored).toMatchObject({ geofenceMetres: 250, clockSkewMinutes: 5, dayMaxVisits: 8 });

    // The month's audit: this month in Beijing by default; the button waits while it runs, then the outcome.
    const month = localDate(new Date()).slice(0, 7);
    expect(await page.locator('#run-month').inputValue()).toBe(month);
    const visitMonth = localDate(new Date(far.checkInAt)).slice(0, 7);
    if (visitMonth !== month) await page.locator('#run-month').fill(visitMonth);
    // The answer is held back a moment so the running state can be seen.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('runMonthlyAudit')) await held;
      await route.continue();
    });
    const run = page.locator('form.run button[type="submit"]');
    await run.click();
    await expect.poll(() => run.isDisabled()).toBe(true);
    expect(await run.textContent()).toContain('审核中');
    expect(await run.locator('.spinner').count()).toBe(1);
    expect(await page.locator('form.run .progress').textContent()).toContain(`正在审核 ${visitMonth}`);
    await shot(page, 'audit-settings-running-desk');
    release();
    await expect.poll(() => page.locator('form.run .outcome').count()).toBe(1);
    expect(await run.isDisabled()).toBe(false);
    const outcome = page.locator('form.run .outcome');
    const total = Number(await outcome.getAttribute('data-findings'));
    expect(total).toBeGreaterThan(0);
    expect(await outcome.locator('.notice').textContent()).toMatch(new RegExp(`${visitMonth} 审核完成：共 ${total} 条稽核发现，用时 \\d+(\\.\\d)? (毫秒|秒)`));
    expect(await outcome.locator('tbody tr').count()).toBe(10);
    // The dismissed R04 finding is kept as decided; R07 is off and raises nothing.
    expect(Number(await outcome.locator('tr[data-rule="R04"] [data-figure="count"]').textContent())).toBeGreaterThan(0);
    expect(await outcome.locator('tr[data-rule="R07"] [data-figure="count"]').textContent()).toBe('0');
    await outcome.scrollIntoViewIfNeeded();
    await shot(page, 'audit-settings-run-desk');
    await shot(page, 'audit-settings-run-full-desk', true);

    // In English.
    await page.locator('button.lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audit rules');
    await shot(page, 'audit-settings-en-desk', true);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('the findings queue links to the settings only for those who run the audit', async () => {
    const page = await openAs('agency', '#/findings');
    await expect.poll(() => page.locator('h1').textContent()).toBe('稽核发现');
    expect(await page.getByRole('link', { name: '审核规则设置' }).count()).toBe(0);
    await page.goto(`${server.url}/#/findings/rules`);
    await expect.poll(() => page.locator('h1').textContent()).not.toBe('审核规则设置');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
