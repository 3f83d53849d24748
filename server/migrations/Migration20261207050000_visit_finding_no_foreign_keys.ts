import { Migration } from '@mikro-orm/migrations';

// A finding's agency, person and caregiver are copied from its visit (which has no foreign keys: see
// Migration20261207040000), in the same statement that reads or writes the visit. Their foreign keys cost the
// month's audit three locking lookups per finding written (1.7 s of a first run's 47,000 findings over a
// million visits, against 0.4 s when only refreshed), and every check-out that raised a finding locked its
// agency's one row. The references to the users who explained or decided a finding stay: those are written one
// at a time, by people.
const REFERENCES: [string, string][] = [
  ['agency_id', 'agency'],
  ['person_id', 'insured_person'],
  ['caregiver_id', 'caregiver'],
];

export class Migration20261207050000_visit_finding_no_foreign_keys extends Migration {

  override name = 'Migration20261207050000_visit_finding_no_foreign_keys';

  override up(): void | Promise<void> {
    for (const [column] of REFERENCES) this.addSql(`alter table "visit_finding" drop constraint "visit_finding_${column}_foreign";`);
  }

  override down(): void | Promise<void> {
    for (const [column, table] of REFERENCES) {
      this.addSql(`alter table "visit_finding" add constraint "visit_finding_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on delete restrict;`);
    }
  }

}
