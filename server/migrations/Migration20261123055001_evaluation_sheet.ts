import { Migration } from '@mikro-orm/migrations';

export class Migration20261123055001_evaluation_sheet extends Migration {

  override name = 'Migration20261123055001_evaluation_sheet';

  override up(): void | Promise<void> {
    this.addSql(`create table "evaluation_sheet" ("pooling_area" varchar(12) not null, "sheet" jsonb not null, "updated_at" timestamptz not null default now(), primary key ("pooling_area"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "evaluation_sheet" cascade;`);

  }

}
