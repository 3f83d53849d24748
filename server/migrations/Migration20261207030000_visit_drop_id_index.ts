import { Migration } from '@mikro-orm/migrations';

// The primary key (id, check_in_at) already finds a visit by its id alone (its leading column): the separate index
// on id only cost every check-in one more index insert.
export class Migration20261207030000_visit_drop_id_index extends Migration {

  override name = 'Migration20261207030000_visit_drop_id_index';

  override up(): void | Promise<void> {
    this.addSql(`drop index "visit_id_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "visit_id_index" on "visit" ("id");`);
  }

}
