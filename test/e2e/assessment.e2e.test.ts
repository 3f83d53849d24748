// The disability assessment in a real browser against a real server: an assessor fills the 17 items on a phone,
// sees the level live (scored by the server's own rules), keeps the draft over a reload and submits; the fund
// officer reviews both forms side by side, confirms, waits out the public notice (moved into the past in SQL),
// concludes and prints the notice; errors (conflict of interest, a state that moved on) show where they belong.
// Screenshots go to test/.artifacts/.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DESK, PHONE, launchBrowser, shot } from '../helpers/browser.ts';
import { startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { personInput, residentId } from '../helpers/factories.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { ANSWERS_FOR_LEVEL } from '../../seeds/demo-assessments.ts';
import { ITEM_CODES } from '../../server/src/assessment/standard.ts';


let server: TestServer;
let officer: Gql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const sql = (q: string, params: unknown[] = []) => sqlOn(server)(q, params);

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
  // A zone far from Shanghai shows that times are rendered in Asia/Shanghai whatever the device says.
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

const APPLY = `mutation($i: ApplyForAssessmentInput!) { applyForAssessment(input: $i) { id } }`;
const applyInput = (personId: string) => ({
  id: randomUUID(),
  personId,
  type: 'FIRST',
  applicantName: '王小红',
  applicantRelation: '女儿',
  contactPhone: '13800001111',
  disabilityDeclared: true,
});

async function newPerson(name: string): Promise<string> {
  const data = await ok(officer, `mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id } }`, {
    i: personInput({ name, idNumber: residentId({ division: '370202', birth: '19380506' }), address: '东海路社区海口路18号1单元201' }),
  });
  return data.createInsuredPerson.id;
}

/** An application accepted and assigned to 张评估 and 陈评估, as the fund office would have done it. */
async function assessing(personId: string): Promise<string> {
  const appId: string = (await ok(officer, APPLY, { i: applyInput(personId) })).applyForAssessment.id;
  await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { id } }`, { id: appId });
  const assessors: { id: string; name: string }[] = (await ok(officer, `{ assessors { id name } }`)).assessors;
  const ids = ['张评估', '陈评估'].map((n) => assessors.find((a) => a.name === n)!.id);
  await ok(officer, `mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { id } }`, { id: appId, a: ids });
  return appId;
}

/** The answer the level-3 form gives each item: ADL 20 (severe), cognition 16 and perception 12 (intact). */
const LEVEL_3 = ANSWERS_FOR_LEVEL[3];
const option = (page: Page, code: string, points: number) => page.locator(`label[for="item-${code}-${points}"]`);

const state: { appId: string; personName: string } = { appId: '', personName: '' };

describe('disability assessment in the browser', () => {
  it('lets the assessor fill the form on a phone with the level live, keep the draft over a reload, and submit', async () => {
    const name = `评估甲${Date.now() % 100000}`;
    const appId = await assessing(await newPerson(name));
    Object.assign(state, { appId, personName: name });

    // The assessor's home is their task list.
    const page = await openAs(PHONE, 'assessor');
    await page.waitForURL(/#\/assessment\/tasks$/);
    const card = page.locator('a.task', { hasText: name });
    await card.waitFor();
    expect(await card.textContent()).toContain('东海路社区海口路18号1单元201');
    expect(await card.textContent()).toContain('尚未开始');
    // The demo's overdue visit is on the list too, marked.
    expect(await page.locator('a.task.overdue').count()).toBeGreaterThan(0);
    await shot(page, 'assessment-tasks-phone');
    await card.click();
    await page.waitForURL(/#\/assessment\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = page.url();

    const bar = page.locator('.live-result');
    await expect.poll(() => bar.textContent()).toContain('还差 17 项未填');
    expect(await page.locator('.person').textContent()).toContain(name);
    // The place of the visit starts as the person's address, the time as now (Beijing).
    expect(await page.locator('#visit-place').inputValue()).toBe('东海路社区海口路18号1单元201');
    expect(await page.locator('#visit-time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // The exact wording of the standard on the options.
    expect(await option(page, 'ADL_EATING', 0).textContent()).toContain('较大或完全依赖，或有留置营养管');

    // On site the network may be gone: drafts cannot reach the server for now.
    await page.route('**/graphql', (route) => (route.request().postData()?.includes('SaveAssessmentDraft') ? route.abort() : route.continue()));

    // The first ten items (ADL): the indicator's sum and grade appear, the level not yet.
    const first = ITEM_CODES.slice(0, 10);
    for (const code of first) await option(page, code, LEVEL_3[code]).click();
    await expect.poll(() => bar.textContent()).toContain('还差 7 项未填');
    const midway = (await bar.textContent())!;
    expect(midway).toContain('20');
    expect(midway).toContain('重度受损');
    expect(midway).not.toContain('重度失能');
    await option(page, 'ADL_BATHING', 0).scrollIntoViewIfNeeded();
    await shot(page, 'assessment-form-midway-phone');

    // A reload mid-way, still offline: the answers come back from the device's copy, and the page says so.
    await page.reload();
    await expect.poll(() => bar.textContent()).toContain('还差 7 项未填');
    for (const code of first) expect(await page.locator(`#item-${code}-${LEVEL_3[code]}`).isChecked()).toBe(true);
    await expect.poll(() => page.getByText('已恢复本机上尚未同步到服务器的草稿').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.draft-status').textContent()).toContain('暂时无法保存到服务器，草稿已保存在本机');

    // Back online, the draft reaches the server (debounced, or at once when saved on demand).
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => page.locator('.draft-status').textContent()).toContain('草稿已保存');
    const saved = await ok(await server.as('assessor'), `query($id: ID!) { assessmentTask(id: $id) { answers } }`, { id: taskUrl.split('/').pop() });
    expect(Object.keys(saved.assessmentTask.answers).sort()).toEqual([...first].sort());

    // On a desk, the same task opens with the server's draft, the result bar beside the form.
    const desk = await openAs(DESK, 'assessor', `#/assessment/tasks/${taskUrl.split('/').pop()}`);
    await expect.poll(() => desk.locator('.live-result').textContent()).toContain('还差 7 项未填');
    await desk.locator('#item-COG_TIME').scrollIntoViewIfNeeded();
    await shot(desk, 'assessment-form-midway-desk');

    // The rest: the level shows once the last item is answered.
    for (const code of ITEM_CODES.slice(10)) await option(page, code, LEVEL_3[code]).click();
    await expect.poll(() => bar.textContent()).toContain('重度失能Ⅰ级');
    expect(await bar.textContent()).not.toContain('未填');
    await shot(page, 'assessment-form-complete-phone');

    await page.getByRole('button', { name: '提交评估' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('重度失能Ⅰ级');
    expect(await dialog.textContent()).toContain('组合表第“重度受损”行、“能力完好”列 → 3 重度失能Ⅰ级');
    await dialog.getByRole('button', { name: '确认提交' }).click();

    // Read-only now, with the server's level and explanation.
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('评估表已提交');
    const result = page.locator('.result');
    expect(await result.textContent()).toContain('重度失能Ⅰ级');
    expect(await result.textContent()).toContain('→ 3 重度失能Ⅰ级');
    expect(await page.getByRole('button', { name: '提交评估' }).count()).toBe(0);
    expect(await page.locator('#item-ADL_EATING-10').isDisabled()).toBe(true);
    // Nothing of the form stays on the device once the server has it.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('changhu.assessmentDraft')).length)).toBe(0);
    await shot(page, 'assessment-submitted-phone');

    // In English the items are named in English; the options keep the standard's Chinese wording.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('#item-ADL_EATING legend').textContent()).toContain('Eating');
    expect(await option(page, 'ADL_EATING', 0).textContent()).toContain('较大或完全依赖，或有留置营养管');
    expect(await result.textContent()).toContain('severe disability, grade I');
  }, 120_000);

  it('shows the officer both forms side by side, confirms a level, and concludes after the notice with a printable notice', async () => {
    const { appId, personName } = state;
    expect(appId).not.toBe('');
    // 陈评估 saw more cognitive impairment: level 4.
    const assessor2 = await server.as('assessor2');
    const tasks = (await ok(assessor2, `{ myAssessmentTasks { id applicationId } }`)).myAssessmentTasks;
    const taskId = tasks.find((t: { applicationId: string }) => t.applicationId === appId).id;
    await ok(assessor2, `mutation($t: ID!, $i: AssessmentFormInput!) { submitAssessment(taskId: $t, input: $i) { id } }`, {
      t: taskId,
      i: { answers: ANSWERS_FOR_LEVEL[4], visitedAt: new Date(Date.now() - 3600_000).toISOString(), visitPlace: '家中', notes: '夜间需照护' },
    });

    const page = await openAs(DESK, 'officer', `#/assessment/applications/${appId}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(personName);
    expect(await page.locator('h1').textContent()).toContain('待评审');
    const forms = page.locator('article.form');
    await expect.poll(() => forms.count()).toBe(2);
    expect(await page.locator('article.form[data-assessor="张评估"]').textContent()).toContain('重度失能Ⅰ级');
    expect(await page.locator('article.form[data-assessor="陈评估"]').textContent()).toContain('重度失能Ⅱ级');
    // The four cognition items differ, and only they are marked.
    expect(await page.locator('tr.differs').count()).toBe(4);
    expect(await page.locator('tr.differs[data-item="COG_TIME"]').textContent()).toMatch(/4 分.*1 分/);
    await shot(page, 'assessment-review-desk', true);

    const phone = await openAs(PHONE, 'officer', `#/assessment/applications/${appId}`);
    await phone.locator('article.form').first().waitFor();
    await phone.getByText('逐项对照').scrollIntoViewIfNeeded();
    await shot(phone, 'assessment-review-phone');

    // The levels differ: only the two assessed levels may be confirmed.
    const levelChoices = page.locator('.level-option');
    expect(await levelChoices.count()).toBe(2);
    await page.getByRole('button', { name: '确认并开始公示' }).click();
    await expect.poll(() => page.locator('#review-level-error').textContent()).toContain('请选择要确认的等级');
    await levelChoices.filter({ hasText: '重度失能Ⅰ级' }).click();
    await page.getByRole('button', { name: '确认并开始公示' }).click();

    // The public notice runs; concluding now is explained, not just refused.
    await expect.poll(() => page.locator('h1').textContent()).toContain('公示中');
    const app = (await ok(officer, `query($id: ID!) { assessmentApplication(id: $id) { noticeStart noticeEnd confirmedLevel } }`, { id: appId })).assessmentApplication;
    expect(app.confirmedLevel).toBe(3);
    const panel = page.locator('.notice-panel');
    expect(await panel.textContent()).toContain(`${app.noticeStart} – ${app.noticeEnd}`);
    expect(await panel.textContent()).toContain(`公示期至 ${app.noticeEnd}，期满后方可办结`);
    await page.getByRole('button', { name: '办结并出具结论' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('公示期尚未结束，期满后才能办结');
    expect(await alert.textContent()).toContain('当前状态：公示中');

    // Time travel: the notice ended yesterday.
    await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [appId]);
    await alert.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => panel.textContent()).toContain('公示期已满，可以办结');
    await page.getByRole('button', { name: '办结并出具结论' }).click();

    const card = page.locator('.conclusion');
    await expect.poll(() => card.textContent()).toContain('重度失能Ⅰ级');
    expect(await page.locator('h1').textContent()).toContain('已办结');
    const c = (await ok(officer, `query($id: ID!) { assessmentApplication(id: $id) { conclusion { effectiveDate validUntil noticeUrl } } }`, { id: appId }))
      .assessmentApplication.conclusion;
    const text = (await card.textContent())!;
    expect(text).toContain('符合长期护理保险待遇享受条件');
    expect(text).toContain(c.effectiveDate);
    expect(text).toContain(c.validUntil);
    await shot(page, 'assessment-conclusion-desk');
    await phone.reload();
    await phone.locator('.conclusion').waitFor();
    await shot(phone, 'assessment-conclusion-phone', true);

    // The notice is a PDF, for this session.
    const link = card.getByRole('link', { name: '打印结论通知书' });
    expect(await link.getAttribute('href')).toBe(c.noticeUrl);
    const pdf = await page.request.get(server.url + c.noticeUrl);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('shows a conflict of interest at the assessor, and an action overtaken by someone else with the state it is in now', async () => {
    // A client of 青岛颐康 without an application: 吴护士 is tied to that agency.
    const [row] = await sql(
      `select ac.person_id from agency_client ac join insured_person p on p.id = ac.person_id
        where ac.agency_id = ? and p.status = 'ACTIVE' and (ac.until is null or ac.until >= current_date)
          and not exists (select 1 from assessment_application a where a.person_id = ac.person_id) limit 1`,
      [DEMO_AGENCIES[0]!.id],
    );
    const appId: string = (await ok(officer, APPLY, { i: applyInput(row.person_id) })).applyForAssessment.id;
    await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { id } }`, { id: appId });

    const page = await openAs(DESK, 'officer', `#/assessment/applications/${appId}`);
    const wu = page.locator('li[data-assessor="吴护士"]');
    await wu.waitFor();
    await wu.locator('input').check();
    await page.locator('li[data-assessor="张评估"] input').check();
    await page.getByRole('button', { name: '指派（已选 2 名）' }).click();
    await expect.poll(() => wu.locator('.field-error').textContent()).toContain('利益冲突');
    expect(await page.locator('li[data-assessor="张评估"] .field-error').count()).toBe(0);
    expect(await page.locator('h1').textContent()).toContain('已受理');
    await wu.scrollIntoViewIfNeeded();
    await shot(page, 'assessment-assign-conflict-desk');

    // Someone else withdraws the application while the page is open; accepting it then says where it stands.
    const other = await newPerson(`评估乙${Date.now() % 100000}`);
    const second: string = (await ok(officer, APPLY, { i: applyInput(other) })).applyForAssessment.id;
    await page.goto(`${server.url}/#/assessment/applications/${second}`);
    await page.getByRole('button', { name: '受理', exact: true }).waitFor();
    await ok(officer, `mutation($id: ID!) { withdrawApplication(id: $id, reason: "申请人撤回") { id } }`, { id: second });
    await page.getByRole('button', { name: '受理', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('当前状态下不能执行此操作');
    expect(await alert.textContent()).toContain('当前状态：已撤回');
    await shot(page, 'assessment-conflict-desk');
    await alert.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('已撤回');
    expect(await page.getByRole('button', { name: '受理', exact: true }).count()).toBe(0);
  }, 90_000);

  it('registers an application from a person\'s record, with documents, and shows the queue and the conclusions', async () => {
    const name = `评估丙${Date.now() % 100000}`;
    const personId = await newPerson(name);
    const page = await openAs(DESK, 'officer', `#/people/${personId}`);
    await page.getByRole('link', { name: '申请评估' }).click();
    await page.waitForURL(/#\/assessment\/applications\/new\?person=/);
    await expect.poll(() => page.locator('.picked').textContent()).toContain(name);
    // The applicant starts as the person's emergency contact.
    await expect.poll(() => page.locator('#apply-applicantName').inputValue()).toBe('测试亲属');
    expect(await page.locator('#apply-applicantRelation').inputValue()).toBe('女儿');
    await page.getByRole('button', { name: '登记申请' }).click();
    await expect.poll(() => page.locator('#apply-declared-error').textContent()).toContain('请确认失能状态已持续规定的月数');
    await shot(page, 'assessment-apply-error-desk', true);
    await page.locator('#apply-declared').check();
    await page.getByRole('button', { name: '登记申请' }).click();
    await page.waitForURL(/#\/assessment\/applications\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('申请已登记');
    expect(await page.locator('h1').textContent()).toContain('已提交');

    // A document: the medical record, uploaded and listed with its link.
    await page.locator('#document-kind').selectOption('MEDICAL_RECORD');
    await page.locator('#document-file').setInputFiles({ name: '病历摘要.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%test\n') });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => page.locator('.documents').textContent()).toContain('病历摘要.pdf');
    expect(await page.locator('.documents').textContent()).toContain('病历资料');

    // The queue, filtered by state in the address.
    await page.goto(`${server.url}/#/assessment/applications`);
    await expect.poll(() => page.locator('table.applications tbody tr').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: '待评审', exact: true }).click();
    await page.waitForURL(/status=IN_REVIEW/);
    await expect.poll(async () => new Set(await page.locator('table.applications tbody .badge').allTextContents())).toEqual(new Set(['待评审']));
    await page.getByRole('button', { name: '全部', exact: true }).click();
    await expect.poll(() => page.locator('.overdue').textContent()).toContain('应于');
    await shot(page, 'assessment-queue-desk');
    const phone = await openAs(PHONE, 'officer', '#/assessment/applications');
    await phone.locator('table.applications tbody tr').first().waitFor();
    await shot(phone, 'assessment-queue-phone');

    // Conclusions: the one ending within 60 days, and all in force by level.
    await page.goto(`${server.url}/#/assessment/conclusions`);
    await expect.poll(() => page.locator('table.conclusions tbody tr').count()).toBe(1);
    expect(await page.locator('table.conclusions').textContent()).toContain('天后到期');
    await expect.poll(() => page.locator('.chart').textContent()).toContain('重度失能Ⅲ级');
    await shot(page, 'assessment-conclusions-desk');
  }, 90_000);

  it('shows agency staff the conclusions of their clients, without the fund office\'s actions', async () => {
    const [row] = await sql(
      `select c.person_id from conclusion c join agency_client ac on ac.person_id = c.person_id where ac.agency_id = ? and c.status = 'IN_FORCE' limit 1`,
      [DEMO_AGENCIES[0]!.id],
    );
    const page = await openAs(PHONE, 'agency', `#/people/${row.person_id}`);
    const section = page.locator('.assessments');
    await expect.poll(() => section.textContent()).toContain('评估结论');
    expect(await section.getByRole('link', { name: '通知书' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '申请评估' }).count()).toBe(0);
    expect(await section.textContent()).not.toContain('评估申请');
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'assessment-person-agency-phone');
    const links = (await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).map((s) => s.trim());
    expect(links).toEqual(['参保人', '评估结论', '护理计划', '服务记录', '稽核发现', '结算', '本机构', '协议', '护理员', '考核']);
  }, 60_000);

  it("lets the fund officer renew an assessor's certificate", async () => {
    const page = await openAs(DESK, 'officer', '#/assessment/assessors');
    const row = page.locator('tr', { hasText: '陈评估' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button').click();
    await page.locator('#assessor-expiry').fill('2030-06-30');
    await page.locator('#assessor-form button[type="submit"]').click();
    await expect.poll(() => page.locator('tr', { hasText: '陈评估' }).textContent()).toContain('2030-06-30');
    await shot(page, 'assessment-assessors-desk');
    const [a] = await sql(`select certificate_expiry::text e from assessor where name = '陈评估'`);
    expect(a.e).toBe('2030-06-30');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
