/**
 * The benchmark's workloads: one per path of the library, each built twice, with the library and
 * with its plain aws-cdk-lib twin (what a careful user writes by hand for the same template), so
 * that the ratio of the two measures the library's own cost on that path and nothing else.
 *
 * - grants: N RedshiftServiceRoles, each restricted to one database user, with allowCopyFrom and
 *   allowUnloadTo on its own imported bucket; plain: iam.Role with the same trust (sts:AssumeRole
 *   for redshift.amazonaws.com, StringEquals sts:ExternalId) and the same three S3 statements.
 * - grantsWithoutFlags: the same, in an app without the feature flags of a new project.
 * - chains: N pairs of a RedshiftServiceRole and a ChainedRole it assumes (with a COPY grant);
 *   plain: two iam.Roles, the second named, trusting the first's ARN, and sts:AssumeRole on it.
 * - associations: N iam.Roles (the same on both sides), each attached to its own cluster by a
 *   ClusterRoleAssociation; plain: one hand-written Lambda per stack and, per association, a
 *   CustomResource with an access role holding the same statements (no AwsCustomResource).
 * - checks: a large library app (N units of the three paths above, and a CfnCluster for every 5
 *   units), synthesized with the RedshiftIamChecks Aspect and without it.
 *
 * Every app but grantsWithoutFlags has the feature flags of a new project (NEW_PROJECT_FLAGS).
 *
 * The library is loaded from BENCH_LIB (a directory with the compiled library, or `src` to run the
 * TypeScript sources through ts-node), by default lib/ as `npx projen compile` writes it.
 */
import { createHash } from 'crypto';
import { join, resolve } from 'path';
import {
  App,
  ArnFormat,
  Aspects,
  Aws,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  aws_redshift as redshift,
  aws_s3 as s3,
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
} from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import type * as Library from '../src';

/** Where the library is loaded from (see the file comment). */
export const LIBRARY_DIR = resolve(join(__dirname, '..'), process.env.BENCH_LIB ?? 'lib');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib: typeof Library = require(LIBRARY_DIR);
/** The association handler's bundle, which the plain twin deploys too (the same asset on both sides). */
const HANDLER_ASSET = join(LIBRARY_DIR, '..', 'assets', 'association-handler', 'association.lambda');

const ENV = { account: '123456789012', region: 'us-west-2' };
/**
 * What `cdk synth` passes to an app by default (path and asset metadata; version reporting left
 * out: it reads jsii type information, which a tsc build of the library lacks).
 */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
};
/**
 * The feature flags of a new project: `cdk init` writes aws-cdk-lib's recommended flags into
 * cdk.json (among them `@aws-cdk/aws-iam:minimizePolicies`, with which the policies of both sides
 * are minimized, and `@aws-cdk/core:enablePartitionLiterals`).
 */
export const NEW_PROJECT_FLAGS: Record<string, unknown> = cxapi.CURRENTLY_RECOMMENDED_FLAGS;
/**
 * An app without feature flags, as projects made before aws-cdk-lib 2.18 are unless they turned
 * them on: policies are written as given (not minimized); partition literals stay on, as in every
 * other path, so that ARNs are literal text on both sides.
 */
const NO_FLAGS = { '@aws-cdk/core:enablePartitionLiterals': true };

export type Variant = 'library' | 'plain';
export type PathName = 'grants' | 'grantsWithoutFlags' | 'chains' | 'associations' | 'checks';

export interface Path {
  readonly name: PathName;
  /** What the two variants are, for the report. */
  readonly title: string;
  readonly variants: { readonly library: string; readonly plain: string };
  /** Units per stack, so that every stack stays under CloudFormation's 500 resources. */
  readonly unitsPerStack: number;
  /** Adds unit `i` to `stack`. */
  readonly unit: (variant: Variant, stack: Stack, i: number) => void;
  /** Changes to the whole app, after its units. */
  readonly finish?: (variant: Variant, app: App) => void;
  /** The app's feature flags. @default NEW_PROJECT_FLAGS */
  readonly flags?: Record<string, unknown>;
}

