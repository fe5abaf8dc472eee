import { runSimulation } from '@cloud-copilot/iam-simulate';
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';

/**
 * Turns synthesized templates into the concrete policies IAM would hold after deployment, and
 * asks @cloud-copilot/iam-simulate what IAM would decide.
 */

export type Decision = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';
export type PolicyDoc = { Version: string; Statement: any[] };

interface Env { readonly account: string; readonly region: string; readonly partition: string }

/** The concrete value of a template fragment: intrinsics replaced by the names they get. */
export function materialize(template: any, value: any, env: Env): any {
  const resources = template.Resources ?? {};
  const nameOf = (logicalId: string): string => {
    const r = resources[logicalId];
    if (!r) throw new Error(`materialize: no resource ${logicalId}`);
    const p = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::S3::Bucket': return p.BucketName ?? logicalId.toLowerCase();
      case 'AWS::IAM::Role': return p.RoleName ?? logicalId;
      case 'AWS::Lambda::Function': return p.FunctionName ?? logicalId;
      case 'AWS::DynamoDB::Table': return p.TableName ?? logicalId;
      case 'AWS::IAM::ManagedPolicy': return `arn:${env.partition}:iam::${env.account}:policy/${p.ManagedPolicyName ?? logicalId}`;
      case 'AWS::StepFunctions::StateMachine': return `arn:${env.partition}:states:${env.region}:${env.account}:stateMachine:${logicalId}`;
      case 'AWS::Kinesis::Stream': return p.Name ?? logicalId;
      // Ref of a secret is its ARN, which ends in six random characters.
      case 'AWS::SecretsManager::Secret': return `arn:${env.partition}:secretsmanager:${env.region}:${env.account}:secret:${p.Name ?? logicalId}-AbCdEf`;
      default: return logicalId;
    }
  };
  const arnOf = (logicalId: string): string => {
    const r = resources[logicalId];
    if (!r) throw new Error(`materialize: no resource ${logicalId}`);
    const { partition, region, account } = env;
    const name = nameOf(logicalId);
    switch (r.Type) {
      case 'AWS::S3::Bucket': return `arn:${partition}:s3:::${name}`;
      case 'AWS::IAM::Role': return `arn:${partition}:iam::${account}:role${r.Properties?.Path ?? '/'}${name}`;
      case 'AWS::Lambda::Function': return `arn:${partition}:lambda:${region}:${account}:function:${name}`;
      case 'AWS::DynamoDB::Table': return `arn:${partition}:dynamodb:${region}:${account}:table/${name}`;
      case 'AWS::KMS::Key': return `arn:${partition}:kms:${region}:${account}:key/${logicalId}`;
      case 'AWS::Logs::LogGroup': return `arn:${partition}:logs:${region}:${account}:log-group:${r.Properties?.LogGroupName ?? logicalId}:*`;
      case 'AWS::StepFunctions::StateMachine': return `arn:${partition}:states:${region}:${account}:stateMachine:${logicalId}`;
      case 'AWS::Kinesis::Stream': return `arn:${partition}:kinesis:${region}:${account}:stream/${name}`;
      default: throw new Error(`materialize: no ARN rule for ${r.Type}`);
    }
  };
  const visit = (node: any): any => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const [k] = keys;
      const v = node[k];
      if (k === 'Ref') {
        if (v === 'AWS::Partition') return env.partition;
        if (v === 'AWS::Region') return env.region;
        if (v === 'AWS::AccountId') return env.account;
        if (v === 'AWS::URLSuffix') return 'amazonaws.com';
        if (v === 'AWS::StackName') return template.StackName ?? 'TestStack';
        if (v === 'AWS::StackId') return `arn:${env.partition}:cloudformation:${env.region}:${env.account}:stack/${template.StackName ?? 'TestStack'}/0f1e2d3c`;
        return nameOf(v);
      }
      if (k === 'Fn::Join') return (v[1] as any[]).map(visit).join(v[0]);
      if (k === 'Fn::Split') return String(visit(v[1])).split(v[0]);
      if (k === 'Fn::Select') return visit(v[1])[Number(v[0])];
      if (k === 'Fn::GetAtt') {
        const [id, attr] = Array.isArray(v) ? v : String(v).split('.');
        if (attr === 'Arn') return arnOf(id);
        throw new Error(`materialize: GetAtt ${id}.${attr}`);
      }
      if (k.startsWith('Fn::')) throw new Error(`materialize: cannot evaluate ${k}`);
    }
    const out: any = {};
    for (const key of keys) out[key] = visit(node[key]);
    return out;
  };
  return visit(value);
}

/** The trust policy, identity policies and ARN of one role in a synthesized stack. */
export interface RoleView {
  readonly arn: string;
  readonly trust: PolicyDoc;
  readonly identity: PolicyDoc[];
}

export function envOf(stack: Stack): Env {
  return { account: stack.account, region: stack.region, partition: 'aws' };
}

