import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { StaysService } from './stays.service.ts';
import { runMonthlyAudit } from './visits.audit-sql.ts';
import { areasWith, requirePermission } from '../identity/identity.access.ts';
import { notFound } from '../shared/errors.ts';
import type { CareStay, HospitalStay } from './visits.entity.ts';
import type { VisitSettings } from './visits.rules.ts';
import { systemClock } from '../shared/clock.ts';
import { InputError, requireMonth } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';

const service = (ctx: Context) => new StaysService(ctx.em, systemClock, ctx.audit);

@ObjectType('HospitalStay', { description: 'An in-patient stay (住院) of a beneficiary: visits during it are flagged (R02).' })
class HospitalStayNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) hospital!: string;
  @Field(() => String) admittedOn!: string;
  @Field(() => String, { nullable: true }) dischargedOn!: string | null;
  @Field(() => String, { description: 'MANUAL or IMPORT' }) source!: string;
}

@ObjectType('ImportProblem')
class ImportProblemNode {
  @Field(() => String) field!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) message!: string;
}

@ObjectType('ImportRow')
class ImportRowNode {
  @Field(() => Int, { description: 'The row as the file shows it (the header is row 1).' }) row!: number;
  @Field(() => String, { description: 'Masked.' }) idNumber!: string;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => [ImportProblemNode]) errors!: ImportProblemNode[];
}

@ObjectType('HospitalStayImport', { description: 'What an import did: nothing is stored when any row is wrong.' })
class ImportReportNode {
  @Field(() => Int) imported!: number;
  @Field(() => [ImportRowNode]) rows!: ImportRowNode[];
}

@ObjectType('CareLeave')
class LeaveNode {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('CareStay', { description: 'A stay in institutional or hospital care: admission, discharge, leave.' })
class CareStayNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => String) admittedOn!: string;
  @Field(() => String, { nullable: true }) dischargedOn!: string | null;
  @Field(() => [LeaveNode]) leaves!: LeaveNode[];
}

@ObjectType('BillableDays', { description: 'The days of a month a beneficiary was in care and not on leave.' })
class BillableDaysNode {
  @Field(() => String) month!: string;
  @Field(() => Int) count!: number;
  @Field(() => [String]) days!: string[];
}

@InputType('HospitalStayInput')
class HospitalStayInputType {
  @Field(() => ID) personId!: string;
  @Field(() => String) hospital!: string;
  @Field(() => String) admittedOn!: string;
  @Field(() => String, { nullable: true }) dischargedOn?: string | null;
}

@InputType('CareLeaveInput')
class LeaveInputType {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

const toHospitalStay = (h: HospitalStay): HospitalStayNode => ({ id: h.id, personId: h.person.id, hospital: h.hospital, admittedOn: h.admittedOn, dischargedOn: h.dischargedOn, source: h.source });
const toCareStay = (s: CareStay): CareStayNode => ({ id: s.id, planId: s.plan.id, admittedOn: s.admittedOn, dischargedOn: s.dischargedOn, leaves: s.leaves });

@Resolver()
export class StaysResolver {
  @Authorized('visit.read')
  @Query(() => [HospitalStayNode])
  async hospitalStays(@Arg('personId', () => ID) personId: string, @Ctx() ctx: Context): Promise<HospitalStayNode[]> {
    return (await service(ctx).hospitalStays(ctx.actor, personId)).map(toHospitalStay);
  }

  @Authorized('hospital.manage')
  @Mutation(() => HospitalStayNode, { description: 'Records an in-patient stay (a second report of the same admission records the discharge).' })
  async recordHospitalStay(@Arg('input', () => HospitalStayInputType) input: HospitalStayInputType, @Ctx() ctx: Context): Promise<HospitalStayNode> {
    return toHospitalStay(await service(ctx).recordHospitalStay(ctx.actor, input));
  }

  @Authorized('hospital.manage')
  @Mutation(() => ImportReportNode, { description: 'Imports a hospital’s CSV list (身份证号, 医院, 入院日期, 出院日期): all rows or none, with a report per row.' })
  async importHospitalStays(@Arg('poolingArea', () => String) poolingArea: string, @Arg('csv', () => String) csv: string, @Ctx() ctx: Context): Promise<ImportReportNode> {
    if (csv.length > 2_000_000) throw new InputError([{ field: 'csv', reason: 'TOO_LARGE', message: 'At most 2 MB' }]);
    return service(ctx).importHospitalStays(ctx.actor, poolingArea, csv);
  }

