import { aws_iam as iam, Duration } from 'aws-cdk-lib';
import { durationSeconds, oneOrMany, scopeOf } from '../private/conditions';
import { ArnLocation, redshiftArn } from '../private/redshift-arns';
import { checkName, DATABASE_NAME, DATABASE_NAME_RULE, GROUP_NAME, GROUP_NAME_RULE, requireOptions, validateClusterIdentifier, validateDbUserName, validateList } from '../private/validation';

/**
 * What `getClusterCredentials` reads of `GetClusterCredentialsOptions` (the public interface, in
 * permissions.ts).
 */
export interface ClusterCredentialsInput extends ArnLocation {
  readonly clusterIdentifier: string;
  readonly dbUsers?: string[];
  readonly allDbUsers?: boolean;
  readonly dbNames?: string[];
  readonly maxDuration?: Duration;
  readonly autoCreate?: boolean;
  readonly dbGroups?: string[];
}

/**
 * What `getClusterCredentialsWithIam` reads of `GetClusterCredentialsWithIamOptions` (the public
 * interface, in permissions.ts).
 */
export interface ClusterCredentialsWithIamInput extends ArnLocation {
  readonly clusterIdentifier: string;
  readonly dbNames?: string[];
  readonly maxDuration?: Duration;
}

/**
 * `redshift:GetClusterCredentials` on the `dbuser` and `dbname` resources of one cluster, limited
 * with the `redshift:DbUser`, `redshift:DbName` and `redshift:DurationSeconds` condition keys, as
 * "Using IAM authentication to generate database user credentials" (Amazon Redshift Management
 * Guide) writes it; `redshift:CreateClusterUser` for the same users (autoCreate) and
 * `redshift:JoinGroup` on the `dbgroup` resources (dbGroups) when asked.
 */
export function getClusterCredentials(grantee: iam.IGrantable, options: ClusterCredentialsInput): iam.Grant {
  requireOptions('RedshiftPermissions.getClusterCredentials', options, ['clusterIdentifier']);
  validateClusterIdentifier('clusterIdentifier', options.clusterIdentifier);
  const users = options.dbUsers ?? [];
  if (options.dbUsers !== undefined) validateList('dbUsers', users, { what: 'user', instead: 'set `allDbUsers: true` instead for any user', each: validateDbUserName });
  validateDbNames(options.dbNames);
  if (options.dbGroups !== undefined) {
    validateList('dbGroups', options.dbGroups, { what: 'group', omit: 'to join none', each: (p, g) => checkName(p, g, GROUP_NAME, GROUP_NAME_RULE) });
  }
  if (options.dbUsers !== undefined && options.allDbUsers) throw new Error('`dbUsers` and `allDbUsers: true` exclude each other: name the users, or allow every user');
  if (options.dbUsers === undefined && !options.allDbUsers) {
    throw new Error('`dbUsers` must name the database users the grantee may get credentials for; set `allDbUsers: true` to allow every user of the cluster, the admin user included');
  }

  // The cluster, users, databases and groups are checked above: the ARNs are built from them as is.
  const scope = scopeOf(grantee);
  const cluster = options.clusterIdentifier;
  const userArns = (users.length > 0 ? users : ['*']).map((u) => redshiftArn(scope, 'dbuser', `${cluster}/${u}`, options));
  const dbNameArns = (options.dbNames ?? ['*']).map((d) => redshiftArn(scope, 'dbname', `${cluster}/${d}`, options));

  const conditions: Record<string, Record<string, unknown>> = {};
  const equals: Record<string, unknown> = {};
  if (users.length > 0) equals['redshift:DbUser'] = oneOrMany(users);
  if (options.dbNames) equals['redshift:DbName'] = oneOrMany(options.dbNames);
  if (Object.keys(equals).length > 0) conditions.StringEquals = equals;
  if (options.maxDuration) conditions.NumericLessThanEquals = { 'redshift:DurationSeconds': durationSeconds(options.maxDuration) };

  let grant = iam.Grant.addToPrincipal({
    grantee,
    actions: ['redshift:GetClusterCredentials'],
    resourceArns: [...userArns, ...dbNameArns],
    conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
  });
  if (options.autoCreate) {
    grant = grant.combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:CreateClusterUser'],
      resourceArns: userArns,
      conditions: users.length > 0 ? { StringEquals: { 'redshift:DbUser': oneOrMany(users) } } : undefined,
    }));
  }
  if (options.dbGroups && options.dbGroups.length > 0) {
    grant = grant.combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift:JoinGroup'],
      resourceArns: options.dbGroups.map((g) => redshiftArn(scope, 'dbgroup', `${cluster}/${g}`, options)),
    }));
  }
  return grant;
}

/**
 * `redshift:GetClusterCredentialsWithIAM` on the `dbname` resources of one cluster: credentials for
 * the caller's own IAM identity, limited with `redshift:DbName` and `redshift:DurationSeconds`.
 */
export function getClusterCredentialsWithIam(grantee: iam.IGrantable, options: ClusterCredentialsWithIamInput): iam.Grant {
  requireOptions('RedshiftPermissions.getClusterCredentialsWithIam', options, ['clusterIdentifier']);
  validateClusterIdentifier('clusterIdentifier', options.clusterIdentifier);
  validateDbNames(options.dbNames);
  const scope = scopeOf(grantee);
  const conditions: Record<string, Record<string, unknown>> = {};
  if (options.dbNames) conditions.StringEquals = { 'redshift:DbName': oneOrMany(options.dbNames) };
  if (options.maxDuration) conditions.NumericLessThanEquals = { 'redshift:DurationSeconds': durationSeconds(options.maxDuration) };
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['redshift:GetClusterCredentialsWithIAM'],
    resourceArns: (options.dbNames ?? ['*']).map((d) => redshiftArn(scope, 'dbname', `${options.clusterIdentifier}/${d}`, options)),
    conditions: Object.keys(conditions).length > 0 ? conditions : undefined,
  });
}

/** `dbNames`, when given: databases, each once. */
function validateDbNames(dbNames: string[] | undefined): void {
  if (dbNames === undefined) return;
  validateList('dbNames', dbNames, { what: 'database', omit: 'for any database', each: (p, d) => checkName(p, d, DATABASE_NAME, DATABASE_NAME_RULE) });
}
