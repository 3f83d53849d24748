import { Migration } from '@mikro-orm/migrations';

// A check-out counts the units its plan's earlier visits of the month used (audit rule R06): without this index
// that was a scan of the whole month's partition on every check-out.
export class Migration20261123112000_visit_plan_index extends Migration {

  override name = 'Migration20261123112000_visit_plan_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "visit_plan_time_index" on "visit" ("plan_id", "check_in_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "visit_plan_time_index";`);
  }

}
