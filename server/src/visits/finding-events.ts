// Audit findings on home-care visits, pushed live: the event, who may receive it, and its publication through
// PostgreSQL (so that every server process delivers it, and only once the finding is committed).
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../graphql/context.ts';
import { agenciesWith, areasWith } from '../identity/identity.access.ts';
import { encodeMessage, PayloadTooLargeError, publish } from '../shared/pubsub.ts';
import type { Tx } from '../shared/prepared.ts';

/** The PubSub topic of raised findings. */
export const FINDING_RAISED = 'FINDING_RAISED';

export interface FindingEvent {
  id: string;
  visitId: string;
  /** The audit rule that found it, R01…R10. */
  rule: string;
  action: 'DEDUCT' | 'FLAG';
  status: 'OPEN' | 'CONFIRMED' | 'DISMISSED';
  poolingArea: string;
  agencyId: string;
  agencyName: string;
  personId: string;
  personName: string;
  caregiverId: string;
  caregiverName: string;
  /** Check-in time, ISO 8601. */
  visitAt: string;
  /** One line, Chinese, e.g. "签到位置距住址 1.2 公里". */
  summary: string;
  evidence: Record<string, unknown>;
  createdAt: string;
}

/** What stands for evidence too large for one PostgreSQL notification (the finding itself keeps it whole). */
export const TRUNCATED_EVIDENCE = { truncated: true } as const;

/**
 * Publishes findings in the caller's transaction: subscribers hear of them when it commits, never if it rolls
 * back. An event whose evidence would not fit a notification goes out with `{ truncated: true }` instead; one
 * that still does not fit (its names and summary alone) is refused with PayloadTooLargeError.
 */
export async function publishFindings(em: EntityManager | Tx, events: FindingEvent[]): Promise<void> {
  await publish(
    em,
    events.map((event) => {
      if (!event.id || !event.poolingArea || !event.agencyId) throw new Error('A finding event needs its id, pooling area and agency: they decide who receives it');
      try {
        encodeMessage(FINDING_RAISED, event);
        return { topic: FINDING_RAISED, data: event };
      } catch (e) {
        if (!(e instanceof PayloadTooLargeError)) throw e;
        const trimmed = { ...event, evidence: { ...TRUNCATED_EVIDENCE } };
        encodeMessage(FINDING_RAISED, trimmed);
        return { topic: FINDING_RAISED, data: trimmed };
      }
    }),
  );
}

/**
 * Whether an actor may receive a finding: fund officers and supervisors those of their pooling areas, agency
 * administrators those of their agency. Only grants whose role carries `finding.read` count (not caregivers).
 */
export function mayReceive(actor: Actor | null, event: Pick<FindingEvent, 'poolingArea' | 'agencyId'>): boolean {
  if (!actor) return false;
  return areasWith(actor, 'finding.read').includes(event.poolingArea) || agenciesWith(actor, 'finding.read').includes(event.agencyId);
}

export enum FindingActionEnum {
  DEDUCT = 'DEDUCT',
  FLAG = 'FLAG',
}
registerEnumType(FindingActionEnum, { name: 'FindingAction', description: 'Deduct the visit from the settlement, or flag it for a person to look at.' });

export enum FindingStatusEnum {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(FindingStatusEnum, { name: 'FindingStatus', description: 'Open, confirmed by a supervisor or fund officer, or dismissed.' });

@ObjectType('FindingEvent', { description: 'An audit finding on a home-care visit, as pushed live when it is raised.' })
export class FindingEventNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) visitId!: string;
  @Field(() => String, { description: 'The audit rule, R01…R10.' }) rule!: string;
  @Field(() => FindingActionEnum) action!: FindingActionEnum;
  @Field(() => FindingStatusEnum) status!: FindingStatusEnum;
  @Field(() => String) poolingArea!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => String) caregiverName!: string;
  @Field(() => Date, { description: 'Check-in time of the visit.' }) visitAt!: Date;
  @Field(() => String, { description: 'One line in Chinese, e.g. 签到位置距住址 1.2 公里.' }) summary!: string;
  @Field(() => GraphQLJSONObject, { description: 'The facts behind the finding; { truncated: true } when too large to push (the finding itself has them).' })
  evidence!: Record<string, unknown>;
  @Field(() => Date) createdAt!: Date;
}

export function toFindingEventNode(e: FindingEvent): FindingEventNode {
  return {
    ...e,
    action: e.action as FindingActionEnum,
    status: e.status as FindingStatusEnum,
    visitAt: new Date(e.visitAt),
    createdAt: new Date(e.createdAt),
  };
}
