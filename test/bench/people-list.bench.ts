// Listing and searching insured persons over real HTTP at a city's scale: 200,000 people in the demo city.
// Run: npm run bench -- test/bench/people-list.bench.ts
import { afterAll, beforeAll, test } from 'vitest';
import { startTestServer, type Gql, type TestServer } from '../helpers/server.ts';

const PEOPLE = 200_000;
let s: TestServer;
let officer: Gql;
let someId = '';
let deepCursor = '';

const LIST = `query($f: InsuredPersonFilter, $first: Int, $after: String) {
  insuredPersons(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor } nodes { id name idNumber status region { name path { name } } } } }`;

async function ok(query: string, variables?: Record<string, unknown>) {
  const r = await officer(query, variables);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
}

beforeAll(async () => {
  s = await startTestServer();
  const conn = s.db.orm.em.fork().getConnection();
  // Set-based: one INSERT … SELECT spreads the people over the demo city's 27 communities.
  await conn.execute(`
    with v as (select code, row_number() over (order by code) - 1 as k, count(*) over () as n from region where level = 'VILLAGE'),
    g as (select i from generate_series(1, ${PEOPLE}) as i)
    insert into insured_person (id, pooling_area, name, id_number, birth_date, sex, insurance_type, insured_since, address, region_code, status)
    select gen_random_uuid(), '3702',
      (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + i % 10] || (array['秀英','桂兰','建国','志强','玉珍','德明','淑芬','春生','美兰','振华'])[1 + (i / 10) % 10] || (i % 997)::text,
      '3702' || lpad((i % 100)::text, 2, '0') || '19' || lpad((30 + i % 40)::text, 2, '0') || '01' || lpad(i::text, 6, '0'),
      make_date(1930 + i % 40, 1, 1), case when i % 2 = 0 then 'FEMALE'::sex else 'MALE'::sex end,
      case when i % 3 = 0 then 'EMPLOYEE'::insurance_type else 'RESIDENT'::insurance_type end, date '2015-01-01',
      '测试地址' || i || '号', v.code, 'ACTIVE'
    from g join v on v.k = g.i % v.n`);
  // What autovacuum does soon after a bulk load: statistics and the visibility map for index-only counts.
  await conn.execute('vacuum analyze insured_person');
  officer = await s.as('officer');
  someId = (await conn.execute<{ id_number: string }[]>(`select id_number from insured_person order by id limit 1 offset 5000`))[0]!.id_number;
  let after: string | null = null;
  for (let i = 0; i < 50; i++) after = (await ok(LIST, { first: 100, after })).insuredPersons.pageInfo.endCursor;
  deepCursor = after!;
}, 300_000);

afterAll(async () => {
  await s?.stop();
});

test(`insured persons, ${PEOPLE.toLocaleString('en')} in the pooling area (GraphQL over HTTP, signed in as officer)`, async ({ bench }) => {
  const results = await bench.compare(
    bench('first page of 20, whole area, by name', async () => {
      await ok(LIST, { first: 20 });
    }),
    bench('first page of 20 in a district (prefix of region codes)', async () => {
      await ok(LIST, { first: 20, f: { regionCode: '370203' } });
    }),
    bench('page of 100 after 5,000 rows (keyset cursor)', async () => {
      await ok(LIST, { first: 100, after: deepCursor });
    }),
    bench('search by part of a name (trigram index)', async () => {
      await ok(LIST, { first: 20, f: { search: '桂兰5' } });
    }),
    bench('search by a whole ID number', async () => {
      await ok(LIST, { first: 20, f: { search: someId } });
    }),
    { time: 3000, warmupTime: 500 },
  );
  console.table(
    Object.fromEntries(
      ['first page of 20, whole area, by name', 'first page of 20 in a district (prefix of region codes)', 'page of 100 after 5,000 rows (keyset cursor)', 'search by part of a name (trigram index)', 'search by a whole ID number'].map((name) => {
        const r = results.get(name as never) as any;
        return [name, { 'mean ms': r.latency.mean.toFixed(1), 'p99 ms': r.latency.p99.toFixed(1), 'req/s': r.throughput.mean.toFixed(0) }];
      }),
    ),
  );
}, 120_000);
