/**
 * CloudFormation's custom-resource lifecycle, as the AWS CloudFormation User Guide describes it, for
 * the resources of one role association: its access role (AWS::IAM::Role) and its custom resource.
 *
 * - Update phase: resources are created and updated in dependency order, so the access role (which
 *   the custom resource depends on) is created or updated before the custom resource's Create or
 *   Update ("DependsOn attribute").
 * - A custom resource whose response carries another physical ID was replaced: CloudFormation sends
 *   the old ID a Delete in the cleanup phase (UPDATE_COMPLETE_CLEANUP_IN_PROGRESS), after every
 *   update succeeded ("Custom resource response objects", PhysicalResourceId).
 * - Resources removed from the template are deleted in the cleanup phase too, in reverse dependency
 *   order: the custom resource before its access role.
 * - When a resource fails (or another one does), CloudFormation rolls back: the access role gets its
 *   old policy back, a custom resource it updated gets an Update whose ResourceProperties are the
 *   old properties and OldResourceProperties the new ones ("Update" request), a replacement is undone
 *   by a Delete of the new physical ID, a created one gets a Delete with the ID its response gave
 *   (even a failed Create), and resources created in the update are deleted last.
 * - CloudFormation waits ServiceTimeout seconds for a response (AWS::CloudFormation::CustomResource),
 *   then stops waiting: a late response is a failure.
 */
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { RedshiftServerlessClient } from '@aws-sdk/client-redshift-serverless';
import { SSMClient } from '@aws-sdk/client-ssm';
import { App, Duration, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT, namespaceId, REGION, roleArn, World } from './simulated-aws';
import { ClusterRoleAssociation, NamespaceRoleAssociation } from '../../src';
import { clusterBackend, namespaceBackend, parameterStore } from '../../src/association-handler/backends';
import { handle, HandlerDeps, Invocation, Session } from '../../src/association-handler/handler';
import { CustomResourceEvent, CustomResourceResponse } from '../../src/association-handler/types';
import { materialize, PolicyDoc } from '../helpers/iam';

/** One association as the app declares it. */
export interface AssociationVersion {
  readonly target: string; // 'cluster/c1' | 'namespace/ns1'
  readonly roles: string[]; // role names
  readonly defaultRole?: string;
  readonly waitMinutes?: number;
}

/** One association as the synthesized template has it. */
interface Synthesized {
  readonly properties: any;
  readonly accessRoleArn: string;
  readonly accessPolicies: PolicyDoc[];
  readonly serviceTimeoutSeconds: number;
}

const cache = new Map<string, Synthesized>();

/** Synthesizes the association with the library itself and reads what CloudFormation would get. */
export function synthesize(stackName: string, slot: string, v: AssociationVersion): Synthesized {
  const key = JSON.stringify([stackName, slot, v]);
  if (cache.has(key)) return cache.get(key)!;
  const app = new App({ context: { '@aws-cdk/core:enablePartitionLiterals': true } });
  const stack = new Stack(app, stackName, { env: { account: ACCOUNT, region: REGION } });
  const roles = v.roles.map((r) => iam.Role.fromRoleArn(stack, `Role${r}`, roleArn(r), { mutable: false }));
  const defaultRole = v.defaultRole ? roles[v.roles.indexOf(v.defaultRole)] : undefined;
  const [kind, name] = v.target.split('/');
  const waitTimeout = v.waitMinutes ? Duration.minutes(v.waitMinutes) : undefined;
  if (kind === 'cluster') {
    new ClusterRoleAssociation(stack, slot, { clusterIdentifier: name, roles, defaultRole, waitTimeout });
  } else {
    new NamespaceRoleAssociation(stack, slot, { namespaceName: name, namespaceId: namespaceId(name), roles, defaultRole, waitTimeout });
  }
  const json: any = { ...Template.fromStack(stack).toJSON(), StackName: stackName };
  const env = { account: ACCOUNT, region: REGION, partition: 'aws' };
  const [crId, cr] = Object.entries<any>(json.Resources).find(([, r]) => r.Type.startsWith('Custom::'))!;
  const accessRoleId = (cr.DependsOn as string[]).find((d) => json.Resources[d].Type === 'AWS::IAM::Role')!;
  const accessRole = json.Resources[accessRoleId];
  const out: Synthesized = {
    properties: { ...materialize(json, cr.Properties, env), LogicalResourceId: crId },
    accessRoleArn: materialize(json, { 'Fn::GetAtt': [accessRoleId, 'Arn'] }, env),
    accessPolicies: (accessRole.Properties.Policies ?? []).map((p: any) => materialize(json, p.PolicyDocument, env)),
    serviceTimeoutSeconds: Number(cr.Properties.ServiceTimeout),
  };
  cache.set(key, out);
  return out;
}

