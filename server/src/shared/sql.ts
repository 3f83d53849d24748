// Small helpers for SQL filters.

/** `%term%` for ILIKE, with the pattern characters of the term escaped. */
export const containsPattern = (term: string) => '%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
