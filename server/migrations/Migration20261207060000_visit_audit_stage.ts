import { Migration } from '@mikro-orm/migrations';

// Where the month's audit (visits.audit-sql.ts) stages the rows of its two parts, which run side by side in
// sessions of their own (the caregivers' rules, the plans' rules) before the run's transaction writes the findings.
// Rows live for one run, under its id; unlogged, as they are worth nothing after a crash. A run removes them when it
// ends, and rows a day old (left by a server killed mid-run) when it begins.
export class Migration20261207060000_visit_audit_stage extends Migration {

  override name = 'Migration20261207060000_visit_audit_stage';

  override up(): void | Promise<void> {
    this.addSql(`create unlogged table "visit_audit_stage_finding" (
      "run_id" uuid not null, "pooling_area" varchar(12) not null, "visit_id" uuid not null, "rule" varchar(3) not null, "key" varchar(40) not null,
      "action" varchar(6) not null, "evidence" jsonb not null, "summary" varchar(200) not null, "visit_at" timestamptz not null,
      "agency_id" uuid not null, "person_id" uuid not null, "caregiver_id" uuid not null, "staged_at" timestamptz not null default now());`);
    this.addSql(`create unlogged table "visit_audit_stage_unit" (
      "run_id" uuid not null, "pooling_area" varchar(12) not null, "visit_id" uuid not null, "plan_id" uuid not null, "in_ms" bigint not null,
      "n" bigint not null, "code" text, "quantity" int, "allowed" bigint not null, "visit_at" timestamptz not null,
      "agency_id" uuid not null, "person_id" uuid not null, "caregiver_id" uuid not null, "staged_at" timestamptz not null default now());`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "visit_audit_stage_unit";`);
    this.addSql(`drop table if exists "visit_audit_stage_finding";`);
  }

}
