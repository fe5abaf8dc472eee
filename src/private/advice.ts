import { Arn, ArnFormat, IResource, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { warn } from './acknowledgements';

/**
 * Advice on input that may still be right: warnings (with ids, so that they can be acknowledged)
 * rather than errors.
 */

/** A Region code that aws-cdk-lib's region-info knows in no partition: a typo, or a Region newer than this CDK. */
export function adviseRegions(scope: IConstruct, prop: string, regions: string[] | undefined): void {
  for (const region of regions ?? []) {
    if (!isUnknownRegion(region)) continue;
    warn(scope, UNKNOWN_REGION, `\`${prop}\` lists '${region}', ${UNKNOWN_REGION_ADVICE}`);
  }
}

/**
 * A database user in a Region code no partition knows, on the role that lists the user (`user`: how
 * the message names it). The same advice, and id, as `adviseRegions`.
 */
export function adviseUserRegion(scope: IConstruct, prop: string, user: string, region: string | undefined): void {
  if (region === undefined || !isUnknownRegion(region)) return;
  warn(scope, UNKNOWN_REGION, `\`${prop}\` lists '${user}', a user in '${region}', ${UNKNOWN_REGION_ADVICE}`);
}

const UNKNOWN_REGION = 'cdk-redshift-iam:unknownRegion';
const UNKNOWN_REGION_ADVICE = 'a Region no AWS partition known to this aws-cdk-lib has: '
  + 'check the code (a newer Region needs a newer aws-cdk-lib to be recognized)';

/** A literal Region code that aws-cdk-lib's region-info knows in no partition. */
function isUnknownRegion(region: string): boolean {
  return !Token.isUnresolved(region) && !RegionInfo.regions.some((r) => r.name === region);
}

/**
 * A database user name with upper-case letters: Redshift stores unquoted names in lower case,
 * and the user ARN it sends as `sts:ExternalId` holds the name as stored.
 */
export function adviseUserName(scope: IConstruct, prop: string, userName: string): void {
  if (Token.isUnresolved(userName) || userName === userName.toLowerCase()) return;
  warn(scope, 'cdk-redshift-iam:mixedCaseUser',
    `\`${prop}\` names the database user '${userName}' with upper-case letters: Redshift stores user names in lower case `
    + `unless they were created quoted with enable_case_sensitive_identifier, so the ExternalId it sends is likely for '${userName.toLowerCase()}'`);
}

/**
 * A grant on a resource of another account: the role's own policy is not enough, the resource's
 * owner must allow the role too (a bucket, key or function policy), or the role reaches it through
 * a role chain into that account.
 */
export function adviseCrossAccount(role: IResource, resource: IResource, method: string, arn?: string): void {
  const roleAccount = role.stack.account;
  // Some imports (a table from its ARN) keep the account in the ARN only.
  const fromArn = arn === undefined || Token.isUnresolved(arn) ? undefined : Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).account;
  const resourceAccount = [resource.env.account, fromArn].find((a) => a && !Token.isUnresolved(a) && a !== roleAccount);
  if (Token.isUnresolved(roleAccount) || resourceAccount === undefined) return;
  warn(role, 'cdk-redshift-iam:crossAccountGrant',
    `\`${method}\`: '${resource.node.path}' belongs to account ${resourceAccount}, the role to account ${roleAccount}: the grant works only if `
    + `the resource's own policy in ${resourceAccount} also allows this role, or through a role chain into that account (ChainedRole)`);
}
