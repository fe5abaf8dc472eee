import { flattenReference } from './nag';

/** A statement of a resolved policy document, as far as the checks read it. */
export interface StatementJson {
  readonly Effect?: string;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Principal?: any;
  readonly Condition?: unknown;
}

/** A policy element that may be one value or a list, as a list. */
export function asList(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements of a resolved policy document. */
export function statementsOf(document: unknown): StatementJson[] {
  return (document as { Statement?: StatementJson[] } | undefined)?.Statement ?? [];
}

/** The statements of a resolved trust policy that allow assuming the role. */
export function trustStatements(document: unknown): StatementJson[] {
  return statementsOf(document).filter((s) => s.Effect === 'Allow'
    && asList(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*'));
}

/** The service principals a statement names, as text. */
export function servicePrincipals(statement: StatementJson): string[] {
  return asList(statement.Principal?.Service).map(flattenReference);
}

/** The service principals that a resolved trust policy lets assume the role. */
export function trustedServices(document: unknown): string[] {
  return trustStatements(document).flatMap(servicePrincipals);
}
