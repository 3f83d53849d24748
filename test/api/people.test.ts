import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, countStatements, startTestServer, type Gql, type TestServer } from '../helpers/server.ts';
import { personInput, residentId } from '../helpers/factories.ts';

const FIELDS = `id name idNumber masked birthDate sex phone insuranceType insuredSince status dateOfDeath address
  home { longitude latitude } regionCode poolingArea version emergencyContact { name relation phone }
  region { code name level path { code name level } }`;

const CREATE = `mutation($input: CreateInsuredPersonInput!) { createInsuredPerson(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInsuredPersonInput!, $v: Int) { updateInsuredPerson(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const LIST = `query($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {
  insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name regionCode } } } }`;

let s: TestServer;
let officer: Gql;
beforeAll(async () => {
  s = await startTestServer();
  officer = await s.as('officer');
});
afterAll(async () => {
  await s?.stop();
});

async function count(): Promise<number> {
  const [row] = await s.db.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int n from insured_person');
  return row!.n;
}

describe('insured persons over HTTP', () => {
  it('creates a person, derives birth date and sex from the ID and masks the ID number', async () => {
    const idNumber = residentId({ birth: '19380502', male: false });
    const r = await officer(CREATE, { input: personInput({ name: '王秀英', idNumber }) });
    expect(r.body.errors).toBeUndefined();
    const p = r.body.data.createInsuredPerson;
    expect(p).toMatchObject({
      name: '王秀英',
      birthDate: '1938-05-02',
      sex: 'FEMALE',
      status: 'ACTIVE',
      masked: true,
      idNumber: idNumber.slice(0, 6) + '**********' + idNumber.slice(-2),
      phone: '13912345678',
      poolingArea: '3702',
      home: { longitude: 120.395, latitude: 36.062 },
    });
    expect(p.region.path.map((x: any) => x.level)).toEqual(['CITY', 'DISTRICT', 'TOWN', 'VILLAGE']);
    // A supervisor, who audits but does not call people, sees the phone masked too.
    const supervisor = await s.as('supervisor');
    const seen = await supervisor(`query($id: ID!) { insuredPerson(id: $id) { idNumber phone } }`, { id: p.id });
    expect(seen.body.data.insuredPerson).toEqual({ idNumber: p.idNumber, phone: '139****5678' });
    const got = await officer(`query($id: ID!) { insuredPerson(id: $id) { id name } }`, { id: p.id });
    expect(got.body.data.insuredPerson).toEqual({ id: p.id, name: '王秀英' });
  });

  it('accepts a lower-case x and stores it upper-case', async () => {
    let id = residentId({ birth: '19491231' });
    while (!id.endsWith('X')) id = residentId({ birth: '19491231' });
    const r = await officer(CREATE, { input: personInput({ idNumber: id.toLowerCase() }) });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.createInsuredPerson.idNumber).toMatch(/X$/);
    const found = await officer(LIST, { filter: { search: id } });
    expect(found.body.data.insuredPersons.totalCount).toBe(1);
  });

  it.each([
    ['idNumber', { idNumber: '370203194207150011' }, 'CHECK_DIGIT'],
    ['idNumber', { idNumber: '37020319420230001X' }, 'BIRTH_DATE'],
    ['idNumber', { idNumber: '3702031942' }, 'LENGTH'],
    ['regionCode', { regionCode: '370202001999' }, 'UNKNOWN_REGION'],
    ['regionCode', { regionCode: '370202001' }, 'REGION_LEVEL'],
    ['longitude', { longitude: 200 }, 'OUT_OF_RANGE'],
    ['latitude', { latitude: -95 }, 'OUT_OF_RANGE'],
    ['phone', { phone: '12345' }, 'FORMAT'],
    ['insuredSince', { insuredSince: '2015-02-30' }, 'DATE'],
    ['sex', { sex: 'MALE', idNumber: residentId({ male: false }) }, 'MISMATCH'],
  ])('rejects a bad %s (%j) with BAD_USER_INPUT naming the field, and stores nothing', async (field, over, reason) => {
    const before = await count();
    const r = await officer(CREATE, { input: personInput(over) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions!.field).toBe(`input.${field}`);
    expect(r.body.errors![0]!.extensions!.fieldErrors[0].reason).toBe(reason);
    expect(r.body.data ?? null).toBeNull();
    expect(await count()).toBe(before);
  });

  it('rejects a duplicate ID number in the pooling area', async () => {
    const idNumber = residentId();
    expect((await officer(CREATE, { input: personInput({ idNumber }) })).body.errors).toBeUndefined();
    const before = await count();
    const r = await officer(CREATE, { input: personInput({ idNumber }) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions).toMatchObject({ field: 'input.idNumber', fieldErrors: [{ reason: 'DUPLICATE' }] });
    expect(await count()).toBe(before);
  });

  it('answers a replayed create with the same client id with the first result', async () => {
    const input = personInput();
    const a = await officer(CREATE, { input });
    const before = await count();
    const b = await officer(CREATE, { input });
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data.createInsuredPerson.id).toBe(a.body.data.createInsuredPerson.id);
    expect(await count()).toBe(before);
  });

  it('updates with an expected version and refuses a stale one with CONFLICT', async () => {
    const input = personInput();
    const created = (await officer(CREATE, { input })).body.data.createInsuredPerson;
    const { id: _id, ...fields } = input;
    const r = await officer(UPDATE, { id: created.id, input: { ...fields, address: '新地址1号' }, v: created.version });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateInsuredPerson).toMatchObject({ address: '新地址1号', version: created.version + 1 });
    const stale = await officer(UPDATE, { id: created.id, input: { ...fields, address: '又一个地址' }, v: created.version });
    expect(codeOf(stale)).toBe('CONFLICT');
  });

  it('keeps the stored ID number when an update omits it', async () => {
    const input = personInput();
    const created = (await officer(CREATE, { input })).body.data.createInsuredPerson;
    const { id: _id, idNumber: _n, ...fields } = input;
    const r = await officer(UPDATE, { id: created.id, input: { ...fields, name: '改名' } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.updateInsuredPerson).toMatchObject({ name: '改名', idNumber: created.idNumber, birthDate: created.birthDate });
  });

  it('records a death once, and rejects a second or a future date', async () => {
    const created = (await officer(CREATE, { input: personInput() })).body.data.createInsuredPerson;
    const DEATH = `mutation($id: ID!, $d: String!) { recordDeath(id: $id, input: { dateOfDeath: $d }) { status dateOfDeath } }`;
    const future = await officer(DEATH, { id: created.id, d: '2099-01-01' });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.body.errors![0]!.extensions!.field).toBe('input.dateOfDeath');
    const ok = await officer(DEATH, { id: created.id, d: '2026-01-05' });
    expect(ok.body.data.recordDeath).toEqual({ status: 'DECEASED', dateOfDeath: '2026-01-05' });
    expect(codeOf(await officer(DEATH, { id: created.id, d: '2026-01-06' }))).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const r = await officer(`{ insuredPerson(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(codeOf(r)).toBe('NOT_FOUND');
    expect(codeOf(await officer(`{ insuredPerson(id: "not-a-uuid") { id } }`))).toBe('NOT_FOUND');
  });
});