export const PATHS: Record<PathName, Path> = {
  grants: {
    name: 'grants',
    title: 'Roles and grants only',
    variants: {
      library: 'RedshiftServiceRole({ databaseUsers }) + allowCopyFrom + allowUnloadTo',
      plain: 'iam.Role with a hand-written trust (ExternalId condition) + 3 hand-written S3 statements',
    },
    unitsPerStack: 100,
    unit: (variant, stack, i) => (variant === 'library' ? libraryGrants : plainGrants)(stack, i),
  },
  grantsWithoutFlags: {
    name: 'grantsWithoutFlags',
    title: 'Roles and grants only, in an app without feature flags',
    variants: {
      library: 'as `grants`',
      plain: 'as `grants` (without `@aws-cdk/aws-iam:minimizePolicies`, neither side minimizes its policies)',
    },
    unitsPerStack: 100,
    unit: (variant, stack, i) => (variant === 'library' ? libraryGrants : plainGrants)(stack, i),
    flags: NO_FLAGS,
  },
  chains: {
    name: 'chains',
    title: 'Chains',
    variants: {
      library: 'RedshiftServiceRole + ChainedRole({ assumedBy }) + allowCopyFrom',
      plain: 'iam.Role + named iam.Role trusting its ARN + sts:AssumeRole + 2 S3 statements',
    },
    unitsPerStack: 100,
    unit: (variant, stack, i) => (variant === 'library' ? libraryChain : plainChain)(stack, i),
  },
  associations: {
    name: 'associations',
    title: 'Associations',
    variants: {
      library: 'ClusterRoleAssociation per role',
      plain: 'one Lambda per stack + a CustomResource and an access role per association',
    },
    unitsPerStack: 100,
    unit: (variant, stack, i) => (variant === 'library' ? libraryAssociation : plainAssociation)(stack, i),
  },
  checks: {
    name: 'checks',
    title: 'RedshiftIamChecks over a large app',
    variants: {
      library: 'the library app with Aspects.of(app).add(new RedshiftIamChecks())',
      plain: 'the same library app without the Aspect',
    },
    unitsPerStack: 50,
    unit: (_variant, stack, i) => largeAppUnit(stack, i),
    finish: (variant, app) => {
      if (variant === 'library') Aspects.of(app).add(new lib.RedshiftIamChecks());
    },
  },
};

export function buildApp(path: Path, variant: Variant, units: number, outdir: string): App {
  const app = new App({ outdir, context: { ...(path.flags ?? NEW_PROJECT_FLAGS), ...CLI_CONTEXT } });
  let stack: Stack | undefined;
  for (let i = 0; i < units; i++) {
    if (i % path.unitsPerStack === 0) stack = new Stack(app, `Bench${Math.floor(i / path.unitsPerStack)}`, { env: ENV });
    path.unit(variant, stack!, i);
  }
  path.finish?.(variant, app);
  return app;
}

// ---- grants ---------------------------------------------------------------------------------------

function libraryGrants(stack: Stack, i: number): void {
  const data = s3.Bucket.fromBucketName(stack, `Data${i}`, `company-data-${i}`);
  const role = new lib.RedshiftServiceRole(stack, `Role${i}`, { databaseUsers: [lib.DatabaseUser.inCluster('analytics', `loader${i}`)] });
  role.allowCopyFrom(data, { keyPrefix: 'in/' });
  role.allowUnloadTo(data, { keyPrefix: 'out/' });
}

