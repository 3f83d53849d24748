// The audit trail: a row for every write and every full-ID read, in the same transaction, masked; append-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { personInput } from '../helpers/factories.ts';

let s: TestServer;
let officer: Gql;
let supervisor: Gql;
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const CREATE = `mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id idNumber version } }`;
const AUDIT = `query($f: AuditFilter, $first: Int, $after: String) { auditLog(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id at username roles operation entity entityId poolingArea changes clientIp requestId } } }`;

beforeAll(async () => {
  s = await startTestServer();
  officer = await s.as('officer');
  supervisor = await s.as('supervisor');
});
afterAll(async () => {
  await s?.stop();
});

describe('audit rows', () => {
  it('record a create with who, roles, request id, client IP and the masked values', async () => {
    const input = personInput({ name: '审计甲' });
    const created = (await officer(CREATE, { i: input })).body.data.createInsuredPerson;
    const r = await supervisor(AUDIT, { f: { entity: 'InsuredPerson', entityId: created.id } });
    const [row] = r.body.data.auditLog.nodes;
    expect(row).toMatchObject({ username: 'officer', roles: ['FUND_OFFICER'], operation: 'CREATE', poolingArea: '3702' });
    expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.clientIp).toMatch(/127\.0\.0\.1/);
    expect(row.changes.after.idNumber).toBe(created.idNumber);
    expect(row.changes.after.idNumber).not.toBe(input.idNumber);
    expect(row.changes.after.phone).toBe('139****5678');
    expect(JSON.stringify(row)).not.toContain(input.idNumber);
  });

  it('record only the changed fields of an update, before and after', async () => {
    const input = personInput();
    const created = (await officer(CREATE, { i: input })).body.data.createInsuredPerson;
    const { id: _id, idNumber: _n, ...fields } = input;
    await officer(`mutation($id: ID!, $i: UpdateInsuredPersonInput!) { updateInsuredPerson(id: $id, input: $i) { id } }`, { id: created.id, i: { ...fields, address: '新地址9号' } });
    const r = await supervisor(AUDIT, { f: { entityId: created.id, operation: 'UPDATE' } });
    expect(r.body.data.auditLog.nodes[0].changes).toEqual({ before: { address: input.address }, after: { address: '新地址9号' } });
  });

  it('record every reveal of a full ID number', async () => {
    const input = personInput();
    const created = (await officer(CREATE, { i: input })).body.data.createInsuredPerson;
    const revealed = await officer(`mutation { revealIdNumber(id: "${created.id}") }`);
    expect(revealed.body.data.revealIdNumber).toBe(input.idNumber);
    await officer(`mutation { revealIdNumber(id: "${created.id}") }`);
    const r = await supervisor(AUDIT, { f: { entityId: created.id, operation: 'REVEAL_ID' } });
    expect(r.body.data.auditLog.totalCount).toBe(2);
  });

  it("record sign-outs in the user's pooling area, for its supervisors to see", async () => {
    const c = await s.as('officer');
    await c('mutation { logout }');
    const r = await supervisor(AUDIT, { f: { username: 'officer', operation: 'LOGOUT' } });
    expect(r.body.data.auditLog.totalCount).toBeGreaterThan(0);
  });

  it('record sign-ins, failures and sign-outs', async () => {
    await s.gql(`mutation { login(username: "officer", password: "Wrong-Pass-1") { roles } }`);
    const admin = await s.as('admin');
    const r = await admin(AUDIT, { f: { username: 'officer', operation: 'LOGIN_FAILED' } });
    expect(r.body.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(JSON.stringify(r.body.data.auditLog.nodes)).not.toContain('Wrong-Pass-1');
  });

  it('are not written when the change is refused', async () => {
    const [before] = await sql('select count(*)::int n from audit_log');
    expect(codeOf(await officer(CREATE, { i: personInput({ idNumber: '370203194207150011' }) }))).toBe('BAD_USER_INPUT');
    const [after] = await sql('select count(*)::int n from audit_log');
    expect(after!.n).toBe(before!.n);
  });

  it('page newest first with cursors', async () => {
    const first = await supervisor(AUDIT, { first: 2 });
    const page = first.body.data.auditLog;
    expect(page.nodes).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await supervisor(AUDIT, { first: 2, after: page.pageInfo.endCursor });
    const all = [...page.nodes, ...next.body.data.auditLog.nodes];
    expect(new Set(all.map((n: any) => n.id)).size).toBe(4);
    const times = all.map((n: any) => Date.parse(n.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(codeOf(await supervisor(AUDIT, { after: 'nonsense' }))).toBe('BAD_USER_INPUT');
  });
});

describe('the audit table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, on the table and on its partitions', async () => {
    const [row] = await sql('select id, at from audit_log limit 1');
    expect(row).toBeDefined();
    await expect(sql(`update audit_log set operation = 'X' where id = ?`, [row.id])).rejects.toThrow(/append-only/);
    await expect(sql(`delete from audit_log where id = ?`, [row.id])).rejects.toThrow(/append-only/);
    await expect(sql(`truncate audit_log`)).rejects.toThrow(/append-only/);
    const [part] = await sql(`select tableoid::regclass::text as name from audit_log where id = ?`, [row.id]);
    await expect(sql(`delete from ${part.name} where id = ?`, [row.id])).rejects.toThrow(/append-only/);
    await expect(sql(`truncate ${part.name}`)).rejects.toThrow(/append-only/);
  });

  it('is partitioned by month, with this month and the next two ready', async () => {
    const parts = await sql(`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_log'::regclass order by 1`);
    const names = parts.map((p) => p.relname);
    const month = (offset: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + offset);
      return `audit_log_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(names).toEqual(expect.arrayContaining(['audit_log_default', month(0), month(1), month(2)]));
  });
});
