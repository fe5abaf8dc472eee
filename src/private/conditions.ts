import { aws_iam as iam, Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The construct behind a grantee, to know its stack. */
export function scopeOf(grantee: iam.IGrantable): Construct {
  const principal = grantee.grantPrincipal as unknown;
  if (principal instanceof Construct) return principal;
  if (grantee instanceof Construct) return grantee;
  throw new Error('RedshiftPermissions needs a grantee that is a construct (a role, user or group of this app), to know its stack');
}

/** A condition value as IAM examples write it: a string for one value, a list for more. */
export function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

/** `redshift:DurationSeconds`: 15 to 60 minutes, in seconds. */
export function durationSeconds(duration: Duration): number {
  const seconds = duration.toSeconds();
  if (seconds < 900 || seconds > 3600) {
    throw new Error(`\`maxDuration\` must be 15 to 60 minutes (GetClusterCredentials DurationSeconds 900-3600), got ${seconds} seconds`);
  }
  return seconds;
}

/** A tag key of a condition (`aws:ResourceTag/KEY`, `aws:TagKeys`); Tokens pass. */
export function tagKey(prop: string, key: string): string {
  if (!Token.isUnresolved(key) && !/^[\w.:/=+@ -]{1,128}$/.test(key)) {
    throw new Error(`\`${prop}\` keys must be tag keys of 1 to 128 letters, digits, spaces and _.:/=+-@, got: '${key}'`);
  }
  return key;
}