interface Live {
  readonly version: AssociationVersion;
  readonly synthesized: Synthesized;
  readonly physicalId: string;
}

let requestCounter = 0;

export class SimulatedStack {
  public readonly stackId: string;
  public readonly live = new Map<string, Live>();
  public readonly responses: CustomResourceResponse[] = [];

  constructor(private readonly world: World, public readonly name: string) {
    this.stackId = `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/0f1e2d3c`;
  }

  /** Sends one request to the handler, invocation after invocation, and returns its response. */
  public async send(type: 'Create' | 'Update' | 'Delete', s: Synthesized, physicalId?: string, old?: Synthesized): Promise<CustomResourceResponse> {
    const requestId = `req-${++requestCounter}`;
    const { LogicalResourceId, ...props } = s.properties;
    const event: CustomResourceEvent = {
      RequestType: type,
      RequestId: requestId,
      ResponseURL: `https://cloudformation-custom-resource-response.example/${requestId}`,
      StackId: this.stackId,
      LogicalResourceId,
      ResourceType: 'Custom::RedshiftRoleAssociation',
      PhysicalResourceId: physicalId,
      ResourceProperties: props,
      OldResourceProperties: old ? (({ LogicalResourceId: _, ...o }) => o)(old.properties) : undefined,
    };
    const world = this.world;
    const givesUpAt = world.clock.now + s.serviceTimeoutSeconds * 1000;
    world.requests.set(requestId, { givesUpAt });
    let response: CustomResourceResponse | undefined;
    let next: Invocation | undefined = { event };
    let invocations = 0;
    while (next) {
      const invocation: Invocation = next;
      next = undefined;
      const started = world.clock.now;
      const deps: HandlerDeps = {
        connect: async (accessRoleArn) => {
          world.assume(accessRoleArn);
          const config = { region: REGION, maxAttempts: 1, credentials: { accessKeyId: accessRoleArn, secretAccessKey: 'x', sessionToken: requestId } };
          const session: Session = {
            backendFor: (kind, name) => (kind === 'namespace'
              ? namespaceBackend(new RedshiftServerlessClient(config), name)
              : clusterBackend(new RedshiftClient(config), name)),
            store: parameterStore(new SSMClient(config)),
            continueLater: async (n) => { next = n; },
          };
          return session;
        },
        respond: async (_url, r) => {
          if (response) world.violations.push(`${requestId} answered twice`);
          if (Buffer.byteLength(JSON.stringify(r)) > 4096) world.violations.push(`${requestId}: response over 4,096 bytes`);
          if (world.clock.now > givesUpAt) world.violations.push(`${requestId}: answered after CloudFormation stopped waiting`);
          response = r;
        },
        now: () => world.clock.now,
        sleep: (ms) => world.clock.sleep(ms),
        random: () => 0.5,
        remainingMs: () => 15 * 60_000 - (world.clock.now - started),
        log: () => undefined,
      };
      await handle(invocation, deps);
      if (++invocations > 20) throw new Error('too many invocations');
    }
    // IAM applies a change within seconds: a request that fails on a denial (or on Redshift not
    // seeing a new role yet) did not wait for it. A permission the library forgot is reported by
    // the simulated IAM itself.
    if (response?.Status === 'FAILED' && /IAM denied|not authorized|AccessDenied|refused a role/.test(response.Reason ?? '')) {
      world.violations.push(`${requestId} (${type}) failed on IAM still applying a change: ${response.Reason}`);
    }
    if (!response) {
      world.violations.push(`${requestId}: no response`);
      return { Status: 'FAILED', PhysicalResourceId: physicalId ?? 'none', StackId: this.stackId, RequestId: requestId, LogicalResourceId, Reason: 'no response' };
    }
    this.responses.push(response);
    return response;
  }

