// Relay-style cursor connections: one generic shape every list in the API uses.
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Cursor, type EntityName, type FilterQuery, type FindByCursorOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FieldErrors } from '../shared/errors.ts';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;
  @Field(() => String, { nullable: true })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: `Items before \`before\` (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;
  @Field(() => String, { nullable: true })
  before?: string | null;
}

export interface PageRequest {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** Checks connection arguments: page sizes within bounds and cursors that decode. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const errors = new FieldErrors('');
  for (const key of ['first', 'last'] as const) {
    const n = args[key];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) errors.add(key, 'PAGE_SIZE', `${key} must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  for (const key of ['after', 'before'] as const) {
    const c = args[key];
    if (c != null) {
      try {
        if (!Array.isArray(Cursor.decode(c))) throw new Error('not a cursor');
      } catch {
        errors.add(key, 'CURSOR', `${key} is not a cursor of this list`);
      }
    }
  }
  if (args.first != null && args.last != null) errors.add('last', 'PAGE_DIRECTION', 'Give first or last, not both');
  errors.throwIfAny();
  const req: PageRequest = {};
  if (args.last != null || args.before != null) {
    req.last = args.last ?? DEFAULT_PAGE_SIZE;
    if (args.before) req.before = args.before;
  } else {
    req.first = args.first ?? DEFAULT_PAGE_SIZE;
  }
  if (args.after) req.after = args.after;
  return req;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  cursorOf(item: T): string;
}

/** Builds a connection class `XConnection` with `XEdge` for a node type. */
export function Connection<TNode extends object>(name: string, nodeType: ClassType<TNode>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: TNode;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [nodeType]) nodes!: TNode[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}

/** Turns a page of domain rows into a connection of GraphQL nodes. */
export function toConnection<T, N>(page: Page<T>, map: (item: T) => N) {
  const edges = page.items.map((item) => ({ cursor: page.cursorOf(item), node: map(item) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
  };
}

/**
 * One page of entities by cursor, plus the total: two statements, run one after the other.
 * (MikroORM 7.2's findAndCount runs both at once and, when both fail, leaks a pooled connection.)
 */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: FindByCursorOptions<T>['orderBy'],
  page: PageRequest,
): Promise<Page<T>> {
  const cursor = await em.findByCursor(entity, { where, orderBy, includeCount: false, ...page } as never);
  const totalCount = await em.count(entity, where as never);
  return {
    items: cursor.items as T[],
    totalCount,
    hasNextPage: cursor.hasNextPage,
    hasPreviousPage: cursor.hasPrevPage,
    startCursor: cursor.startCursor,
    endCursor: cursor.endCursor,
    cursorOf: (item) => cursor.from(item as never),
  };
}
