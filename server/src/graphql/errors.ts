// Maps thrown errors to GraphQL errors with a stable `extensions.code`, and masks everything unexpected.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { OptimisticLockError } from '@mikro-orm/core';
import { AppError } from '../shared/errors.ts';

/** Codes that GraphQL itself, Apollo or our limits produce and that are safe to show. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
]);

export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.details.reason ? { reason: error.details.reason } : {}),
      ...(error.details.state ? { state: error.details.state } : {}),
      ...(error.details.facts ? { facts: error.details.facts } : {}),
      ...(error.details.fieldErrors
        ? { field: error.details.fieldErrors[0]?.field, fieldErrors: error.details.fieldErrors }
        : {}),
    },
  });
}

export function makeFormatError(log: Logger, opts: { exposeStack: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof OptimisticLockError) {
      return { message: 'The record was changed by someone else; reload and try again', path: formatted.path, extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } };
    }
    if (original instanceof AppError) {
      const mapped = toGraphQLError(original);
      return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
    }
    // Our depth and cost limits report through GraphQL validation; keep their own codes.
    const limitCode = formatted.extensions?.limitCode;
    if (typeof limitCode === 'string') {
      return { message: formatted.message, extensions: { code: limitCode } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: opts.exposeStack ? formatted.extensions : extensions };
    }
    log.error({ err: original }, 'unexpected error in GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
