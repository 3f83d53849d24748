import { Migration } from '@mikro-orm/migrations';

// Monthly settlement: an agency's claim for a month, its lines (one per beneficiary and covered form, then the
// adjustments), the review's deductions and the workflow's events. Made by hand, as the visits are: lines are
// written by one set-based statement (billing.generate-sql.ts), and triggers keep an approved claim as it was
// whoever writes: a claim's lines change only while it is a draft (the review's deductions only under review),
// and an approved claim changes only by being paid.
//
// A line links to its visits by their ids (in check-in order, with what each counts for beside them), not by a
// row per visit: a million-visit month writes a few thousand lines, not a million rows.
export class Migration20261208010000_billing extends Migration {

  override name = 'Migration20261208010000_billing';

  override up(): void | Promise<void> {
    const money = (name: string) => `"${name}" bigint not null default 0`;
    this.addSql(`create table "claim" (
      "id" uuid not null primary key,
      "pooling_area" varchar(12) not null,
      "agency_id" uuid not null references "agency" ("id") on update cascade,
      "month" date not null,
      "state" varchar(12) not null default 'DRAFT' check ("state" in ('DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID')),
      "late" boolean not null default false,
      "lines" int not null default 0,
      "visits" int not null default 0,
      ${['gross_fen', 'cap_fen', 'eligible_fen', 'excess_fen', 'fund_fen', 'copay_fen', 'deducted_fen', 'review_deducted_fen', 'approved_fund_fen', 'deposit_fen', 'adjustment_fen', 'payable_fen'].map(money).join(',\n      ')},
      "generated_at" timestamptz not null,
      "generated_by_id" uuid not null references "app_user" ("id"),
      "declared_at" timestamptz null,
      "declared_by_id" uuid null references "app_user" ("id"),
      "review_started_at" timestamptz null,
      "reviewed_by_id" uuid null references "app_user" ("id"),
      "returned_at" timestamptz null,
      "return_reason" varchar(500) null,
      "approved_at" timestamptz null,
      "approved_by_id" uuid null references "app_user" ("id"),
      "paid_at" timestamptz null,
      "paid_by_id" uuid null references "app_user" ("id"),
      "paid_amount_fen" bigint null,
      "paid_on" date null,
      "payment_reference" varchar(60) null,
      "version" int not null default 1,
      constraint "claim_agency_month_unique" unique ("agency_id", "month"),
      constraint "claim_month_first_day" check (extract(day from "month") = 1));`);
    this.addSql(`create index "claim_area_month_state_index" on "claim" ("pooling_area", "month", "state");`);

    this.addSql(`create table "claim_line" (
      "id" uuid not null primary key,
      "pooling_area" varchar(12) not null,
      "claim_id" uuid not null references "claim" ("id") on delete cascade,
      "position" int not null,
      "kind" varchar(10) not null check ("kind" in ('CARE', 'ADJUSTMENT')),
      "person_id" uuid null references "insured_person" ("id"),
      "care_form" varchar(12) null,
      "level" int null,
      "covered_days" int not null default 0,
      "billable_days" int null,
      ${['gross_fen', 'cap_fen', 'eligible_fen', 'excess_fen', 'fund_fen', 'copay_fen', 'deducted_fen', 'review_deducted_fen'].map(money).join(',\n      ')},
      "deductions" jsonb not null default '[]',
      "visit_ids" uuid[] not null default '{}',
      "visit_fen" int[] not null default '{}',
      "stay_ids" uuid[] not null default '{}',
      "adjustment_reason" varchar(20) null check ("adjustment_reason" in ('RECOVERY', 'DEPOSIT_RELEASE', 'CARRIED')),
      "source_id" uuid null,
      constraint "claim_line_position_unique" unique ("claim_id", "position"),
      constraint "claim_line_adjustment" check (("kind" = 'ADJUSTMENT') = ("adjustment_reason" is not null and "source_id" is not null)),
      constraint "claim_line_amounts" check ("kind" = 'ADJUSTMENT' or (
        "gross_fen" >= 0 and "cap_fen" >= 0 and "eligible_fen" >= 0 and "eligible_fen" <= "gross_fen" and "eligible_fen" <= "cap_fen"
        and "excess_fen" = "gross_fen" - "eligible_fen" and "fund_fen" + "copay_fen" = "eligible_fen" and "fund_fen" >= 0 and "copay_fen" >= 0
        and "review_deducted_fen" >= 0 and "review_deducted_fen" <= "fund_fen")));`);
    // A violation is recovered, a quarter's deposit released, a negative payable carried, on one claim only.
    this.addSql(`create unique index "claim_line_adjustment_source_unique" on "claim_line" ("adjustment_reason", "source_id") where "kind" = 'ADJUSTMENT';`);
    this.addSql(`create index "claim_line_person_index" on "claim_line" ("person_id");`);

    this.addSql(`create table "claim_review_deduction" (
      "id" uuid not null primary key,
      "pooling_area" varchar(12) not null,
      "claim_id" uuid not null references "claim" ("id") on delete cascade,
      "line_id" uuid not null references "claim_line" ("id") on delete cascade,
      "reason" varchar(20) not null,
      "amount_fen" int not null check ("amount_fen" > 0),
      "note" varchar(300) null,
      "created_by_id" uuid not null references "app_user" ("id"),
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "claim_review_deduction_claim_index" on "claim_review_deduction" ("claim_id");`);

    // The workflow's history; its id is the client's request id, so that a retried transition is recognised.
    this.addSql(`create table "claim_event" (
      "id" uuid not null primary key,
      "pooling_area" varchar(12) not null,
      "claim_id" uuid not null references "claim" ("id") on delete cascade,
      "verb" varchar(12) not null,
      "from_state" varchar(12) not null,
      "to_state" varchar(12) not null,
      "actor_id" uuid not null references "app_user" ("id"),
      "at" timestamptz not null default now(),
      "reason" varchar(500) null);`);
    this.addSql(`create index "claim_event_claim_index" on "claim_event" ("claim_id", "at");`);

    // Immutability, whoever writes. Lines: inserted, changed and removed only while their claim is a draft (a
    // claim deleted whole takes its lines along); under review only the review's deductions change.
    this.addSql(`create function claim_line_guard() returns trigger language plpgsql as $$
      declare s varchar(12);
      begin
        select state into s from claim where id = coalesce(new.claim_id, old.claim_id);
        if s is null or s = 'DRAFT' then return coalesce(new, old); end if;
        if tg_op = 'UPDATE' and s = 'UNDER_REVIEW'
           and (to_jsonb(new) - 'review_deducted_fen') = (to_jsonb(old) - 'review_deducted_fen') then return new; end if;
        raise exception 'The claim is %: its lines do not change', s using errcode = 'check_violation';
      end $$;`);
    this.addSql(`create trigger claim_line_guard before insert or update or delete on "claim_line" for each row execute function claim_line_guard();`);
    this.addSql(`create function claim_review_deduction_guard() returns trigger language plpgsql as $$
      declare s varchar(12);
      begin
        select state into s from claim where id = coalesce(new.claim_id, old.claim_id);
        if s is null or s = 'UNDER_REVIEW' or (tg_op = 'DELETE' and s = 'DRAFT') then return coalesce(new, old); end if;
        raise exception 'The claim is %: its review does not change', s using errcode = 'check_violation';
      end $$;`);
    this.addSql(`create trigger claim_review_deduction_guard before insert or update or delete on "claim_review_deduction" for each row execute function claim_review_deduction_guard();`);
    // An approved claim changes only by being paid; a declared one is deleted by nobody.
    this.addSql(`create function claim_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.state = 'DRAFT' then return old; end if;
          raise exception 'The claim is %: it is not deleted', old.state using errcode = 'check_violation';
        end if;
        if old.state = 'PAID' or (old.state = 'APPROVED' and (new.state <> 'PAID'
             or (to_jsonb(new) - array['state', 'paid_at', 'paid_by_id', 'paid_amount_fen', 'paid_on', 'payment_reference', 'version'])
                <> (to_jsonb(old) - array['state', 'paid_at', 'paid_by_id', 'paid_amount_fen', 'paid_on', 'payment_reference', 'version']))) then
          raise exception 'The claim is %: it does not change', old.state using errcode = 'check_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger claim_guard before update or delete on "claim" for each row execute function claim_guard();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "claim_event" cascade;`);
    this.addSql(`drop table if exists "claim_review_deduction" cascade;`);
    this.addSql(`drop table if exists "claim_line" cascade;`);
    this.addSql(`drop table if exists "claim" cascade;`);
    this.addSql(`drop function if exists claim_line_guard();`);
    this.addSql(`drop function if exists claim_review_deduction_guard();`);
    this.addSql(`drop function if exists claim_guard();`);
  }
}
