// The client in a real browser against a real server: register a person through the form, find them in the
// list, and see a server field error land next to its input. Every page first signs in as the fund officer
// through the login page, which then returns to the page asked for. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { personInput, residentId } from '../helpers/factories.ts';


let server: TestServer;
/** The officer's API client: every API call now needs a session. */
let api: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  api = await server.as('officer');
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function open(device: typeof DESK | typeof PHONE, hash: string): Promise<Page> {
  // A zone far from Shanghai shows that times are rendered in Asia/Shanghai whatever the device says.
  const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'America/New_York' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/${hash}`);
  // Signed out, any page sends to the login page, which remembers where the user was going.
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill('officer');
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return page;
}


async function totalMatching(search: string): Promise<number> {
  const r = await api(`query($f: InsuredPersonFilter) { insuredPersons(filter: $f) { totalCount } }`, { f: { search } });
  return r.body.data.insuredPersons.totalCount;
}

/** Fills the whole form as a case worker would; the region is chosen level by level. */
async function fillForm(page: Page, p: { name: string; idNumber: string }) {
  await page.locator('#person-name').fill(p.name);
  await page.locator('#person-idNumber').fill(p.idNumber);
  await page.locator('#person-phone').fill('13912345678');
  await page.getByRole('radio', { name: '职工' }).check();
  await page.locator('#person-insuredSince').fill('2016-03-01');
  // Each select is enabled once its parent is chosen and its options have loaded; selectOption waits for that.
  await page.locator('#person-region-district').selectOption({ label: '市南区' });
  await page.locator('#person-region-town').selectOption({ label: '香港中路街道' });
  await page.locator('#person-region-village').selectOption({ label: '东海路社区' });
  await page.locator('#person-address').fill('东海路社区海口路8号2单元301');
  await page.locator('#person-longitude').fill('120.395');
  await page.locator('#person-latitude').fill('36.062');
  await page.locator('#person-emergencyContactName').fill('测试亲属');
  await page.locator('#person-emergencyContactRelation').fill('女儿');
  await page.locator('#person-emergencyContactPhone').fill('13812345678');
}

describe('insured persons in the browser', () => {
  it('opens on the people list, as a table on a desk and as cards on a phone', async () => {
    // No page asked for: the officer's home is the people list.
    const desk = await open(DESK, '');
    await desk.waitForURL(/#\/people$/);
    await expect.poll(() => desk.locator('table.people tbody tr').count()).toBe(20);
    await expect.poll(() => desk.getByText('共 108 人').isVisible()).toBe(true);
    expect(await desk.locator('table.people thead').isVisible()).toBe(true);
    await shot(desk, 'list-desk');

    const phone = await open(PHONE, '#/people');
    await phone.waitForURL(/#\/people$/);
    await expect.poll(() => phone.locator('table.people tbody tr').count()).toBe(20);
    expect(await phone.locator('table.people thead').isVisible()).toBe(false);
    await shot(phone, 'list-phone');

    // Paging by cursor: the second page has other people, and back again gives the first.
    const firstNames = await desk.locator('table.people tbody th a').allTextContents();
    await desk.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => desk.getByText('第 2 页').isVisible()).toBe(true);
    await expect.poll(async () => (await desk.locator('table.people tbody th a').allTextContents())[0]).not.toBe(firstNames[0]);
    await desk.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => desk.locator('table.people tbody th a').allTextContents()).toEqual(firstNames);

    // The cascading region filter narrows level by level (4 people per village), and it lives in the URL.
    await desk.locator('#filter-region-district').selectOption({ label: '市北区' });
    await expect.poll(() => desk.getByText('共 36 人').isVisible()).toBe(true);
    await desk.locator('#filter-region-town').selectOption({ label: '台东街道' });
    await expect.poll(() => desk.getByText('共 12 人').isVisible()).toBe(true);
    await desk.locator('#filter-region-village').selectOption({ label: '威海路社区' });
    await expect.poll(() => desk.getByText('共 4 人').isVisible()).toBe(true);
    expect(desk.url()).toContain('region=370203001001');
    await desk.reload();
    await expect.poll(() => desk.locator('#filter-region-village').inputValue()).toBe('370203001001');
    expect(await desk.getByText('共 4 人').isVisible()).toBe(true);
    await desk.locator('#people-status').selectOption('DECEASED');
    await expect.poll(() => desk.getByText('没有符合条件的参保人。').isVisible()).toBe(true);
    await desk.getByRole('button', { name: '重置' }).click();
    await expect.poll(() => desk.getByText('共 108 人').isVisible()).toBe(true);
    expect(await desk.locator('#filter-region-district').inputValue()).toBe('');
  }, 60_000);

  it('registers a person through the form, shows the detail, and finds them by name in the list', async () => {
    const name = `郑测试${Date.now() % 100000}`;
    const idNumber = residentId({ division: '370202', birth: '19450308' });
    const page = await open(DESK, '#/people/new');
    await page.locator('#person-region-district').waitFor();
    await shot(page, 'form-desk', true);

    await fillForm(page, { name, idNumber });
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    const masked = idNumber.slice(0, 6) + '**********' + idNumber.slice(-2);
    expect(await page.getByText(masked).first().isVisible()).toBe(true);
    const detail = await page.locator('main').textContent();
    expect(detail).toContain('已保存');
    for (const region of ['青岛市', '市南区', '香港中路街道', '东海路社区']) expect(detail).toContain(region);
    expect(detail).toContain('1945-03-08');
    expect(detail).toContain('职工');
    expect(detail).toContain('测试亲属');
    await shot(page, 'detail-desk', true);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '参保人', exact: true }).click();
    await page.waitForURL(/#\/people$/);
    await page.locator('#people-search').fill(name);
    await page.locator('#people-search').press('Enter');
    await expect.poll(() => page.locator('table.people tbody tr').count()).toBe(1);
    expect(await page.getByText('共 1 人').isVisible()).toBe(true);
    const link = page.locator('table.people tbody').getByRole('link', { name });
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL(/#\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);

    // The same person on a phone: the detail page, then the edit form, which leaves the masked ID empty.
    // The search in the address survives the detour through the login page.
    const phone = await open(PHONE, `#/people?q=${encodeURIComponent(name)}`);
    expect(decodeURIComponent(phone.url())).toContain(`#/people?q=${name}`);
    await expect.poll(() => phone.locator('table.people tbody tr').count()).toBe(1);
    await phone.locator('table.people tbody').getByRole('link', { name }).click();
    await expect.poll(() => phone.locator('h1').textContent()).toContain(name);
    await shot(phone, 'detail-phone', true);
    await phone.getByRole('link', { name: '编辑' }).click();
    await expect.poll(() => phone.locator('#person-name').inputValue()).toBe(name);
    expect(await phone.locator('#person-idNumber').inputValue()).toBe('');
    expect(await phone.locator('#person-idNumber-hint').textContent()).toContain(masked);
    // The officer calls people, so phones come in full and are prefilled rather than left to retype.
    expect(await phone.locator('#person-phone').inputValue()).toBe('13912345678');
    expect(await phone.locator('#person-emergencyContactPhone').inputValue()).toBe('13812345678');
    await expect.poll(() => phone.locator('#person-region-village').inputValue()).toBe('370202001001');
    await shot(phone, 'form-edit-phone');
  }, 60_000);

  it('shows a wrong check digit next to the ID number field and registers nobody', async () => {
    const name = `冯校验${Date.now() % 100000}`;
    const valid = residentId({ division: '370202', birth: '19400101' });
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const page = await open(PHONE, '#/people/new');
    await shot(page, 'form-phone');

    await fillForm(page, { name, idNumber: wrong });
    await page.getByRole('button', { name: '保存' }).click();

    const error = page.locator('#person-idNumber-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('身份证号校验位不正确');
    const input = page.locator('#person-idNumber');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain('person-idNumber-error');
    // The error sits right below its own input, not somewhere else on the page.
    const [inputBox, errorBox] = [await input.boundingBox(), await error.boundingBox()];
    expect(errorBox!.y - (inputBox!.y + inputBox!.height)).toBeLessThan(30);
    expect(page.url()).toMatch(/#\/people\/new$/);
    expect(await page.getByRole('alert').first().textContent()).toContain('请修正标出的字段');
    await shot(page, 'form-error-phone');
    expect(await totalMatching(name)).toBe(0);

    const desk = await open(DESK, '#/people/new');
    await fillForm(desk, { name, idNumber: wrong });
    await desk.getByRole('button', { name: '保存' }).click();
    await desk.locator('#person-idNumber-error').waitFor();
    await shot(desk, 'form-error-desk');
    expect(await totalMatching(name)).toBe(0);
  }, 60_000);

  it('edits with the version it loaded, says so when someone else saved first, and records a death', async () => {
    const input = personInput({ name: `褚编辑${Date.now() % 100000}` });
    const created = await api(`mutation($input: CreateInsuredPersonInput!) { createInsuredPerson(input: $input) { id } }`, { input });
    const id: string = created.body.data.createInsuredPerson.id;
    const page = await open(DESK, `#/people/${id}/edit`);
    await expect.poll(() => page.locator('#person-name').inputValue()).toBe(input.name);
    // Phones in full for the officer: prefilled, so saving keeps them without retyping.
    expect(await page.locator('#person-phone').inputValue()).toBe(input.phone);
    expect(await page.locator('#person-emergencyContactPhone').inputValue()).toBe(input.emergencyContactPhone);
    await page.locator('#person-address').fill('东海路社区新地址1号');

    const { id: _id, idNumber: _n, ...fields } = input;
    const other = await api(
      `mutation($id: ID!, $input: UpdateInsuredPersonInput!, $v: Int) { updateInsuredPerson(id: $id, input: $input, expectedVersion: $v) { version } }`,
      { id, input: { ...fields, address: '别人改的地址' }, v: 1 },
    );
    expect(other.body.errors).toBeUndefined();

    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join()).toContain('此记录已被他人修改');
    await shot(page, 'form-conflict-desk');
    await page.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => page.locator('#person-address').inputValue()).toBe('别人改的地址');

    await page.locator('#person-address').fill('东海路社区新地址2号');
    await page.locator('#person-phone').fill('13700001111');
    await page.locator('#person-emergencyContactPhone').fill('13800002222');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(new RegExp(`#/people/${id}$`));
    await expect.poll(() => page.locator('main').textContent()).toContain('东海路社区新地址2号');
    expect(await page.locator('main').textContent()).toContain('13700001111');
    expect(await page.locator('main').textContent()).toContain('13800002222');

    await page.getByRole('button', { name: '登记死亡' }).click();
    await page.locator('#death-date').fill('2999-01-01');
    await page.getByRole('button', { name: '确认登记' }).click();
    await expect.poll(() => page.locator('#death-date-error').textContent()).toContain('死亡日期不能晚于今天');
    await shot(page, 'death-error-desk');
    await page.locator('#death-date').fill('2024-05-01');
    await page.getByRole('button', { name: '确认登记' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已登记死亡');
    expect(await page.locator('h1').textContent()).toContain('已故');
    expect(await page.getByRole('button', { name: '登记死亡' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('2024-05-01');

    // The browser runs in New York; the record's times still read in Beijing time.
    const got = await api(`query($id: ID!) { insuredPerson(id: $id) { createdAt } }`, { id });
    const beijing = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const registered = await page.locator('dt', { hasText: '登记时间' }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(registered).toContain(beijing.format(new Date(got.body.data.insuredPerson.createdAt)));
    expect(registered).toContain('北京时间');
  }, 60_000);

  it('switches to English and remembers the choice', async () => {
    const page = await open(DESK, '#/people');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Insured persons');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Insured persons');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByText(/^\d+ persons$/).isVisible()).toBe(true);
    await shot(page, 'list-desk-en');
  }, 60_000);

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