  /**
   * Deploys a new version of the stack (slots absent in `next` are removed). `otherFails`: another
   * resource of the stack fails after the associations were updated. Returns 'complete' or 'rolled-back'.
   */
  public async deploy(next: Record<string, AssociationVersion | undefined>, otherFails: boolean): Promise<'complete' | 'rolled-back'> {
    const world = this.world;
    const slots = [...new Set([...this.live.keys(), ...Object.keys(next)])].sort();
    const created: string[] = []; // access roles created by this update
    const outcome = new Map<string, { type: 'Create' | 'Update'; response: CustomResourceResponse; synthesized: Synthesized }>();
    const oldPolicies = new Map<string, PolicyDoc[] | undefined>();

    // Update phase: access roles first, then the custom resources.
    for (const slot of slots) {
      const v = next[slot];
      if (!v) continue;
      const s = synthesize(this.name, slot, v);
      const before = this.live.get(slot);
      if (before && JSON.stringify(before.synthesized) === JSON.stringify(s)) continue;
      if (!oldPolicies.has(s.accessRoleArn)) oldPolicies.set(s.accessRoleArn, world.livePolicies.get(s.accessRoleArn));
      if (!world.livePolicies.has(s.accessRoleArn)) created.push(s.accessRoleArn);
      world.deployRole(s.accessRoleArn, s.accessPolicies);
    }
    const work = slots.filter((slot) => next[slot] && (!this.live.has(slot)
      || JSON.stringify(this.live.get(slot)!.synthesized) !== JSON.stringify(synthesize(this.name, slot, next[slot]!))));
    // Associations of one target in one stack depend on each other: one after the other.
    const groups = new Map<string, string[]>();
    for (const slot of work) {
      const t = next[slot]!.target;
      groups.set(t, [...groups.get(t) ?? [], slot]);
    }
    await Promise.all([...groups.values()].map(async (group) => {
      for (const slot of group) {
        const s = synthesize(this.name, slot, next[slot]!);
        const before = this.live.get(slot);
        const type = before ? 'Update' : 'Create';
        const response = await this.send(type, s, before?.physicalId, before?.synthesized);
        outcome.set(slot, { type, response, synthesized: s });
      }
    }));

    const failed = [...outcome.values()].some((o) => o.response.Status === 'FAILED');
    if (failed || otherFails) {
      // Rollback: old policies back first, then the custom resources, then what the update created.
      for (const [arn, policies] of oldPolicies) if (policies) world.deployRole(arn, policies);
      await Promise.all([...outcome].map(async ([slot, o]) => {
        const before = this.live.get(slot);
        if (!before) {
          await this.mustSucceed(() => this.send('Delete', o.synthesized, o.response.PhysicalResourceId));
        } else if (o.response.Status === 'SUCCESS' && o.response.PhysicalResourceId !== before.physicalId) {
          await this.mustSucceed(() => this.send('Delete', o.synthesized, o.response.PhysicalResourceId));
        } else {
          await this.mustSucceed(() => this.send('Update', before.synthesized, before.physicalId, o.synthesized));
        }
      }));
      for (const arn of created) world.deleteRole(arn);
      return 'rolled-back';
    }

    // Success: the stack now has the new version; cleanup deletes replaced and removed resources.
    const cleanup: Promise<unknown>[] = [];
    const oldRoles: string[] = [];
    for (const slot of slots) {
      const before = this.live.get(slot);
      const o = outcome.get(slot);
      if (!next[slot]) {
        if (before) {
          cleanup.push(this.mustSucceed(() => this.send('Delete', before.synthesized, before.physicalId)));
          oldRoles.push(before.synthesized.accessRoleArn);
          this.live.delete(slot);
        }
        continue;
      }
      if (o) {
        if (before && o.response.PhysicalResourceId !== before.physicalId) {
          cleanup.push(this.mustSucceed(() => this.send('Delete', before.synthesized, before.physicalId)));
        }
        if (before && before.synthesized.accessRoleArn !== o.synthesized.accessRoleArn) oldRoles.push(before.synthesized.accessRoleArn);
        this.live.set(slot, { version: next[slot]!, synthesized: o.synthesized, physicalId: o.response.PhysicalResourceId });
      }
    }
    await Promise.all(cleanup);
    for (const arn of oldRoles) {
      if (![...this.live.values()].some((l) => l.synthesized.accessRoleArn === arn)) world.deleteRole(arn);
    }
    return 'complete';
  }

  /** Deletes the stack: every custom resource, then the access roles. */
  public async destroy(): Promise<void> {
    await Promise.all([...this.live.values()].map((l) => this.mustSucceed(() => this.send('Delete', l.synthesized, l.physicalId))));
    for (const l of this.live.values()) this.world.deleteRole(l.synthesized.accessRoleArn);
    this.live.clear();
  }

  /** Rollback and cleanup requests must succeed: their failures are not retried by CloudFormation. */
  private async mustSucceed(fn: () => Promise<CustomResourceResponse>): Promise<void> {
    const r = await fn();
    if (r.Status !== 'SUCCESS') this.world.violations.push(`a rollback or cleanup request failed: ${r.Reason}`);
  }
}
