import { ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isUnresolved, UUID_PATTERN, validateAccount, validateClusterIdentifier, validateRegion } from './validation';

/** Where a Redshift resource lives (RedshiftArnOptions, without importing the public module). */
export interface ArnLocation {
  readonly region?: string;
  readonly account?: string;
}

/** Redshift identifiers of the letters-digits-hyphens family, or `*`. */
export const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9-]{0,254}$|^\*$/;
export const IDENTIFIER_RULE = 'a Redshift identifier: letters, digits and hyphens, starting with a letter';
/** Parameter group names: the default groups hold dots (default.redshift-1.0). */
export const PARAMETER_GROUP = /^[a-zA-Z][a-zA-Z0-9.-]{0,254}$|^\*$/;
export const PARAMETER_GROUP_RULE = 'a parameter group name: letters, digits, hyphens and dots, starting with a letter';
/** Snapshot identifiers: manual ones, and automated ones, which Redshift names rs:CLUSTER-DATE. */
export const SNAPSHOT = /^(rs:)?[a-zA-Z][a-zA-Z0-9-]{0,254}$|^\*$/;
export const SNAPSHOT_RULE = 'a snapshot identifier: letters, digits and hyphens, starting with a letter (automated snapshots: rs:...)';
/** Database names as `redshift:DbName` and dbname ARNs take them. */
export const DATABASE_NAME = /^[a-z_][a-z0-9_$-]{0,126}$|^\*$/i;
export const DATABASE_NAME_RULE = 'a database name of up to 127 letters, digits, _ or $, not starting with a digit';
/** Database group names as dbgroup ARNs take them. */
export const GROUP_NAME = /^[a-z_][a-z0-9_$.+@-]{0,126}$|^\*$/i;
export const GROUP_NAME_RULE = 'a database group name of up to 127 characters, not starting with a digit';
/** The IDs Redshift Serverless assigns, or `*`. */
export const UUID = new RegExp(`^${UUID_PATTERN}$|^\\*$`);
export const UUID_RULE = 'the UUID Redshift Serverless assigns (not the name)';

/** A cluster identifier, or `*` for every cluster. */
export function clusterOrWildcard(prop: string, value: string): void {
  if (value === '*') return;
  validateClusterIdentifier(prop, value);
}

/** Checks a resource name against its rule (`*` allowed where the rule allows it); Tokens pass. */
export function checkName(prop: string, value: string, rule: RegExp, what: string): void {
  if (isUnresolved(value)) return;
  if (!rule.test(value)) {
    throw new Error(`\`${prop}\` must be ${what}, or '*' for all, got: '${value}'`);
  }
}

/** `arn:PARTITION:redshift:REGION:ACCOUNT:RESOURCE:NAME` */
export function redshiftArn(scope: Construct, resource: string, resourceName: string, options: ArnLocation): string {
  return formatIn(scope, 'redshift', resource, resourceName, ArnFormat.COLON_RESOURCE_NAME, options);
}

/** `arn:PARTITION:redshift-serverless:REGION:ACCOUNT:RESOURCE/ID` */
export function serverlessArn(scope: Construct, resource: string, resourceName: string, options: ArnLocation): string {
  return formatIn(scope, 'redshift-serverless', resource, resourceName, ArnFormat.SLASH_RESOURCE_NAME, options);
}

function formatIn(scope: Construct, service: string, resource: string, resourceName: string, arnFormat: ArnFormat, options: ArnLocation): string {
  if (options.region !== undefined) validateRegion('region', options.region);
  if (options.account !== undefined) validateAccount('account', options.account);
  return Stack.of(scope).formatArn({
    service,
    region: options.region,
    account: options.account,
    resource,
    resourceName,
    arnFormat,
  });
}
