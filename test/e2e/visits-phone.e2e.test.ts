// The caregiver's phone in a real browser against a real server: the agency assigns the demo caregiver to a
// beneficiary with a home-care plan in force; the caregiver signs in on a phone near the beneficiary's home, sees
// them in today's list, checks in, loses the network, ticks items, has the beneficiary sign on the pad, reads the
// warnings the server's own rules give before check-out (too short; checked out 850 m from home), explains in the
// notes and checks out into the phone's queue (待发送); the network comes back, the queue sends itself, and the
// agency sees the visit with the same findings the phone predicted. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';

let server: TestServer;
let agency: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const today = localDate(new Date());
const sql = (q: string, params: unknown[] = []) => sqlOn(server)(q, params);
let plan: { person_id: string; name: string; lat: number; lng: number; version_id: string };
let items: { code: string; name: string; minutes: number }[];
let caregiverName = '';

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

/** A point `metres` north of the home. */
const north = (metres: number) => ({ latitude: plan.lat + metres / 111_320, longitude: plan.lng, accuracy: 12 });

beforeAll(async () => {
  server = await startTestServer();
  agency = await server.as('agency');
  browser = await launchBrowser();
  // A beneficiary of the demo caregiver's agency with a home-care plan in force and a located home (as the visits
  // API test finds one).
  [plan] = await sql(
    `select p.person_id, ip.name, v.id as version_id, ip.latitude as lat, ip.longitude as lng
       from care_plan_version v join care_plan p on p.id = v.plan_id join insured_person ip on ip.id = p.person_id
       join caregiver c on c.agency_id = p.agency_id join app_user u on u.id = c.user_id
      where u.username = 'caregiver' and p.care_form = 'HOME' and v.state = 'APPROVED' and v.effective_from <= current_date and v.effective_until is null
        and ip.status = 'ACTIVE' and ip.latitude is not null order by v.effective_from limit 1`,
  );
  expect(plan, 'a demo plan in force for the caregiver’s agency').toBeTruthy();
  // A clean slate for this beneficiary: the demo month's visits would add their own findings to what is tested.
  await sql(`delete from visit_finding where person_id = ?`, [plan.person_id]);
  await sql(`delete from visit where person_id = ?`, [plan.person_id]);
  items = await sql(`select code, name, minutes from care_plan_line where plan_version_id = ? and kind = 'ITEM' order by position`, [plan.version_id]);
  const [{ id: caregiverId, name }] = await sql(`select c.id, c.name from caregiver c join app_user u on u.id = c.user_id where u.username = 'caregiver'`);
  caregiverName = name;
  // The demo data may already have the caregiver on this beneficiary's rounds; otherwise the agency assigns her.
  const current = (await ok(agency, `query($p: ID!) { caregiverAssignments(personId: $p) { caregiverId role until } }`, { p: plan.person_id })).caregiverAssignments;
  if (!current.some((a: any) => a.caregiverId === caregiverId && a.until === null)) {
    const assigned = await ok(agency, `mutation($i: AssignmentInput!) { assignCaregiver(input: $i) { id role caregiverName personName } }`, {
      i: { personId: plan.person_id, caregiverId, role: 'PRIMARY', since: today },
    });
    expect(assigned.assignCaregiver).toMatchObject({ role: 'PRIMARY', personName: plan.name });
  }
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A phone near the beneficiary's home that lets the app read its position. */
async function phoneAs(username: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['geolocation'], geolocation: north(20) });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('#login-password').press('Enter');
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return { page, context };
}

const recordState = (page: Page, kind: 'CHECK_IN' | 'CHECK_OUT') => page.locator(`li.record[data-kind="${kind}"]`).first().getAttribute('data-state');

