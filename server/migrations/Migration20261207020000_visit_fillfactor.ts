import { Migration } from '@mikro-orm/migrations';

// Every visit is written twice: inserted at check-in, updated at check-out. With full pages the update has to put
// the new row version on another page, so every one of the table's seven indexes gets a new entry too and index
// scans meet both versions until vacuum. A partition's pages left 30% free keep the check-out on the row's own page
// (a HOT update: no index is touched), since no indexed column changes at check-out.

/** visit_ensure_partitions (see the visits migration), its new partitions created with `storage`. */
const ensurePartitions = (storage: string) => `create or replace function visit_ensure_partitions(first_month date, months int) returns void language plpgsql as $$
  declare m date; name text;
  begin
    for i in 0 .. months - 1 loop
      m := (date_trunc('month', first_month) + make_interval(months => i))::date;
      name := 'visit_' || to_char(m, 'YYYY_MM');
      if to_regclass(name) is null then
        execute format('create table %I partition of visit for values from (%L) to (%L)${storage}', name,
          (m::timestamp at time zone 'Asia/Shanghai'), ((m + interval '1 month')::timestamp at time zone 'Asia/Shanghai'));
      end if;
    end loop;
  end $$;`;

/** Runs `alter table <partition> <change>` on every partition there already is (pages written later follow it). */
const alterPartitions = (change: string) => `do $$
  declare p regclass;
  begin
    for p in select inhrelid::regclass from pg_inherits where inhparent = 'visit'::regclass loop
      execute format('alter table %s ${change}', p);
    end loop;
  end $$;`;

export class Migration20261207020000_visit_fillfactor extends Migration {

  override name = 'Migration20261207020000_visit_fillfactor';

  override up(): void | Promise<void> {
    this.addSql(ensurePartitions(' with (fillfactor = 70)'));
    this.addSql(alterPartitions('set (fillfactor = 70)'));
  }

  override down(): void | Promise<void> {
    this.addSql(ensurePartitions(''));
    this.addSql(alterPartitions('reset (fillfactor)'));
  }

}
