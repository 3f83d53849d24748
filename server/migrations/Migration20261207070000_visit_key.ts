import { Migration } from '@mikro-orm/migrations';

// A visit's id, unique across all months. The visit table is partitioned by check-in month and its primary key is
// (id, check_in_at), so PostgreSQL keeps an id unique only within a month, and a lookup by id alone reads every
// month's index: every check-in asks whether its id is taken, which took 370–580 µs (a round trip) with three
// years of months, where it takes 190 µs with five. visit_key holds each visit's id with its check-in time and
// caregiver (a global index, kept by triggers for every writer, bulk ones included): an id is unique whatever the
// month, a check-in learns from one index probe whether its id is taken and by whom, and a lookup by id reads its
// own month only. A visit's id, check-in time and caregiver never change.
export class Migration20261207070000_visit_key extends Migration {

  override name = 'Migration20261207070000_visit_key';

  override up(): void | Promise<void> {
    this.addSql(`create table "visit_key" ("id" uuid not null primary key, "check_in_at" timestamptz not null, "caregiver_id" uuid not null, "pooling_area" varchar(12) not null);`);
    this.addSql(`insert into "visit_key" (id, check_in_at, caregiver_id, pooling_area) select id, check_in_at, caregiver_id, pooling_area from visit;`);
    this.addSql(`create function visit_key_insert() returns trigger language plpgsql as $$
      begin
        insert into visit_key (id, check_in_at, caregiver_id, pooling_area) select id, check_in_at, caregiver_id, pooling_area from new_visits;
        return null;
      end $$;`);
    this.addSql(`create function visit_key_delete() returns trigger language plpgsql as $$
      begin
        delete from visit_key k using old_visits o where k.id = o.id and k.check_in_at = o.check_in_at;
        return null;
      end $$;`);
    this.addSql(`create function visit_key_fixed() returns trigger language plpgsql as $$
      begin
        raise exception 'A visit''s id, check-in time and caregiver do not change' using errcode = 'check_violation';
      end $$;`);
    this.addSql(`create trigger visit_key_insert after insert on "visit" referencing new table as new_visits for each statement execute function visit_key_insert();`);
    this.addSql(`create trigger visit_key_delete after delete on "visit" referencing old table as old_visits for each statement execute function visit_key_delete();`);
    this.addSql(`create trigger visit_key_fixed before update of id, check_in_at, caregiver_id on "visit" for each row
      when (old.id is distinct from new.id or old.check_in_at is distinct from new.check_in_at or old.caregiver_id is distinct from new.caregiver_id) execute function visit_key_fixed();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists visit_key_fixed on "visit";`);
    this.addSql(`drop trigger if exists visit_key_delete on "visit";`);
    this.addSql(`drop trigger if exists visit_key_insert on "visit";`);
    this.addSql(`drop function if exists visit_key_fixed();`);
    this.addSql(`drop function if exists visit_key_delete();`);
    this.addSql(`drop function if exists visit_key_insert();`);
    this.addSql(`drop table if exists "visit_key";`);
  }

}