describe('listing insured persons', () => {
  const town = '370203002'; // 辽宁路街道, three villages
  beforeAll(async () => {
    for (const [i, v] of ['001', '002', '003'].entries()) {
      for (let k = 0; k < 4; k++) {
        const r = await officer(CREATE, { input: personInput({ name: `列表${i}${k}`, regionCode: town + v }) });
        expect(r.body.errors).toBeUndefined();
      }
    }
  });

  it('lists a town with its villages, and a single village', async () => {
    const t = await officer(LIST, { filter: { regionCode: town, search: '列表' } });
    expect(t.body.data.insuredPersons.totalCount).toBe(12);
    const v = await officer(LIST, { filter: { regionCode: town + '002', search: '列表' } });
    expect(v.body.data.insuredPersons.totalCount).toBe(4);
    expect(v.body.data.insuredPersons.edges.every((e: any) => e.node.regionCode === town + '002')).toBe(true);
  });

  it('pages forward and backward with cursors, in name order, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await officer(LIST, { filter: { regionCode: town, search: '列表' }, first: 5, after });
      const c = r.body.data.insuredPersons;
      seen.push(...c.edges.map((e: any) => e.node.name));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect([...seen].sort()).toEqual(seen);
    const back = await officer(LIST, { filter: { regionCode: town, search: '列表' }, last: 5 });
    expect(back.body.data.insuredPersons.edges.map((e: any) => e.node.name)).toEqual(seen.slice(7));
    expect(back.body.data.insuredPersons.pageInfo.hasPreviousPage).toBe(true);
  });

  it('searches by part of a name and by a whole ID number', async () => {
    const idNumber = residentId({ birth: '19330303' });
    await officer(CREATE, { input: personInput({ name: '独一无二', idNumber }) });
    const byName = await officer(LIST, { filter: { search: '一无' } });
    expect(byName.body.data.insuredPersons.edges.map((e: any) => e.node.name)).toEqual(['独一无二']);
    const byId = await officer(LIST, { filter: { search: idNumber } });
    expect(byId.body.data.insuredPersons.edges.map((e: any) => e.node.name)).toEqual(['独一无二']);
  });

  it('rejects an unknown region filter, a page too large and a forged cursor', async () => {
    const r1 = await officer(LIST, { filter: { regionCode: '9999' } });
    expect(r1.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
    const r2 = await officer(LIST, { first: 1000 });
    expect(r2.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const r3 = await officer(LIST, { after: 'garbage' });
    expect(r3.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('costs a bounded number of SQL statements whatever the page size', async () => {
    const statements = (first: number) =>
      countStatements(s, async () => {
        const r = await officer(`query($first: Int) { insuredPersons(first: $first) { nodes { id region { name path { name } } } } }`, { first });
        expect(r.body.errors).toBeUndefined();
      });
    const small = await statements(2);
    const large = await statements(50);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    // session lookup, page, count, the page's regions, and their ancestors
    expect(large).toBeLessThanOrEqual(6);
  });
});