function plainGrants(stack: Stack, i: number): void {
  const data = s3.Bucket.fromBucketName(stack, `Data${i}`, `company-data-${i}`);
  const user = stack.formatArn({ service: 'redshift', resource: 'dbuser', resourceName: `analytics/loader${i}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const role = new iam.Role(stack, `Role${i}`, {
    assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com').withConditions({ StringEquals: { 'sts:ExternalId': user } }),
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:ListBucket'], resources: [data.bucketArn], conditions: { StringLike: { 's3:prefix': ['in/*', 'out/*'] } },
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [data.arnForObjects('in/*')] }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [data.arnForObjects('out/*')] }));
}

// ---- chains ---------------------------------------------------------------------------------------

function libraryChain(stack: Stack, i: number): void {
  const partner = s3.Bucket.fromBucketName(stack, `Partner${i}`, `partner-data-${i}`);
  const head = new lib.RedshiftServiceRole(stack, `Head${i}`);
  const chained = new lib.ChainedRole(stack, `Chained${i}`, { assumedBy: head });
  chained.allowCopyFrom(partner, { keyPrefix: 'shared/' });
}

function plainChain(stack: Stack, i: number): void {
  const partner = s3.Bucket.fromBucketName(stack, `Partner${i}`, `partner-data-${i}`);
  const head = new iam.Role(stack, `Head${i}`, { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
  // The name the library generates (the construct path and a hash), so that the templates match.
  const hash = createHash('sha256').update(`${stack.node.id}/Chained${i}`).digest('hex').slice(0, 8).toUpperCase();
  const roleName = `${stack.node.id}-Chained${i}-${hash}`;
  const chained = new iam.Role(stack, `Chained${i}`, { roleName, assumedBy: new iam.ArnPrincipal(head.roleArn) });
  head.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['sts:AssumeRole'],
    resources: [stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: roleName })],
  }));
  chained.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:ListBucket'], resources: [partner.bucketArn], conditions: { StringLike: { 's3:prefix': ['shared/*'] } },
  }));
  chained.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [partner.arnForObjects('shared/*')] }));
}

// ---- associations ---------------------------------------------------------------------------------

/** The role attached in the associations path: the same plain iam.Role on both sides. */
function attachedRole(stack: Stack, i: number): iam.Role {
  return new iam.Role(stack, `Role${i}`, { assumedBy: new iam.ServicePrincipal('redshift.amazonaws.com') });
}

function libraryAssociation(stack: Stack, i: number): void {
  new lib.ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: `cluster-${i}`, roles: [attachedRole(stack, i)] });
}

/** The plain twin's shared handler, one per stack (what the library's RoleAssociationProvider makes). */
const plainHandlers = new WeakMap<Stack, { fn: lambda.Function; role: iam.Role }>();

function plainHandler(stack: Stack): { fn: lambda.Function; role: iam.Role } {
  let handler = plainHandlers.get(stack);
  if (handler) return handler;
  const logGroup = new logs.LogGroup(stack, 'HandlerLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
  const role = new iam.Role(stack, 'HandlerRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'cdk-redshift-iam: the role association handler (it acts through each association\'s access role)',
    inlinePolicies: {
      Logs: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] })],
      }),
    },
  });
  const fn = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(HANDLER_ASSET),
    role,
    logGroup,
    memorySize: 256,
    timeout: Duration.minutes(15),
    description: 'cdk-redshift-iam: attaches IAM roles to existing Redshift clusters and Serverless namespaces',
  });
  fn.configureAsyncInvoke({ retryAttempts: 0 });
  handler = { fn, role };
  plainHandlers.set(stack, handler);
  return handler;
}

function plainAssociation(stack: Stack, i: number): void {
  const role = attachedRole(stack, i);
  const { fn, role: handlerRole } = plainHandler(stack);
  const cluster = `cluster-${i}`;
  const records = `cdk-redshift-iam/cluster/${cluster}`;
  const parameter = (name: string) => stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: name });
  // The access role's inline policy names the custom resource's logical ID: filled in below.
  const policy = new iam.PolicyDocument();
  const accessRole = new iam.Role(stack, `Attach${i}AccessRole`, {
    assumedBy: new iam.ArnPrincipal(handlerRole.roleArn),
    description: `cdk-redshift-iam: what the association ${stack.node.id}/Attach${i} may do, and nothing else`,
    inlinePolicies: { Association: policy },
  });
  const resource = new CustomResource(stack, `Attach${i}`, {
    serviceToken: fn.functionArn,
    resourceType: 'Custom::RedshiftClusterRoleAssociation',
    serviceTimeout: Duration.seconds(1500),
    properties: { Target: 'cluster', Name: cluster, RoleArns: [role.roleArn], AccessRoleArn: accessRole.roleArn, WaitTimeoutSeconds: '1200' },
  });
  resource.node.addDependency(accessRole);
  const logicalId = stack.getLogicalId(resource.node.defaultChild as any);
  policy.addStatements(
    new iam.PolicyStatement({
      actions: ['redshift:DescribeClusters', 'redshift:ModifyClusterIamRoles'],
      resources: [stack.formatArn({ service: 'redshift', resource: 'cluster', resourceName: cluster, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
    }),
    new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn], conditions: { StringEquals: { 'iam:PassedToService': 'redshift.amazonaws.com' } } }),
    new iam.PolicyStatement({ actions: ['ssm:GetParametersByPath'], resources: [parameter(records)] }),
    new iam.PolicyStatement({ actions: ['ssm:PutParameter'], resources: [parameter(`${records}/${Aws.STACK_NAME}/${logicalId}`)] }),
    new iam.PolicyStatement({ actions: ['ssm:DeleteParameter'], resources: [parameter(`${records}/*`)] }),
    new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
  );
}

// ---- checks ---------------------------------------------------------------------------------------

/** One unit of the large app: the three paths above, with a CfnCluster for every 5 units. */
function largeAppUnit(stack: Stack, i: number): void {
  libraryGrants(stack, i);
  libraryChain(stack, i);
  const clusterIndex = Math.floor(i / 5);
  const id = `Cluster${clusterIndex}`;
  const cluster = (stack.node.tryFindChild(id) as redshift.CfnCluster | undefined) ?? new redshift.CfnCluster(stack, id, {
    clusterType: 'multi-node',
    numberOfNodes: 2,
    nodeType: 'ra3.xlplus',
    dbName: 'dev',
    masterUsername: 'admin',
    manageMasterPassword: true,
  });
  const role = stack.node.findChild(`Role${i}`) as iam.IRole;
  new lib.ClusterRoleAssociation(stack, `Attach${i}`, { clusterIdentifier: cluster.ref, roles: [role] });
}
