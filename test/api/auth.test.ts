// Sign-in, lockout, sessions and their expiry, revocation, and the production guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, codeOf, LOGIN, sessionCookie, startTestServer, type TestServer, sqlOn } from '../helpers/server.ts';
import { DEMO_PASSWORD } from '../../seeds/demo-users.ts';
import { startServer } from '../../server/src/app/server.ts';
import { createTestDatabase } from '../helpers/db.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.stop();
});

const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const ME = '{ me { user { username } roles permissions } }';

async function newUser(username: string, roles = `[{ role: SUPERVISOR, poolingArea: "3702" }]`) {
  const admin = await s.as('admin');
  const r = await admin(`mutation { createUser(input: { username: "${username}", displayName: "测试", password: "Start-Pass-2026", poolingArea: "3702", grants: ${roles} }) { id } }`);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.createUser.id as string;
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers me', async () => {
    const res = await s.gql(LOGIN, { u: 'officer', p: DEMO_PASSWORD });
    expect(res.body.errors).toBeUndefined();
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^changhu_session=[\w-]{43};/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\//);
    const me = await clientFor(s.url, sessionCookie(res))(ME);
    expect(me.body.data.me).toMatchObject({ user: { username: 'officer' }, roles: ['FUND_OFFICER'] });
    expect(me.body.data.me.permissions).toContain('person.create');
  });

  it('answers an unknown user and a wrong password alike', async () => {
    const unknown = await s.gql(LOGIN, { u: 'nobody', p: 'Whatever-123' });
    const wrong = await s.gql(LOGIN, { u: 'officer', p: 'Whatever-123' });
    expect(unknown.body.errors![0]).toEqual(wrong.body.errors![0]);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, and audits it', async () => {
    const id = await newUser('lock.me');
    for (let i = 0; i < 5; i++) expect(codeOf(await s.gql(LOGIN, { u: 'lock.me', p: 'Wrong-Pass-1' }))).toBe('UNAUTHENTICATED');
    const locked = await s.gql(LOGIN, { u: 'lock.me', p: 'Start-Pass-2026' });
    expect(codeOf(locked)).toBe('UNAUTHENTICATED');
    expect(locked.body.errors![0]!.message).toBe((await s.gql(LOGIN, { u: 'nobody', p: 'x' })).body.errors![0]!.message);
    const [row] = await sql(`select count(*)::int n from audit_log where entity_id = ? and operation = 'ACCOUNT_LOCKED'`, [id]);
    expect(row!.n).toBe(1);
    const [fails] = await sql(`select count(*)::int n from audit_log where entity_id = ? and operation = 'LOGIN_FAILED'`, [id]);
    expect(fails!.n).toBe(6);
    // Fifteen minutes later the right password works again.
    await sql(`update app_user set locked_until = now() - interval '1 second' where id = ?`, [id]);
    expect((await s.gql(LOGIN, { u: 'lock.me', p: 'Start-Pass-2026' })).body.errors).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    const id = await newUser('gone.soon');
    const admin = await s.as('admin');
    expect((await admin(`mutation { disableUser(id: "${id}") { status } }`)).body.data.disableUser.status).toBe('DISABLED');
    expect(codeOf(await s.gql(LOGIN, { u: 'gone.soon', p: 'Start-Pass-2026' }))).toBe('UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes with SESSION_EXPIRED', async () => {
    const c = await s.as('supervisor');
    expect((await c(ME)).body.data.me.user.username).toBe('supervisor');
    await sql(`update session set last_seen_at = now() - interval '31 minutes' where user_id = (select id from app_user where username = 'supervisor')`);
    const r = await c('{ insuredPersons { totalCount } }');
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect((await c(ME)).body.data.me).toBeNull();
  });

  it('end 12 hours after sign-in however active', async () => {
    const c = await s.as('assessor');
    await sql(`update session set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where user_id = (select id from app_user where username = 'assessor')`);
    expect(codeOf(await c('{ regions { code } }'))).toBe('UNAUTHENTICATED');
  });

  it('end at logout', async () => {
    const c = await s.as('officer');
    const out = await c('mutation { logout }');
    expect(out.body.data.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/changhu_session=;.*Max-Age=0/i);
    expect(codeOf(await c('{ regions { code } }'))).toBe('UNAUTHENTICATED');
  });

  it('other sessions end when the password changes; this one goes on', async () => {
    await newUser('change.me');
    const first = await s.as('change.me', 'Start-Pass-2026');
    const second = await s.as('change.me', 'Start-Pass-2026');
    // New users must change their password before anything else.
    expect((await second('{ regions { code } }')).body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    const weak = await second('mutation { changePassword(currentPassword: "Start-Pass-2026", newPassword: "short") }');
    expect(weak.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const ok = await second('mutation { changePassword(currentPassword: "Start-Pass-2026", newPassword: "Brand-New-Pass-9") }');
    expect(ok.body.errors).toBeUndefined();
    expect((await second('{ regions { code } }')).body.errors).toBeUndefined();
    expect(codeOf(await first('{ regions { code } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await s.gql(LOGIN, { u: 'change.me', p: 'Start-Pass-2026' }))).toBe('UNAUTHENTICATED');
  });

  it('a reset password ends the sessions and must be changed', async () => {
    const id = await newUser('reset.me');
    const before = await s.as('reset.me', 'Start-Pass-2026');
    const admin = await s.as('admin');
    const r = await admin(`mutation { resetPassword(id: "${id}") { temporaryPassword user { mustChangePassword } } }`);
    expect(r.body.data.resetPassword.user.mustChangePassword).toBe(true);
    expect(codeOf(await before(ME.replace('me', 'regions { code } me')))).toBe('UNAUTHENTICATED');
    const after = await s.as('reset.me', r.body.data.resetPassword.temporaryPassword);
    expect((await after(ME)).body.data.me.user.username).toBe('reset.me');
  });
});

describe('user administration', () => {
  it('names every field error of a new user in one answer', async () => {
    const admin = await s.as('admin');
    const r = await admin(`mutation { createUser(input: { username: "officer", displayName: "", password: "short", poolingArea: "3702", grants: [{ role: AGENCY_ADMIN }] }) { id } }`);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions!.fieldErrors.map((e: any) => `${e.field}:${e.reason}`).sort()).toEqual([
      'input.displayName:LENGTH',
      'input.grants.0.agencyId:UNKNOWN_AGENCY',
      'input.password:TOO_SHORT',
      'input.username:DUPLICATE',
    ]);
  });
});

describe('several server processes', () => {
  it('share sessions through PostgreSQL: sign in on one, work and sign out on another', async () => {
    const other = await startServer({ databaseUrl: s.db.orm.config.get('clientUrl')!, port: 0, host: '127.0.0.1', logLevel: 'silent', seedDemo: false });
    try {
      const onFirst = await s.as('officer');
      const onSecond = clientFor(other.url, onFirst.cookie);
      expect((await onFirst(ME)).body.data.me.user.username).toBe('officer'); // the first now keeps the session
      expect((await onSecond(ME)).body.data.me.user.username).toBe('officer');
      expect((await onSecond('mutation { logout }')).body.data.logout).toBe(true);
      // The sign-out reaches the first process as a notification, milliseconds after its commit.
      await s.pubSub.settled();
      expect(codeOf(await onFirst('{ regions { code } }'))).toBe('UNAUTHENTICATED');
      // A sign-out on the process that keeps the session ends it there at once.
      const again = await s.as('officer');
      expect((await again(ME)).body.data.me.user.username).toBe('officer');
      expect((await again('mutation { logout }')).body.data.logout).toBe(true);
      expect(codeOf(await again('{ regions { code } }'))).toBe('UNAUTHENTICATED');
    } finally {
      await other.stop();
    }
  });
});

describe('production', () => {
  it('refuses to start while an account has the demo password', async () => {
    const databaseUrl = await createTestDatabase();
    await expect(startServer({ env: 'production', databaseUrl, port: 0, host: '127.0.0.1', logLevel: 'silent', seedDemo: false })).rejects.toThrow(/demo password/);
  });
});
