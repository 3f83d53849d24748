// The live feed of audit findings (GraphQL subscription over WebSocket, see app/websocket.ts).
import { Arg, Authorized, ID, Resolver, Root, Subscription, type SubscribeResolverData, type SubscriptionHandlerData } from 'type-graphql';
import { FINDING_RAISED, FindingEventNode, mayReceive, toFindingEventNode, type FindingEvent } from './finding-events.ts';
import { agenciesWith, areasWith } from '../identity/identity.access.ts';
import type { Context } from '../graphql/context.ts';
import { notFound } from '../shared/errors.ts';

interface FindingArgs {
  agencyId?: string | null;
}

@Resolver()
export class FindingEventsResolver {
  @Authorized('finding.read')
  @Subscription(() => FindingEventNode, {
    description:
      'Audit findings as they are raised: an agency its own, fund officers and supervisors those of their pooling area. ' +
      '`agencyId` narrows to one agency. Findings raised while you were not subscribed are in the lists, not here.',
    topics: ({ args, context }: SubscribeResolverData<unknown, FindingArgs, Context>) => {
      // Agency staff may only name their own agency (another is NOT_FOUND, as everywhere). Officers and supervisors
      // may name any: one outside their area simply never has a finding for them.
      const actor = context.actor!;
      if (args.agencyId && areasWith(actor, 'finding.read').length === 0 && !agenciesWith(actor, 'finding.read').includes(args.agencyId)) {
        throw notFound('Agency');
      }
      return FINDING_RAISED;
    },
    // Checked for every event with the connection's current actor (re-read as its session is re-checked).
    filter: ({ payload, args, context }: SubscriptionHandlerData<FindingEvent, FindingArgs, Context>) =>
      mayReceive(context.actor, payload) && (!args.agencyId || payload.agencyId === args.agencyId),
  })
  findingRaised(@Root() event: FindingEvent, @Arg('agencyId', () => ID, { nullable: true }) _agencyId: string | null): FindingEventNode {
    return toFindingEventNode(event);
  }
}
