import { Finding, Rule } from './rule';
import { asList, servicePrincipals, StatementJson } from '../private/policy-json';
import { redshiftPrincipals } from '../private/redshift-principals';

/** What Redshift audit logging does to the bucket ("Bucket permissions for Amazon Redshift audit logging"). */
const NEEDED = ['s3:PutObject', 's3:GetBucketAcl'];

export const AUDIT_LOG_BUCKET_POLICY: Rule = {
  id: 'cdk-redshift-iam:audit-log-bucket-policy',
  level: 'warning',
  summary: 'a cluster that logs to an S3 bucket (`LoggingProperties`) with no bucket policy in the app that lets Redshift '
    + 'put the logs and read the bucket ACL (`s3:PutObject`, `s3:GetBucketAcl`)',
};

/** What the check reads. */
export interface AuditLogBucketPolicyInput {
  /** How the message names the bucket, quoted. */
  readonly bucket: string;
  /** The resolved statements of the bucket policies of this app that are attached to the bucket. */
  readonly statements: StatementJson[];
}

/** The actions among `NEEDED` that Allow statements grant to a Redshift service principal. */
function grantedToRedshift(statements: StatementJson[]): string[] {
  const granted = new Set<string>();
  for (const s of statements) {
    if (s.Effect !== 'Allow' || redshiftPrincipals(servicePrincipals(s), 'cluster').length === 0) continue;
    for (const action of asList(s.Action)) {
      for (const needed of NEEDED) {
        if (action === needed || action === 's3:*' || action === '*') granted.add(needed);
      }
    }
  }
  return NEEDED.filter((a) => granted.has(a));
}

/**
 * A finding when no bucket policy of the app lets Redshift both put objects in the bucket and read
 * its ACL. (The policy may live outside the app: the finding is a warning, to acknowledge then.)
 */
export function checkAuditLogBucketPolicy(input: AuditLogBucketPolicyInput): Finding[] {
  const granted = grantedToRedshift(input.statements);
  const missing = NEEDED.filter((a) => !granted.includes(a));
  if (missing.length === 0) return [];
  return [{
    rule: AUDIT_LOG_BUCKET_POLICY,
    message: `This cluster writes its audit logs to bucket ${input.bucket}, but no bucket policy in this app lets Redshift ${missing.join(' and ')} there: `
      + 'enabling logging would fail with InsufficientS3BucketPolicyFault. Add one with RedshiftPermissions.allowAuditLogging(bucket), '
      + 'or acknowledge this warning if the bucket policy is managed elsewhere',
  }];
}
