import { aws_iam as iam, ArnFormat, Resource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { parseArn } from './arns';
import { TRUST_POLICY_QUOTA } from './limits';
import { formatNumber, policySize } from './policy-size';
import { principalRegion, redshiftPrincipals } from './redshift-principals';
import { isUnresolved, validateList, validateRegion } from './validation';

/**
 * The principal a Redshift role is created with. It writes the role's trust as exactly one
 * `sts:AssumeRole` statement naming every trusted principal, and keeps that statement so the
 * `sts:ExternalId` condition can grow after construction (`addDatabaseUser`, `addExternalId`)
 * until the template is rendered.
 */
export class TrustPrincipal extends iam.PrincipalBase {
  public readonly trusted: iam.IPrincipal[];
  private statement?: iam.PolicyStatement;
  private document?: iam.PolicyDocument;
  /** Services trusted in statements of their own, without the `sts:ExternalId` condition. */
  private readonly alone = new Set<string>();

  constructor(trusted: iam.IPrincipal[]) {
    super();
    if (trusted.length === 0) {
      throw new Error('TrustPrincipal needs at least one trusted principal');
    }
    this.trusted = trusted;
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.CompositePrincipal(...this.trusted).policyFragment;
  }

  public addToAssumeRolePolicy(document: iam.PolicyDocument): void {
    this.statement = new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: this.trusted,
    });
    document.addStatements(this.statement);
    this.document = document;
  }

  /**
   * Lets `service` assume the role through a statement of its own, which the database-user
   * condition of the main statement never restricts (Redshift sends the user as `sts:ExternalId`;
   * other services, such as SageMaker for Redshift ML, send none). Adding a service twice adds it once.
   */
  public trustServiceAlone(service: string): void {
    if (!this.document) {
      throw new Error('TrustPrincipal: the trust statement is written when the role is created');
    }
    if (this.alone.has(service)) return;
    this.alone.add(service);
    this.document.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [new iam.ServicePrincipal(service)],
    }));
  }

  /** Sets the `StringEquals` `sts:ExternalId` condition to exactly these values. */
  public setExternalIds(values: string[]): void {
    if (!this.statement) {
      throw new Error('TrustPrincipal: the trust statement is written when the role is created');
    }
    if (values.length === 0) return;
    this.statement.addCondition('StringEquals', {
      'sts:ExternalId': values.length === 1 ? values[0] : [...values],
    });
  }

  /**
   * An upper bound of the trust policy's size, when the policy holds only what this principal wrote
   * and every value in it is literal: the main statement with its service principals and
   * `sts:ExternalId` values, and one statement per service trusted alone. `undefined` otherwise
   * (other principals, Tokens, or statements added by someone else): then the policy is resolved.
   * It spares resolving the trust of every role at validation, which the size check would do.
   */
  public sizeBound(externalIds: string[]): number | undefined {
    if (!this.document || this.document.statementCount !== 1 + this.alone.size) return undefined;
    const services = this.servicePrincipals();
    const alone = [...this.alone];
    if (services.length !== this.trusted.length || [...services, ...externalIds, ...alone].some(isUnresolved)) return undefined;
    const listed = (values: string[]) => values.reduce((n, v) => n + JSON.stringify(v).length + 1, 0);
    // {"Statement":[{"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":[...]}},
    // "Effect":"Allow","Principal":{"Service":[...]}}],"Version":"2012-10-17"} is under 200
    // characters besides its values, a statement of a service alone under 150 besides its name.
    return 200 + listed(services) + listed(externalIds) + alone.reduce((n, service) => n + 150 + service.length, 0);
  }

  /** The service principals the trust names (literal names only). */
  public servicePrincipals(): string[] {
    return this.trusted
      .filter((p): p is iam.ServicePrincipal => p instanceof iam.ServicePrincipal)
      .map((p) => p.service);
  }

  public dedupeString(): string | undefined {
    return undefined;
  }

  public toString(): string {
    return `TrustPrincipal(${this.trusted.map((p) => p.toString()).join(',')})`;
  }
}

/**
 * The service principals a role that Redshift assumes trusts: the global `redshift.amazonaws.com`
 * (and `redshift-serverless.amazonaws.com` for Serverless), or the Regional principals of `regions`.
 */
export function redshiftServicePrincipals(regions: string[] | undefined, serverless: boolean | undefined): string[] {
  if (regions === undefined) {
    return serverless
      ? ['redshift.amazonaws.com', 'redshift-serverless.amazonaws.com']
      : ['redshift.amazonaws.com'];
  }
  validateList('regions', regions, { what: 'AWS Region', omit: 'to trust Redshift in every Region', each: validateRegion });
  if (serverless) {
    throw new Error('`regions` cannot be combined with `serverless`: Redshift Serverless assumes roles through the global redshift-serverless.amazonaws.com principal, so a Region restriction would not hold. Restrict a Serverless role with `databaseUsers` instead.');
  }
  return regions.map((region) => `redshift.${region}.amazonaws.com`);
}

