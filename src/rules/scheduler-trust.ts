import { Finding, Rule } from './rule';

/** The Amazon Redshift scheduler's service principal (`.cn` in the China Regions). */
const SCHEDULER = /^scheduler\.redshift\.amazonaws\.com(\.cn)?$/;

export const SCHEDULER_TRUST: Rule = {
  id: 'cdk-redshift-iam:scheduler-trust',
  level: 'error',
  summary: 'a scheduled action (`CfnScheduledAction`) whose role, defined in the app, does not let the Redshift scheduler '
    + '(`scheduler.redshift.amazonaws.com`) assume it',
};

/** What the check reads. */
export interface SchedulerTrustInput {
  /** How the message names the role, quoted. */
  readonly role: string;
  /** The service principals the role's trust lets call `sts:AssumeRole`. */
  readonly principals: string[];
}

/** Whether a trust that names these service principals lets the Redshift scheduler assume the role. */
export function trustNamesScheduler(principals: string[]): boolean {
  return principals.some((p) => SCHEDULER.test(p));
}

/** A finding when the role's trust does not name the Redshift scheduler. */
export function checkSchedulerTrust(input: SchedulerTrustInput): Finding[] {
  if (trustNamesScheduler(input.principals)) return [];
  return [{
    rule: SCHEDULER_TRUST,
    message: `Role ${input.role} is the IAM role of this scheduled action, but its trust policy does not let scheduler.redshift.amazonaws.com assume it: `
      + 'the scheduled action would fail. Use RedshiftSchedulerRole, or trust scheduler.redshift.amazonaws.com and redshift.amazonaws.com with sts:AssumeRole',
  }];
}
