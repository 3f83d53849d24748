import { Migration } from '@mikro-orm/migrations';

// Claim lines are inserted and removed by the thousand when a month is generated: the guard that keeps lines of
// a claim past draft unchanged checks such writes once per statement (over the statement's transition table)
// instead of once per line. Updates keep the row-level check, which compares each line with its old self.
export class Migration20261209010000_claim_line_guard_statement extends Migration {

  override name = 'Migration20261209010000_claim_line_guard_statement';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger claim_line_guard on "claim_line";`);
    this.addSql(`create trigger claim_line_guard before update on "claim_line" for each row execute function claim_line_guard();`);
    this.addSql(`create function claim_line_guard_rows() returns trigger language plpgsql as $$
      declare s varchar(12);
      begin
        if tg_op = 'INSERT' then
          select c.state into s from new_lines n join claim c on c.id = n.claim_id where c.state <> 'DRAFT' limit 1;
        else
          select c.state into s from old_lines o join claim c on c.id = o.claim_id where c.state <> 'DRAFT' limit 1;
        end if;
        if s is not null then raise exception 'The claim is %: its lines do not change', s using errcode = 'check_violation'; end if;
        return null;
      end $$;`);
    this.addSql(`create trigger claim_line_guard_insert after insert on "claim_line" referencing new table as new_lines for each statement execute function claim_line_guard_rows();`);
    this.addSql(`create trigger claim_line_guard_delete after delete on "claim_line" referencing old table as old_lines for each statement execute function claim_line_guard_rows();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger claim_line_guard_insert on "claim_line";`);
    this.addSql(`drop trigger claim_line_guard_delete on "claim_line";`);
    this.addSql(`drop function claim_line_guard_rows();`);
    this.addSql(`drop trigger claim_line_guard on "claim_line";`);
    this.addSql(`create trigger claim_line_guard before insert or update or delete on "claim_line" for each row execute function claim_line_guard();`);
  }
}
