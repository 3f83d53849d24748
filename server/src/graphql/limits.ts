// Rejects abusive operations before execution: a depth limit (validation rule) and a cost limit
// (computed with the operation's variables, so `first: 100` costs a hundred times its nodes).
import { getNamedType, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';

export function depthLimitRule(maxDepth: number): ValidationRule {
  return maxDepthRule({
    n: maxDepth,
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limitCode: 'QUERY_TOO_DEEP' } }),
        ),
    ],
  });
}

/** A list field costs its children once per item it may return: `first`/`last`, or the default page size. */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!getNamedType(field.type).name.endsWith('Connection')) return undefined;
  const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  // Larger pages are refused by the resolver with BAD_USER_INPUT; cost them at the most they could return.
  return 1 + Math.min(Math.max(asked, 0), MAX_PAGE_SIZE) * childComplexity;
};

/** The cost of an operation with its variables (HTTP through the plugin below; WebSocket subscriptions directly). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Whether a document's cost can change with its variables: a variable as a page size (`first`, `last`) or in `@include`/`@skip`. */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) depends = true;
    },
    Directive(node) {
      if (node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) depends = true;
    },
  });
  return depends;
}

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so a document's cost is computed once unless its variables
  // can change it (the hot mutations, a check-in or a check-out, have none that do).
  const known = new WeakMap<DocumentNode, Map<string, number> | 'BY_VARIABLES'>();
  const costOf = (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) => {
    let entry = known.get(document);
    if (!entry) known.set(document, (entry = costDependsOnVariables(document) ? 'BY_VARIABLES' : new Map()));
    if (entry === 'BY_VARIABLES') return operationCost(schema, document, operationName, variables);
    const key = operationName ?? '';
    let cost = entry.get(key);
    if (cost === undefined) entry.set(key, (cost = operationCost(schema, document, operationName, variables)));
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = costOf(document, request.operationName, request.variables);
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