/** Reads a role (given by construct) out of its stack's synthesized template (`deployedTo`: where an agnostic stack is deployed). */
export function roleView(role: IConstruct, template?: Template, deployedTo?: Env): RoleView {
  const stack = Stack.of(role);
  const json = (template ?? Template.fromStack(stack)).toJSON();
  const logicalId = stack.getLogicalId((role.node.defaultChild ?? role) as any);
  const env = deployedTo ?? envOf(stack);
  const resource = json.Resources[logicalId];
  if (!resource || resource.Type !== 'AWS::IAM::Role') throw new Error(`roleView: ${logicalId} is not a role`);
  const refersToRole = (roles: any[] | undefined) => (roles ?? []).some((r) => r?.Ref === logicalId);
  const identity: PolicyDoc[] = [];
  for (const p of resource.Properties.Policies ?? []) identity.push(materialize(json, p.PolicyDocument, env));
  const attachedManaged = new Set<string>((resource.Properties.ManagedPolicyArns ?? [])
    .filter((a: any) => a?.Ref).map((a: any) => a.Ref));
  for (const [id, r] of Object.entries<any>(json.Resources)) {
    if (r.Type === 'AWS::IAM::Policy' && refersToRole(r.Properties.Roles)) {
      identity.push(materialize(json, r.Properties.PolicyDocument, env));
    }
    if (r.Type === 'AWS::IAM::ManagedPolicy' && (refersToRole(r.Properties.Roles) || attachedManaged.has(id))) {
      identity.push(materialize(json, r.Properties.PolicyDocument, env));
    }
  }
  return {
    arn: materialize(json, { 'Fn::GetAtt': [logicalId, 'Arn'] }, env),
    trust: materialize(json, resource.Properties.AssumeRolePolicyDocument, env),
    identity,
  };
}

export interface Request {
  /** The calling principal: a role ARN, or a service principal such as redshift.amazonaws.com. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource. @default - the principal's account, else 123456789012 */
  readonly resourceAccount?: string;
  readonly context?: Record<string, string | string[]>;
  /** Identity policies of the principal. */
  readonly identity?: PolicyDoc[];
  /** The resource's policy (a role's trust policy for sts:AssumeRole). */
  readonly resourcePolicy?: PolicyDoc;
}

/** What IAM decides for the request. Throws when the simulator rejects the input. */
export async function decide(request: Request): Promise<Decision> {
  const principalAccount = /^arn:[^:]+:iam::(\d{12}):/.exec(request.principal)?.[1];
  const result: any = await runSimulation({
    identityPolicies: (request.identity ?? []).map((policy, i) => ({ name: `policy${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: request.resourcePolicy,
    request: {
      principal: request.principal,
      action: request.action,
      resource: {
        resource: request.resource,
        accountId: request.resourceAccount ?? principalAccount ?? '123456789012',
      },
      contextVariables: request.context ?? {},
    },
  } as any, {});
  if (result.resultType === 'error') {
    throw new Error(`iam-simulate rejected the request: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult as Decision;
}

/** Whether `principal` may assume the role under its trust policy (an AWS service or a role). */
export function assume(role: RoleView, principal: string, context: Record<string, string> = {}, identity?: PolicyDoc[]): Promise<Decision> {
  const roleAccount = /^arn:[^:]+:iam::(\d{12}):/.exec(role.arn)![1];
  return decide({
    principal,
    action: 'sts:AssumeRole',
    resource: role.arn,
    resourceAccount: roleAccount,
    context,
    resourcePolicy: role.trust,
    identity,
  });
}

/** Whether the role's identity policies allow the request. */
export function roleMay(role: RoleView, action: string, resource: string, context: Record<string, string | string[]> = {}): Promise<Decision> {
  return decide({ principal: role.arn, action, resource, context, identity: role.identity });
}

/**
 * IAM's decision on one KMS key of the template: the role's identity policies and the key's own
 * key policy, as synthesized (a key policy must allow the account for identity policies to count).
 * `arn` is the key's ARN; `decide(action)` asks about that key, `decide(action, other, context)` about another.
 */
export function keyDecider(stack: Stack, template: Template, view: RoleView, key: IConstruct) {
  const json = template.toJSON();
  const cfnKey = (key.node.defaultChild ?? key) as CfnElement;
  const keyLogicalId = stack.getLogicalId(cfnKey);
  const arn: string = materialize(json, { 'Fn::GetAtt': [keyLogicalId, 'Arn'] }, envOf(stack));
  const keyPolicy = materialize(json, json.Resources[keyLogicalId].Properties.KeyPolicy, envOf(stack));
  return {
    arn,
    decide: (action: string, resource: string = arn, context: Record<string, string> = {}) =>
      decide({ principal: view.arn, action, resource, identity: view.identity, resourcePolicy: keyPolicy, context }),
  };
}