describe('the caregiver’s phone', () => {
  it('is installable: a manifest named 长护 with its icons, linked from the page, and a service worker', async () => {
    const html = await (await fetch(server.url + '/')).text();
    expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
    const res = await fetch(server.url + '/manifest.webmanifest');
    expect(res.headers.get('content-type')).toMatch(/manifest\+json|json/);
    const manifest = (await res.json()) as { name: string; icons: { src: string; purpose: string }[] };
    expect(manifest).toMatchObject({ name: '长护', display: 'standalone', start_url: '/#/' });
    for (const icon of manifest.icons) {
      const png = await fetch(server.url + icon.src);
      expect(png.headers.get('content-type'), icon.src).toBe('image/png');
    }
    expect(manifest.icons.map((i) => i.purpose)).toContain('maskable');
    const sw = await fetch(server.url + '/sw.js');
    expect(sw.status).toBe(200);
    // The service worker precaches the shell and caches no API answer.
    const code = await sw.text();
    expect(code).toContain('index.html');
    expect(code).not.toMatch(/registerRoute\([^)]*graphql/);
  });

  it('records a visit offline, warns before check-out with the server’s rules, and sends it when the network returns', async () => {
    const { page, context } = await phoneAs('caregiver');
    // A caregiver's home is today's list; the header names it first.
    await page.waitForURL(/#\/my-day$/);
    expect((await page.getByRole('navigation', { name: '主导航' }).getByRole('link').first().textContent())?.trim()).toBe('今日服务');
    const card = page.locator(`li.stop[data-person="${plan.person_id}"]`);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.textContent()).toContain('主责');
    expect(await card.locator('a.address').getAttribute('href')).toMatch(/^tel:/);
    // Near the home: the list says it is sorted by distance, and how far.
    await expect.poll(() => page.locator('.sort').textContent()).toContain('按离您的距离排列');
    expect(await card.locator('.distance').textContent()).toMatch(/^\d+ 米$/);
    await expect.poll(() => page.getByTestId('refreshed').textContent()).toMatch(/名单更新于 \d\d:\d\d/);
    await shot(page, 'visits-today-phone');

    // Check-in: the time and the position once, now.
    await card.getByRole('link', { name: '开始服务' }).click();
    await page.waitForURL(new RegExp(`#/my-day/visit/${plan.person_id}$`));
    expect(await page.locator('.privacy').first().textContent()).toContain('仅在签到、签退时记录位置');
    await page.getByTestId('check-in').click();
    // Anything the rules say at check-in (none expected this close to home) would be shown first.
    const items0 = page.locator(`li[data-code="${items[0]!.code}"]`);
    await expect.poll(() => items0.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.visit-head').textContent()).toMatch(/\d\d:\d\d 已签到/);
    // The check-in reaches the server while the network is there.
    await expect.poll(async () => (await sql(`select status from visit where person_id = ? and caregiver_id = (select c.id from caregiver c join app_user u on u.id = c.user_id where u.username = 'caregiver')`, [plan.person_id])).map((r: any) => r.status), { timeout: 15_000 }).toEqual(['OPEN']);

    // The app shell is on the phone: the service worker controls the page once it has precached it.
    // (Strings: the server's type check knows no DOM.)
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);

    // The stairwell: no network from here on.
    await context.setOffline(true);
    await expect.poll(() => page.locator('.status').getAttribute('data-online')).toBe('no');

    // Items of the plan only, with steppers; the first ticked twice.
    expect(await page.locator('ul.items > li').count()).toBe(items.length);
    await items0.locator('input[type="checkbox"]').check();
    await items0.getByRole('button', { name: /增加一次/ }).click();
    expect(await items0.locator('output').textContent()).toBe('2 次');

    // The beneficiary signs with a finger.
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 11, box.y + 120 - Math.sin(i / 2.5) * 40);
    await page.mouse.up();
    await expect.poll(() => page.locator('.pad + .actions').textContent()).toContain('已签名');
    await expect.poll(() => page.getByTestId('kept').getAttribute('data-kept')).toBe('yes');
    expect(await page.getByTestId('kept').textContent()).toContain('已保存在手机上');

    // The phone restarts the app with no network: the shell comes from the service worker, the caregiver from the
    // last sign-in, the day from IndexedDB, and the visit under way as it was, ticks and signature included.
    await page.reload();
    await expect.poll(() => items0.locator('input[type="checkbox"]').isChecked(), { timeout: 15_000 }).toBe(true);
    expect(await items0.locator('output').textContent()).toBe('2 次');
    await expect.poll(() => page.locator('.pad + .actions').textContent()).toContain('已签名');
    await expect.poll(() => page.locator('.status').getAttribute('data-online')).toBe('no');
    await shot(page, 'visits-visit-phone', true);

    // Check-out 850 m from the home: before anything is stored, the rules warn in plain words.
    await context.setGeolocation(north(850));
    await page.getByTestId('check-out').click();
    const warnings = page.getByTestId('warnings');
    await expect.poll(() => warnings.count(), { timeout: 15_000 }).toBe(1);
    const standard = items[0]!.minutes * 2;
    expect(await warnings.textContent()).toContain(`服务时长不足：实际 0 分钟，项目标准 ${standard} 分钟`);
    expect(await warnings.textContent()).toMatch(/签退位置距住址 8\d\d 米/);
    const predicted = (await warnings.locator('li[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort();
    await page.getByTestId('precheck-notes').fill('参保人临时要去医院复查，提前结束；签退时在楼下。');
    await shot(page, 'visits-precheck-phone', true);

    // Checked out into the phone's queue: waiting, since there is no network.
    await page.getByTestId('confirm-check-out').click();
    await expect.poll(() => page.getByTestId('done').count()).toBe(1);
    expect(await page.getByTestId('done-pending').textContent()).toContain('待发送');
    await page.locator('.phone').getByRole('link', { name: '返回今日服务' }).first().click();
    await page.waitForURL(/#\/my-day$/);
    await page.getByRole('navigation', { name: '护理员服务' }).getByRole('link', { name: /发送/ }).click();
    await page.waitForURL(/#\/my-day\/queue$/);
    await expect.poll(() => recordState(page, 'CHECK_OUT')).toBe('pending');
    expect(await recordState(page, 'CHECK_IN')).toBe('sent');
    expect(await page.locator('li.record[data-kind="CHECK_OUT"] [data-testid="record-state"]').textContent()).toBe('待发送');
    expect(await page.getByTestId('pending').textContent()).toContain('1 条记录待发送');
    await shot(page, 'visits-queue-offline-phone', true);

    // The network returns: the queue sends itself, and the server's findings come back.
    await context.setOffline(false);
    await expect.poll(() => recordState(page, 'CHECK_OUT'), { timeout: 30_000 }).toBe('sent');
    expect(await page.locator('li.record[data-kind="CHECK_OUT"] [data-testid="record-state"]').textContent()).toBe('已发送');
    await expect.poll(() => page.getByTestId('pending').count()).toBe(0);
    expect(await page.locator('li.record[data-kind="CHECK_OUT"] .findings').textContent()).toContain('服务时长不足');
    await shot(page, 'visits-queue-synced-phone', true);

    // The agency sees the visit, with the findings the phone predicted: the same rules ran on both.
    const seen = (
      await ok(agency, `query($p: ID!) { visits(personId: $p, first: 5) { nodes { id status caregiverName notes confirmation minutes items { code quantity } checkOut { distanceMetres } findings { rule status summary } } } }`, { p: plan.person_id })
    ).visits.nodes;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 'DONE', confirmation: 'SIGNATURE', caregiverName, items: [{ code: items[0]!.code, quantity: 2 }] });
    expect(seen[0].notes).toContain('提前结束');
    expect(seen[0].findings.map((f: any) => f.rule).sort()).toEqual(predicted);
    expect(predicted).toEqual(expect.arrayContaining(['R04', 'R05']));

    // My records: everything the record holds, findings included.
    await page.getByRole('navigation', { name: '护理员服务' }).getByRole('link', { name: '我的记录' }).click();
    await page.waitForURL(/#\/my-day\/records$/);
    const rec = page.locator(`li.visit[data-visit="${seen[0].id}"]`);
    await expect.poll(() => rec.count()).toBe(1);
    expect(await rec.textContent()).toContain('服务时长不足');
    expect(await rec.textContent()).toContain('精度 ±12 米');
    await expect.poll(() => rec.locator('img.signature').evaluate((img: any) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot(page, 'visits-records-phone', true);

    // The same in English: the findings read as sentences from their evidence.
    await page.locator('button.lang').click();
    await expect.poll(() => rec.textContent()).toContain('Visit too short');
    await page.getByRole('navigation', { name: 'Caregiver' }).getByRole('link', { name: 'Today' }).click();
    await page.waitForURL(/#\/my-day$/);
    await expect.poll(() => card.textContent()).toContain('Primary');
    expect(await card.textContent()).toContain('Visited 1× today');
    await shot(page, 'visits-today-phone-en', true);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('brings a refused check-out back with its reason until read, and lets the caregiver correct it', async () => {
    const { page } = await phoneAs('caregiver');
    await page.waitForURL(/#\/my-day$/);
    await page.locator(`li.stop[data-person="${plan.person_id}"]`).getByRole('link', { name: '开始服务' }).click();
    await page.getByTestId('check-in').click();
    // The rules that can be judged at check-in run first: the last visit ended 850 m away a minute ago.
    await expect.poll(() => page.getByTestId('warnings').textContent(), { timeout: 15_000 }).toMatch(/距上一次服务 0\.8\d 公里，只隔 \d+ 分钟/);
    await shot(page, 'visits-checkin-warning-phone', true);
    await page.getByRole('button', { name: '仍然签到' }).click();
    const item = page.locator(`li[data-code="${items[0]!.code}"]`);
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    await item.locator('input[type="checkbox"]').check();
    // A code that is not the beneficiary's card: the phone cannot know, the server refuses it.
    await page.getByRole('radio', { name: '服务卡号' }).click();
    await page.getByLabel('服务卡上的 6 位数字').fill('123456');
    await page.getByTestId('check-out').click();
    await page.getByTestId('confirm-check-out').click();
    await expect.poll(() => page.getByTestId('done').textContent(), { timeout: 15_000 }).toContain('记录被拒绝：服务卡号不对。');

    // The refusal stays in sight on every screen until read.
    await page.getByTestId('done').getByRole('link', { name: '返回今日服务' }).click();
    await expect.poll(() => page.getByTestId('rejections').textContent()).toContain('1 条记录被拒绝');
    await page.getByTestId('rejections').click();
    await page.waitForURL(/#\/my-day\/queue$/);
    const refused = page.locator('li.record.unread');
    expect(await refused.textContent()).toContain('服务卡号不对。');
    await shot(page, 'visits-queue-refused-phone', true);

    // Correct it: the visit is open again with what was entered; a signature this time.
    await refused.getByRole('link', { name: '去改正' }).click();
    await page.waitForURL(new RegExp(`#/my-day/visit/${plan.person_id}$`));
    // The visit screen restores what was entered once its plan has loaded: read as it settles.
    await expect.poll(() => page.locator('.visit-head').textContent()).toContain('上次签退被拒绝：服务卡号不对。');
    await expect.poll(() => item.locator('input[type="checkbox"]').isChecked()).toBe(true);
    await page.getByRole('radio', { name: '签名' }).click();
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 60, { steps: 12 });
    await page.mouse.up();
    await page.getByTestId('check-out').click();
    await page.getByTestId('confirm-check-out').click();
    await expect.poll(() => page.getByTestId('done').textContent(), { timeout: 15_000 }).toContain('记录已发送');
    // Correcting it counts as having read the refusal.
    expect(await page.getByTestId('rejections').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
