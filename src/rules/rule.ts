/**
 * What a rule is, as cdk-nag lays its rules out: one check a file, a pure function over what it
 * checks, with a stable id and a level bound to it. RedshiftIamChecks reports the findings as
 * annotations; the constructs that enforce the same limit at construction call the same function.
 */

/**
 * How serious a finding is: an `error` fails `cdk synth`, a `warning` fails `cdk synth --strict`,
 * an `info` is advice.
 */
export type RuleLevel = 'error' | 'warning' | 'info';

/** A rule: its stable id, its level and what a finding means. */
export interface Rule {
  /** Stable: it is in every finding's text, and it is what acknowledges the finding. */
  readonly id: string;
  readonly level: RuleLevel;
  /** What a finding means, in one line (the README's table). */
  readonly summary: string;
}

/** One failure of a rule. */
export interface Finding {
  readonly rule: Rule;
  /** The message, naming what failed and how to fix it (without the id). */
  readonly message: string;
}

/** Where a role is attached: a provisioned cluster, or a Redshift Serverless namespace. */
export type RedshiftTarget = 'cluster' | 'namespace';

/** The stable ids share this prefix, the same as the package name. */
export const RULE_ID_PREFIX = 'cdk-redshift-iam:';
