import { Migration } from '@mikro-orm/migrations';

// A run that generates the claims of every agency of a pooling area for a month, in the background (a pg-boss job
// carries it; this row is what people see: agencies done of total, when it started and ended, how it failed).
// Each agency's claim is written in a transaction of its own together with its place in `done_agency_ids`, so a
// run picked up again after a restart goes on with the agencies it has not done. One run at a time per area and
// month.
export class Migration20261208020000_claim_run extends Migration {

  override name = 'Migration20261208020000_claim_run';

  override up(): void | Promise<void> {
    this.addSql(`create table "claim_run" (
      "id" uuid not null primary key,
      "pooling_area" varchar(12) not null,
      "month" date not null,
      "state" varchar(10) not null default 'QUEUED' check ("state" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
      "agency_ids" uuid[] not null,
      "done_agency_ids" uuid[] not null default '{}',
      "skipped" int not null default 0,
      "attempts" int not null default 0,
      "error" varchar(500) null,
      "requested_by_id" uuid not null references "app_user" ("id"),
      "created_at" timestamptz not null default now(),
      "started_at" timestamptz null,
      "finished_at" timestamptz null);`);
    this.addSql(`create unique index "claim_run_active_unique" on "claim_run" ("pooling_area", "month") where "state" in ('QUEUED', 'RUNNING');`);
    this.addSql(`create index "claim_run_area_month_index" on "claim_run" ("pooling_area", "month", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "claim_run" cascade;`);
  }
}