/**
 * `databaseUsers: []` or `externalIds: []` restricts nothing (every database user could use the
 * role), so an empty list is a mistake, as for every list. Repeats are found, with the role's path,
 * as each value is added to the trust.
 */
export function checkTrustLists(databaseUsers: readonly unknown[] | undefined, externalIds: readonly string[] | undefined): void {
  const noRepeatCheck = () => undefined;
  if (databaseUsers !== undefined) {
    validateList('databaseUsers', databaseUsers, {
      what: 'database user',
      omit: 'to let every database user of every cluster the role is attached to use it',
      key: noRepeatCheck,
    });
  }
  if (externalIds !== undefined) {
    validateList('externalIds', externalIds, {
      what: 'ExternalId',
      omit: 'to accept no other ExternalId (with neither `databaseUsers` nor `externalIds`, every database user may use the role)',
      key: noRepeatCheck,
    });
  }
}

/**
 * Whom the next role of a chain, defined in `scope`, trusts: exactly the previous role's ARN, or
 * (`byAccount`) every principal of its account, `arn:aws:iam::ACCOUNT:root`.
 *
 * A previous role of this app in an environment-agnostic stack has no account known at synth time:
 * its `env.account` is that stack's `AWS::AccountId`, which rendered in another stack would name
 * the account of the chained role instead. When both stacks share the (agnostic) environment, the
 * account is read from the previous role's ARN through a cross-stack reference; otherwise the
 * account cannot be known here, which is an error.
 */
export function previousRolePrincipal(scope: IConstruct, previous: iam.IRole, byAccount: boolean): iam.IPrincipal {
  const here = Stack.of(scope);
  if (Resource.isOwnedResource(previous)) {
    const there = Stack.of(previous);
    if (there !== here && Token.isUnresolved(there.account)) {
      if (there.environment !== here.environment) {
        throw new Error(
          `\`assumedBy\` must be a role whose account is known: the previous role '${previous.node.path}' is in the environment-agnostic stack `
          + `'${there.node.path}', so its account cannot be written into the trust of a role in stack '${here.node.path}' (${here.environment}). `
          + 'Give that stack a concrete `env: { account }`, or import the role with iam.Role.fromRoleArn and its literal ARN.',
        );
      }
      if (byAccount) {
        return new iam.AccountPrincipal(here.splitArn(previous.roleArn, ArnFormat.SLASH_RESOURCE_NAME).account);
      }
    }
  }
  return byAccount ? new iam.AccountPrincipal(previous.env.account) : new iam.ArnPrincipal(previous.roleArn);
}

/**
 * The error of a role whose trust policy outgrows IAM's default quota, or none. `userCount` is the
 * number of database users and external IDs the trust holds (what makes it grow); `sizeBound`, an
 * upper bound of the policy's size when one is known without resolving it (TrustPrincipal.sizeBound).
 */
export function trustPolicySizeErrors(role: iam.Role, userCount: number, sizeBound?: number): string[] {
  const errors: string[] = [];
  if (sizeBound !== undefined && sizeBound <= TRUST_POLICY_QUOTA) return errors;
  const trust = Stack.of(role).resolve(role.assumeRolePolicy);
  const size = policySize(trust);
  if (size.chars > TRUST_POLICY_QUOTA) {
    errors.push(
      `The trust policy of ${role.constructor.name} '${role.node.path}' is ${size.exact ? '' : 'about '}${formatNumber(size.chars)} characters, `
      + `over IAM's default quota of ${formatNumber(TRUST_POLICY_QUOTA)} characters for a role trust policy; `
      + `it holds ${userCount} database users and external IDs (\`databaseUsers\`, \`externalIds\`). `
      + 'Raise the "Role trust policy length" quota in Service Quotas (up to 4,096), or split the users across several roles.',
    );
  }
  return errors;
}

/**
 * A database user in a Region whose Redshift the trust does not name: when every Redshift principal
 * of the trust is Regional (`regions`), Redshift in the user's Region assumes the role through a
 * principal the trust leaves out, so the user could never use the role.
 */
export function checkUserRegion(userArn: string, services: string[], rolePath: string): void {
  if (services.some(isUnresolved)) return;
  const regional = redshiftPrincipals(services, 'cluster');
  const regions = regional.map(principalRegion);
  if (regions.length === 0 || regions.some((r) => r === undefined || isUnresolved(r))) return;
  const userRegion = parseArn(userArn)?.region;
  if (userRegion === undefined || userRegion === '' || regions.includes(userRegion)) return;
  throw new Error(
    `\`databaseUsers\` lists '${userArn}', a user in ${userRegion}, but \`regions\` trusts Redshift only in ${regions.join(', ')} (role '${rolePath}'): `
    + `Redshift in ${userRegion} assumes the role through redshift.${userRegion}.amazonaws.com, so this user could never use it. Add '${userRegion}' to \`regions\`, or remove the user`,
  );
}
