// Object-level access: each actor reaches only the rows of its scope, by id, through lists and nested fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { personInput } from '../helpers/factories.ts';

let s: TestServer;
let agencyA: Gql, agencyB: Gql, caregiverA: Gql, assessor: Gql, officer: Gql, otherOfficer: Gql, otherSupervisor: Gql;
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const ids = (r: any) => r.body.data.insuredPersons.nodes.map((n: any) => n.id).sort();
const LIST = `query($f: InsuredPersonFilter) { insuredPersons(filter: $f, first: 100) { totalCount nodes { id name poolingArea } } }`;

let clientsOfA: string[];
let clientsOfB: string[];

beforeAll(async () => {
  s = await startTestServer();
  agencyA = await s.as('agency');
  agencyB = await s.as('agency2');
  caregiverA = await s.as('caregiver');
  assessor = await s.as('assessor');
  officer = await s.as('officer');
  // A second pooling area with its own officer and supervisor.
  await sql(`insert into region (code, name, level, parent_code, pooling_area) values ('3703', '淄博市', 'CITY', null, '3703')`);
  const admin = await s.as('admin');
  for (const [username, role] of [['officer.zb', 'FUND_OFFICER'], ['supervisor.zb', 'SUPERVISOR']]) {
    const r = await admin(`mutation { createUser(input: { username: "${username}", displayName: "淄博", password: "Start-Pass-2026", poolingArea: "3703", grants: [{ role: ${role}, poolingArea: "3703" }] }) { id } }`);
    expect(r.body.errors).toBeUndefined();
  }
  await sql(`update app_user set must_change_password = false where username like '%.zb'`);
  otherOfficer = await s.as('officer.zb', 'Start-Pass-2026');
  otherSupervisor = await s.as('supervisor.zb', 'Start-Pass-2026');
  const clients = async (name: string) =>
    (await sql(`select distinct person_id::text id from agency_client ac join agency a on a.id = ac.agency_id where a.name = ? and ac.until is null`, [name])).map((r) => r.id).sort();
  clientsOfA = await clients('青岛颐康居家护理服务有限公司');
  clientsOfB = await clients('青岛福寿康养老护理中心');
});
afterAll(async () => {
  await s?.stop();
});

describe('agency staff', () => {
  it("see exactly their agency's clients in lists, with the count to match", async () => {
    expect(clientsOfA.length).toBeGreaterThan(0);
    const r = await agencyA(LIST);
    expect(ids(r)).toEqual(clientsOfA);
    expect(r.body.data.insuredPersons.totalCount).toBe(clientsOfA.length);
    expect(ids(await caregiverA(LIST))).toEqual(clientsOfA);
    expect(ids(await agencyB(LIST))).toEqual(clientsOfB);
  });

  it("cannot read another agency's client by id, by search or by region", async () => {
    const theirs = clientsOfB[0]!;
    const r = await agencyA(`query($id: ID!) { insuredPerson(id: $id) { id name } }`, { id: theirs });
    expect(codeOf(r)).toBe('NOT_FOUND');
    const [p] = await sql(`select name, id_number, region_code from insured_person where id = ?`, [theirs]);
    expect(ids(await agencyA(LIST, { f: { search: p.id_number } }))).toEqual([]);
    expect(ids(await agencyA(LIST, { f: { regionCode: p.region_code } })).filter((id: string) => clientsOfB.includes(id))).toEqual([]);
  });

  it('cannot change or reveal anyone, their own clients included', async () => {
    const mine = clientsOfA[0]!;
    expect(codeOf(await agencyA(`mutation { recordDeath(id: "${mine}", input: { dateOfDeath: "2026-01-01" }) { id } }`))).toBe('FORBIDDEN');
    expect(codeOf(await agencyA(`mutation { revealIdNumber(id: "${mine}") }`))).toBe('FORBIDDEN');
  });

  it('lose sight of a person once the agency stops serving them', async () => {
    const mine = clientsOfA.at(-1)!;
    await sql(`update agency_client set until = current_date - 1 where person_id = ?`, [mine]);
    expect(codeOf(await agencyA(`query { insuredPerson(id: "${mine}") { id } }`))).toBe('NOT_FOUND');
    await sql(`update agency_client set until = null where person_id = ?`, [mine]);
  });

  it('see only their own agency among organisations', async () => {
    const r = await agencyA('{ organisations(kind: AGENCY) { name } }');
    expect(r.body.data.organisations).toEqual([{ name: '青岛颐康居家护理服务有限公司' }]);
    expect((await agencyA('{ organisations(kind: ASSESSMENT_ORG) { name } }')).body.data.organisations).toEqual([]);
  });
});

describe('assessors', () => {
  it('see exactly the people of the assessments assigned to them', async () => {
    const assigned = (
      await sql(`select distinct ap.person_id::text id from assessment_task t join assessor a on a.id = t.assessor_id
        join app_user u on u.id = a.user_id join assessment_application ap on ap.id = t.application_id where u.username = 'assessor'`)
    ).map((r) => r.id).sort();
    expect(assigned.length).toBeGreaterThan(0);
    const r = await assessor(LIST);
    expect(ids(r)).toEqual(assigned);
    const unassigned = clientsOfA.find((id) => !assigned.includes(id))!;
    expect(codeOf(await assessor(`query { insuredPerson(id: "${unassigned}") { id } }`))).toBe('NOT_FOUND');
  });
});

describe('officers and supervisors', () => {
  it('see their pooling area only', async () => {
    const mine = await officer(LIST);
    expect(mine.body.data.insuredPersons.totalCount).toBeGreaterThan(100);
    const other = await otherOfficer(LIST);
    expect(other.body.data.insuredPersons.totalCount).toBe(0);
    expect(codeOf(await otherOfficer(`query { insuredPerson(id: "${clientsOfA[0]}") { id } }`))).toBe('NOT_FOUND');
    expect(codeOf(await otherOfficer(`mutation { revealIdNumber(id: "${clientsOfA[0]}") }`))).toBe('NOT_FOUND');
  });

  it('cannot register a person in another pooling area', async () => {
    const r = await otherOfficer(`mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id } }`, { i: personInput() });
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
  });

  it("read the audit trail of their pooling area only", async () => {
    await officer(`mutation { revealIdNumber(id: "${clientsOfA[0]}") }`);
    const q = `{ auditLog(filter: { operation: "REVEAL_ID" }) { totalCount } }`;
    expect((await otherSupervisor(q)).body.data.auditLog.totalCount).toBe(0);
    const supervisor = await s.as('supervisor');
    expect((await supervisor(q)).body.data.auditLog.totalCount).toBeGreaterThan(0);
  });
});
