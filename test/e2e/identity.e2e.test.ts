// Signing in, roles and sessions in a real browser against a real server: the login page and its one
// generic refusal, navigation by permission, the forbidden page, signing out, an expired session that
// returns the user to their page, user administration, and the audit log. Screenshots go to test/.artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { LOGIN, startTestServer, type TestServer } from '../helpers/server.ts';
import { personInput } from '../helpers/factories.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '../../seeds/demo-users.ts';

const GENERIC_REFUSAL = '用户名或密码错误，或账户已被临时锁定';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** A fresh browser (no cookie, no storage) on a page of the app. */
async function open(device: typeof DESK | typeof PHONE, hash: string): Promise<Page> {
  // A zone far from Shanghai shows that times are rendered in Asia/Shanghai whatever the device says.
  const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'America/New_York' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/${hash}`);
  return page;
}

/** Signs in through the login page, which must be showing; submits with Enter, as people do. */
async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.waitForURL(/#\/login/);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-password').press('Enter');
}

async function openSignedIn(device: typeof DESK | typeof PHONE, username: string, hash = ''): Promise<Page> {
  const page = await open(device, hash);
  await signIn(page, username);
  await page.waitForURL((u) => !u.hash.startsWith('#/login'));
  return page;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const navLinks = async (page: Page) => (await nav(page).getByRole('link').allTextContents()).map((s) => s.trim());

/** Ends the user's sessions as 31 idle minutes would. */
async function expireSessionsOf(username: string) {
  await server.db.orm.em
    .fork()
    .getConnection()
    .execute(`update session set last_seen_at = now() - interval '31 minutes' where user_id = (select id from app_user where username = ?)`, [username]);
}

async function openUserMenu(page: Page) {
  await page.getByRole('button', { name: /^用户菜单/ }).click();
}

describe('signing in, roles and sessions in the browser', () => {
  it('refuses a wrong password with one generic message, and signs the officer in to the people list', async () => {
    const page = await open(DESK, '');
    await page.waitForURL(/#\/login$/);
    expect(await page.locator('h1').textContent()).toBe('登录');
    // The username field has focus, so one can type at once.
    // (Expressions as strings: the tests compile without the DOM's types.)
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('login-username');
    await shot(page, 'login-desk');

    await signIn(page, 'officer', 'Wrong-Password-1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(GENERIC_REFUSAL);
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.locator('#login-password').inputValue()).toBe('');
    await shot(page, 'login-refused-desk');
    // An unknown user gets the very same words: the page does not tell which usernames exist.
    await signIn(page, 'nobody-here', 'Wrong-Password-1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(GENERIC_REFUSAL);

    await page.locator('#login-username').fill('officer');
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('#login-password').press('Enter');
    await page.waitForURL(/#\/people$/);
    await expect.poll(() => page.locator('table.people tbody tr').count()).toBe(20);
    expect(await navLinks(page)).toEqual(['参保人', '新增参保人', '评估申请', '评估结论', '护理计划', '待遇标准', '服务记录', '稽核发现', '结算', '定点机构', '协议', '护理员', '考核']);

    await openUserMenu(page);
    const menu = page.getByRole('region', { name: '当前用户' });
    expect(await menu.textContent()).toContain('王经办');
    expect(await menu.textContent()).toContain('经办员');
    expect(await menu.textContent()).toContain('统筹区 3702');

    const phone = await open(PHONE, '#/people');
    await phone.waitForURL(/#\/login\?next=%2Fpeople$/);
    await phone.locator('#login-username').waitFor();
    await shot(phone, 'login-phone');
    await signIn(phone, 'officer', 'Wrong-Password-1');
    await expect.poll(() => phone.getByRole('alert').textContent()).toContain(GENERIC_REFUSAL);
    await shot(phone, 'login-refused-phone');
  }, 60_000);

  it('shows the administrator users and audit but not people, and a forbidden page where a role may not go', async () => {
    const admin = await openSignedIn(DESK, 'admin');
    // The administrator's home is user administration; insured persons are not theirs to see.
    await admin.waitForURL(/#\/users$/);
    expect(await navLinks(admin)).toEqual(['用户管理', '审计日志']);

    await admin.goto(`${server.url}/#/people`);
    await expect.poll(() => admin.locator('h1').textContent()).toBe('无权访问此页面');
    expect(admin.url()).toMatch(/#\/people$/);
    expect(await admin.locator('main').textContent()).toContain('系统管理员');
    expect(await admin.locator('table.people').count()).toBe(0);
    await shot(admin, 'forbidden-desk');
    await admin.getByRole('link', { name: '返回首页' }).click();
    await admin.waitForURL(/#\/users$/);
    await expect.poll(() => admin.locator('h1').textContent()).toBe('用户管理');

    // An agency administrator may see people but not users. Signing in on the way to a page the role may not
    // open leads home rather than to a refusal; opening it afterwards shows the forbidden page.
    const agency = await openSignedIn(PHONE, 'agency', '#/users');
    await agency.waitForURL(/#\/people$/);
    await agency.goto(`${server.url}/#/users`);
    await expect.poll(() => agency.locator('h1').textContent()).toBe('无权访问此页面');
    expect(agency.url()).toMatch(/#\/users$/);
    await shot(agency, 'forbidden-phone');
    await agency.getByRole('link', { name: '返回首页' }).click();
    await agency.waitForURL(/#\/people$/);
    expect(await navLinks(agency)).toEqual(['参保人', '评估结论', '护理计划', '服务记录', '稽核发现', '结算', '本机构', '协议', '护理员', '考核']);
  }, 60_000);

  it('signs out to the login page, and Back then shows no protected data', async () => {
    const page = await openSignedIn(DESK, 'officer', '#/people');
    await page.waitForURL(/#\/people$/);
    const first = page.locator('table.people tbody th a').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/#\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);

    await openUserMenu(page);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/#\/login$/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('您已安全退出');
    expect(await page.getByRole('button', { name: /^用户菜单/ }).count()).toBe(0);

    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) asked.push(r.postData() ?? '');
    });
    await page.goBack();
    await page.waitForURL(/#\/login\?next=%2Fpeople$/);
    await page.locator('#login-username').waitFor();
    const text = await page.locator('body').textContent();
    expect(text).not.toContain(name);
    expect(await page.locator('table.people').count()).toBe(0);
    // Not even asked for: the route guard stops the page before it loads anything.
    expect(asked.filter((q) => q.includes('insuredPerson'))).toEqual([]);
  }, 60_000);

  it('sends an expired session to sign in with a notice, and back to the page afterwards', { timeout: 60_000 }, async () => {
    const page = await openSignedIn(DESK, 'officer', '#/people');
    await page.waitForURL(/#\/people$/);
    await page.locator('table.people tbody th a').first().click();
    await page.waitForURL(/#\/people\/[0-9a-f-]{36}$/);
    const detail = page.url();
    const name = (await page.locator('h1 span').first().textContent())!.trim();
    // The page's own requests are answered first: one answered after the expiry would send the page to sign in by
    // itself (rightly), before the click this test makes.
    await page.waitForLoadState('networkidle');

    // Idle for 31 minutes: the next request is refused, and the app says why.
    await expireSessionsOf('officer');
    await nav(page).getByRole('link', { name: '参保人', exact: true }).click();
    await page.waitForURL(/#\/login\?next=%2Fpeople$/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('会话已过期，请重新登录');
    await shot(page, 'login-expired-desk');
    await signIn(page, 'officer');
    await page.waitForURL(/#\/people$/);
    await expect.poll(() => page.locator('table.people tbody tr').count()).toBe(20);

    // A reload of an expired session: the same notice, and back on the very record after signing in.
    await page.goto(detail);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    await page.waitForLoadState('networkidle');
    await expireSessionsOf('officer');
    await page.reload();
    await page.waitForURL(/#\/login\?next=%2Fpeople%2F/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('会话已过期，请重新登录');
    await signIn(page, 'officer');
    await page.waitForURL(detail);
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
  });

  it('lets the administrator create a user with a role and its scope, reset the password, and the user change it', async () => {
    const username = `zhao.e2e${Date.now() % 10000}`;
    const page = await openSignedIn(DESK, 'admin', '#/users/new');
    await page.waitForURL(/#\/users\/new$/);
    await page.locator('#user-username').fill(username);
    await page.getByRole('button', { name: '生成' }).click();
    expect((await page.locator('#user-password').inputValue()).length).toBe(16);
    await page.locator('#user-displayName').fill('赵测试');
    // The demo runs one pooling area, chosen already.
    await expect.poll(() => page.locator('#user-poolingArea').inputValue()).toBe('3702');
    await page.locator('#grant-0-role').selectOption('AGENCY_ADMIN');

    // No agency chosen: the server's field error shows at the row's scope.
    await page.getByRole('button', { name: '创建用户' }).click();
    await expect.poll(() => page.locator('#grant-0-scope-note').textContent()).toContain('请选择护理机构');
    expect(await page.locator('#grant-0-scope').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'user-form-error-desk', true);

    await page.locator('#grant-0-scope').selectOption({ label: DEMO_AGENCIES[0]!.name });
    await page.getByRole('button', { name: '创建用户' }).click();
    await page.waitForURL(/#\/users\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('用户已创建');
    expect(await page.locator('h1').textContent()).toContain('赵测试');
    expect(await page.locator('main').textContent()).toContain('待修改初始密码');

    // A one-time password, shown once.
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('button', { name: '确认重置' }).click();
    const temp = page.locator('#temp-password');
    await temp.waitFor();
    const temporary = await temp.inputValue();
    expect(temporary).toMatch(/^Tmp-/);
    await page.getByRole('button', { name: '复制' }).click();
    await page.getByText(/已复制|无法自动复制/).waitFor();
    await shot(page, 'user-reset-desk', true);
    await page.getByRole('button', { name: '我已记下，关闭' }).click();
    expect(await temp.count()).toBe(0);

    // The list finds the user with role, scope and state.
    await page.goto(`${server.url}/#/users?q=${username}`);
    await expect.poll(() => page.locator('table.users tbody tr').count()).toBe(1);
    const row = await page.locator('table.users tbody tr').textContent();
    expect(row).toContain('机构管理员');
    expect(row).toContain(DEMO_AGENCIES[0]!.name);
    expect(row).toContain('启用');
    // Five failed sign-ins lock an account: the list says so, and the administrator can unlock it.
    for (let i = 0; i < 5; i++) await server.gql(LOGIN, { u: 'agency2', p: 'Wrong-Password-1' });
    await page.goto(`${server.url}/#/users`);
    await expect.poll(() => page.locator('table.users tbody tr').count()).toBeGreaterThan(7);
    const locked = page.locator('table.users tbody tr', { hasText: 'agency2' });
    await expect.poll(() => locked.textContent()).toContain('已锁定');
    await shot(page, 'users-desk');
    await locked.getByRole('link', { name: 'agency2' }).click();
    await page.waitForURL(/#\/users\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '解除锁定' }).click();
    await expect.poll(async () => (await page.locator('h1').textContent())!.includes('已锁定')).toBe(false);
    expect(await page.getByRole('button', { name: '解除锁定' }).count()).toBe(0);
    await page.goto(`${server.url}/#/users`);
    const phone = await openSignedIn(PHONE, 'admin', '#/users');
    await expect.poll(() => phone.locator('table.users tbody tr').count()).toBeGreaterThan(7);
    await shot(phone, 'users-phone');
    await phone.goto(`${server.url}/#/users/new`);
    await phone.locator('#grant-0-role').scrollIntoViewIfNeeded();
    await shot(phone, 'user-form-phone');

    // The new user signs in with the temporary password and must change it before anything else.
    const user = await open(DESK, '#/people');
    await signIn(user, username, temporary);
    await user.waitForURL(/#\/password\?next=%2Fpeople$/);
    expect(await user.getByRole('status').first().textContent()).toContain('须先设置新密码');
    expect(await nav(user).count()).toBe(0);
    await shot(user, 'password-forced-desk');
    await user.locator('#password-current').fill(temporary);
    await user.locator('#password-new').fill('short');
    await user.locator('#password-confirm').fill('other');
    await user.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => user.locator('#password-confirm-error').textContent()).toContain('两次输入的新密码不一致');
    await user.locator('#password-confirm').fill('short');
    await user.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => user.locator('#password-new-error').textContent()).toContain('至少 10 个字符');
    await user.locator('#password-new').fill('Yikang-Care-2026');
    await user.locator('#password-confirm').fill('Yikang-Care-2026');
    await user.getByRole('button', { name: '修改密码' }).click();
    await user.waitForURL(/#\/people$/);
    expect(await navLinks(user)).toEqual(['参保人', '评估结论', '护理计划', '服务记录', '稽核发现', '结算', '本机构', '协议', '护理员', '考核']);
  }, 90_000);

  it('shows the supervisor the audit log newest first, filtered, with an entry expanded into its changes', async () => {
    // Something to look at: the officer corrects an address.
    const officer = await server.as('officer');
    const input = personInput({ name: '审计测试', address: '旧地址1号' });
    const created = await officer(`mutation($input: CreateInsuredPersonInput!) { createInsuredPerson(input: $input) { id } }`, { input });
    const id: string = created.body.data.createInsuredPerson.id;
    const { id: _id, idNumber: _n, ...fields } = input;
    const updated = await officer(
      `mutation($id: ID!, $input: UpdateInsuredPersonInput!) { updateInsuredPerson(id: $id, input: $input) { version } }`,
      { id, input: { ...fields, address: '新地址2号' } },
    );
    expect(updated.body.errors).toBeUndefined();

    const page = await openSignedIn(DESK, 'supervisor');
    await page.waitForURL(/#\/people$/);
    expect(await navLinks(page)).toEqual(['参保人', '评估申请', '评估结论', '护理计划', '服务记录', '稽核发现', '结算', '定点机构', '协议', '护理员', '考核', '审计日志']);
    await nav(page).getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL(/#\/audit$/);
    await expect.poll(() => page.locator('table.audit tbody').count()).toBeGreaterThan(3);
    // Newest first: the supervisor's own sign-in is on top.
    const top = await page.locator('table.audit tbody').first().textContent();
    expect(top).toContain('supervisor');
    expect(top).toContain('登录');

    await page.locator('#audit-operation').selectOption('LOGIN');
    await page.waitForURL(/operation=LOGIN/);
    await expect.poll(async () => new Set(await page.locator('table.audit .op-badge').allTextContents())).toEqual(new Set(['登录']));
    await page.locator('table.audit tbody').first().getByRole('button', { name: '详情' }).click();
    await expect.poll(() => page.locator('table.audit tbody').first().textContent()).toContain('IP 地址');

    await page.locator('#audit-operation').selectOption('UPDATE');
    await page.locator('#audit-entity').selectOption('InsuredPerson');
    await expect.poll(() => page.locator('table.audit tbody').count()).toBe(1);
    const entry = page.locator('table.audit tbody').first();
    await entry.getByRole('button', { name: '详情' }).click();
    const changes = entry.locator('.diff');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('详细地址');
    expect(await changes.locator('del').first().textContent()).toBe('旧地址1号');
    expect(await changes.locator('ins').first().textContent()).toBe('新地址2号');
    expect(await entry.getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true');

    // The browser runs in New York; the entry's time reads in Beijing time.
    const supervisor = await server.as('supervisor');
    const log = await supervisor(`{ auditLog(filter: { operation: "UPDATE", entity: "InsuredPerson" }, first: 1) { nodes { at } } }`);
    const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    expect(await entry.locator('.at').textContent()).toContain(beijing.format(new Date(log.body.data.auditLog.nodes[0].at)));
    await shot(page, 'audit-desk', true);

    // "More" pages by cursor and appends, newest first throughout.
    await page.getByRole('button', { name: '重置' }).click();
    await page.waitForURL(/#\/audit$/);
    const all = await supervisor(`{ auditLog { totalCount } }`);
    if (all.body.data.auditLog.totalCount > 30) {
      await expect.poll(() => page.locator('table.audit tbody').count()).toBe(30);
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect.poll(() => page.locator('table.audit tbody').count()).toBeGreaterThan(30);
    }

    const phone = await openSignedIn(PHONE, 'supervisor', '#/audit?operation=UPDATE&entity=InsuredPerson');
    await expect.poll(() => phone.locator('table.audit tbody').count()).toBe(1);
    await phone.getByRole('button', { name: '详情' }).click();
    await phone.locator('.diff').waitFor();
    await shot(phone, 'audit-phone', true);
  }, 90_000);

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
