import { Migration } from '@mikro-orm/migrations';

// The visit table is the system's hot, partitioned fact table: a row is written only by the visits service, after
// it has read in the same request every row the visit names (the caregiver and her agency, the person, the plan
// version in force, the signed-in user), and none of those rows is ever deleted (they change state instead). Its
// foreign keys still cost every check-in six locking lookups, and all caregivers of an agency locked the agency's
// one row (FOR KEY SHARE) at once: without them a check-in's write took about half the time (0.34 ms instead of
// 0.60 ms, 36 buffers instead of 71, under load).
const REFERENCES: [string, string][] = [
  ['agency_id', 'agency'],
  ['caregiver_id', 'caregiver'],
  ['person_id', 'insured_person'],
  ['plan_id', 'care_plan'],
  ['plan_version_id', 'care_plan_version'],
  ['recorded_by', 'app_user'],
  ['voided_by', 'app_user'],
];

export class Migration20261207040000_visit_no_foreign_keys extends Migration {

  override name = 'Migration20261207040000_visit_no_foreign_keys';

  override up(): void | Promise<void> {
    this.addSql(`do $$
      declare c record;
      begin
        for c in select conname from pg_constraint where conrelid = 'visit'::regclass and contype = 'f' loop
          execute format('alter table visit drop constraint %I', c.conname);
        end loop;
      end $$;`);
  }

  override down(): void | Promise<void> {
    for (const [column, table] of REFERENCES) {
      this.addSql(`alter table "visit" add constraint "visit_${column}_fkey" foreign key ("${column}") references "${table}" ("id");`);
    }
  }

}