  @Authorized('visit.read')
  @Query(() => [CareStayNode], { description: 'The stays under an institutional or hospital care plan.' })
  async careStays(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context): Promise<CareStayNode[]> {
    return (await service(ctx).careStays(ctx.actor, planId)).map(toCareStay);
  }

  @Authorized('visit.read')
  @Query(() => BillableDaysNode, { description: 'Billable days of a month under an institutional or hospital care plan (admission day counts, discharge day and leave do not).' })
  async billableDays(@Arg('planId', () => ID) planId: string, @Arg('month', () => String) month: string, @Ctx() ctx: Context): Promise<BillableDaysNode> {
    requireMonth(month);
    const s = service(ctx);
    const days = s.billable(await s.careStays(ctx.actor, planId), month);
    return { month, count: days.length, days };
  }

  @Authorized('stay.manage')
  @Mutation(() => CareStayNode, { description: 'Admits the beneficiary of an active institutional or hospital care plan.' })
  async admitToCare(@Arg('planId', () => ID) planId: string, @Arg('admittedOn', () => String) admittedOn: string, @Ctx() ctx: Context): Promise<CareStayNode> {
    return toCareStay(await service(ctx).admit(ctx.actor, { planId, admittedOn }));
  }

  @Authorized('stay.manage')
  @Mutation(() => CareStayNode)
  async dischargeFromCare(@Arg('id', () => ID) id: string, @Arg('dischargedOn', () => String) dischargedOn: string, @Ctx() ctx: Context): Promise<CareStayNode> {
    return toCareStay(await service(ctx).discharge(ctx.actor, id, dischargedOn));
  }

  @Authorized('stay.manage')
  @Mutation(() => CareStayNode, { description: 'Records days of leave (请假) within a stay.' })
  async recordCareLeave(@Arg('id', () => ID) id: string, @Arg('leave', () => LeaveInputType) leave: LeaveInputType, @Ctx() ctx: Context): Promise<CareStayNode> {
    return toCareStay(await service(ctx).addLeave(ctx.actor, id, leave));
  }

  @Authorized('visit.read')
  @Query(() => GraphQLJSONObject, { description: 'The pooling area’s audit-rule parameters and actions (visits.rules.ts VisitSettings).' })
  async visitSettings(@Arg('poolingArea', () => String) poolingArea: string, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return (await service(ctx).settings(ctx.actor, poolingArea)) as unknown as Record<string, unknown>;
  }

  @Authorized('audit.run')
  @Mutation(() => GraphQLJSONObject, { description: 'Runs the audit rules over a whole month of the area’s visits as set-based SQL (before billing, or on demand): findings are refreshed, decisions kept. Answers { findings, byRule, ms }.' })
  async runMonthlyAudit(@Arg('poolingArea', () => String) poolingArea: string, @Arg('month', () => String) month: string, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    const a = requirePermission(ctx.actor, 'audit.run');
    if (!areasWith(a, 'audit.run').includes(poolingArea)) throw notFound('Pooling area');
    requireMonth(month);
    const s = service(ctx);
    const settings = await s.settings(a, poolingArea);
    const result = await ctx.em.transactional(async (em) => {
      const r = await runMonthlyAudit(em as never, poolingArea, month, settings);
      await ctx.audit.record(em as never, a, { operation: 'RUN_MONTHLY_AUDIT', entity: 'VisitFinding', entityId: `${poolingArea}:${month}`, poolingArea, after: { month, findings: r.findings, byRule: r.byRule, ms: r.ms } });
      return r;
    });
    return result as unknown as Record<string, unknown>;
  }

  @Authorized('audit.run')
  @Mutation(() => GraphQLJSONObject, { description: 'Sets the area’s audit-rule parameters and actions (keys left out keep the defaults).' })
  async setVisitSettings(@Arg('poolingArea', () => String) poolingArea: string, @Arg('settings', () => GraphQLJSONObject) settings: Record<string, unknown>, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return (await service(ctx).setSettings(ctx.actor, poolingArea, settings as Partial<VisitSettings>)) as unknown as Record<string, unknown>;
  }
}
