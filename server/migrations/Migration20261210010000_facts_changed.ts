import { Migration } from '@mikro-orm/migrations';

// Every write to a table whose rows the server processes cache (server/src/shared/fact-cache.ts) announces
// itself on the application's channel, so that each process drops what it read from that table. One notification
// per statement and table (and PostgreSQL sends identical ones of a transaction once), at commit. A session's
// touch (last_seen_at forward) and a sign-in's reset of the failed attempts are not changes any cache holds, so
// those two tables announce only the columns that are (and a session moved back in time, by an operator or a test).
const TABLES = [
  'role_grant', 'caregiver', 'employment', 'contract', 'agency', 'insured_person', 'agency_client',
  'care_plan', 'care_plan_version', 'care_plan_line', 'catalogue_item', 'visit_settings', 'beneficiary_card', 'hospital_stay',
];

export class Migration20261210010000_facts_changed extends Migration {

  override name = 'Migration20261210010000_facts_changed';

  override up(): void | Promise<void> {
    this.addSql(`create function changhu_facts_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('changhu_events', json_build_object('topic', 'facts-changed', 'data', tg_table_name)::text);
        return null;
      end $$;`);
    for (const t of TABLES) {
      this.addSql(`create trigger changhu_facts_changed after insert or update or delete or truncate on "${t}" for each statement execute function changhu_facts_changed();`);
    }
    this.addSql(`create trigger changhu_facts_changed after update on "session" for each row
      when (old.revoked_at is distinct from new.revoked_at or old.user_id is distinct from new.user_id or old.created_at is distinct from new.created_at
            or new.last_seen_at < old.last_seen_at)
      execute function changhu_facts_changed();`);
    this.addSql(`create trigger changhu_facts_removed after delete or truncate on "session" for each statement execute function changhu_facts_changed();`);
    this.addSql(`create trigger changhu_facts_changed after update on "app_user" for each row
      when (old.status is distinct from new.status or old.must_change_password is distinct from new.must_change_password
            or old.username is distinct from new.username or old.pooling_area is distinct from new.pooling_area)
      execute function changhu_facts_changed();`);
    this.addSql(`create trigger changhu_facts_removed after delete or truncate on "app_user" for each statement execute function changhu_facts_changed();`);
  }

  override down(): void | Promise<void> {
    for (const t of TABLES) this.addSql(`drop trigger changhu_facts_changed on "${t}";`);
    for (const t of ['session', 'app_user']) {
      this.addSql(`drop trigger changhu_facts_changed on "${t}";`);
      this.addSql(`drop trigger changhu_facts_removed on "${t}";`);
    }
    this.addSql(`drop function changhu_facts_changed();`);
  }
}
