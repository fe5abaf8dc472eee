/**
 * A small, faithful simulation of what the association handler talks to: Redshift provisioned
 * clusters, Redshift Serverless namespaces, Systems Manager Parameter Store, IAM authorization (by
 * @cloud-copilot/iam-simulate on the policies live at that moment), and a clock that only moves when
 * every process waits. Each rule cites the documentation it comes from; the simulator records, as a
 * violation, every request the real API would refuse.
 */
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetNamespaceCommand, RedshiftServerlessClient, UpdateNamespaceCommand } from '@aws-sdk/client-redshift-serverless';
import { DeleteParameterCommand, GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { decide, PolicyDoc } from '../helpers/iam';

export const ACCOUNT = '123456789012';
export const REGION = 'us-west-2';
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const SLR = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/redshift.amazonaws.com/AWSServiceRoleForRedshift`;

/** Time in the simulation: it moves to the next wake-up only when every process is waiting. */
export class Clock {
  public now = 1_700_000_000_000;
  private sleepers: { at: number; wake: () => void }[] = [];

  public sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.now + Math.max(0, ms), wake }));
  }

  /** Runs until `work` settles, moving time forward whenever nothing else can run. */
  public async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(() => { settled = true; }, () => { settled = true; });
    let idle = 0;
    for (let guard = 0; ; guard++) {
      // Let every process that can run, run (AWS SDK calls and iam-simulate take many turns).
      for (let i = 0; i < 30 && !settled; i++) await new Promise((r) => setImmediate(r));
      if (settled) return work;
      if (this.sleepers.length === 0) {
        if (++idle > 2000) throw new Error('simulation deadlock: nothing runs and nothing sleeps');
        continue;
      }
      idle = 0;
      if (guard > 200_000) throw new Error('simulation does not end');
      const at = Math.min(...this.sleepers.map((s) => s.at));
      this.now = Math.max(this.now, at);
      const due = this.sleepers.filter((s) => s.at <= this.now);
      this.sleepers = this.sleepers.filter((s) => s.at > this.now);
      due.forEach((s) => s.wake());
    }
  }
}

/** An API error as the AWS SDK v3 raises it. */
export function apiError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' });
}

type Who = 'library' | 'foreign';

interface SimRole { status: 'adding' | 'in-sync' | 'removing'; since: number; attachedBy: Who }

/**
 * Redshift applies a role change asynchronously: the role is `adding` or `removing`, then `in-sync`
 * or gone (Amazon Redshift API Reference, ClusterIamRole.ApplyStatus). The simulation takes 20 s.
 */
const APPLY_MS = 20_000;

/** A cluster or namespace. */
export class Target {
  public readonly roles = new Map<string, SimRole>();
  public defaultRoleArn?: string;
  public exists = true;
  /** Cluster: `available`, `paused`, `resizing`...; namespace: AVAILABLE, MODIFYING. */
  public status: string;
  /** Until when the target refuses role changes (another change in progress). */
  public busyUntil = 0;
  public statusUntil = 0;
  public readonly history: string[] = [];

  constructor(public readonly kind: 'cluster' | 'namespace', public readonly name: string, private readonly clock: Clock) {
    this.status = kind === 'cluster' ? 'available' : 'AVAILABLE';
  }

  /** Moves asynchronous changes forward to `now`. */
  public settle(): void {
    const now = this.clock.now;
    for (const [arn, r] of [...this.roles]) {
      if (now - r.since < APPLY_MS) continue;
      if (r.status === 'adding') r.status = 'in-sync';
      if (r.status === 'removing') this.roles.delete(arn);
    }
    if (this.kind === 'namespace' && this.status === 'MODIFYING' && now >= this.statusUntil) this.status = 'AVAILABLE';
    if (this.kind === 'cluster' && this.status === 'resizing' && now >= this.statusUntil) this.status = 'available';
  }

  public attached(): string[] {
    this.settle();
    return [...this.roles].filter(([, r]) => r.status !== 'removing').map(([arn]) => arn).sort();
  }

  /** The target as a user sees it: attached roles (any status but removing) and the default. */
  public snapshot(): string {
    return JSON.stringify({ roles: this.attached(), default: this.defaultRoleArn ?? null });
  }

  public foreignAttach(arn: string): void {
    this.settle();
    if (this.roles.has(arn)) return;
    this.roles.set(arn, { status: 'in-sync', since: this.clock.now, attachedBy: 'foreign' });
  }

  /** Someone else detaches a role: it is `removing` for a while, then gone. */
  public foreignDetach(arn: string): void {
    this.settle();
    const role = this.roles.get(arn);
    if (role?.status !== 'in-sync') return;
    this.roles.set(arn, { ...role, status: 'removing', since: this.clock.now });
    if (this.defaultRoleArn === arn) this.defaultRoleArn = undefined;
  }
}

export interface CallContext {
  /** The role the caller acts as (the association's access role). */
  readonly roleArn: string;
  /** The CloudFormation request the call is made for, and when CloudFormation stops waiting. */
  readonly requestId: string;
  readonly givesUpAt: number;
}

/** IAM applies a change at once. */
const zero = () => 0;

/**
 * The simulated account: targets, parameters, the live policies of each role, and the violations
 * found. Every handler client is an SDK client whose credentials name the role and the request
 * (accessKeyId = role ARN, sessionToken = request ID); the mocks read them back.
 */
export class World {
  public readonly clock = new Clock();
  public readonly targets = new Map<string, Target>();
  public readonly parameters = new Map<string, string>();
  /**
   * role ARN -> its identity policies as last deployed (absent: the role does not exist). IAM
   * decides on the versions in effect (see `deployRole`), which may be older.
   */
  public readonly livePolicies = new Map<string, PolicyDoc[]>();
  /**
   * How long IAM takes to apply a change (ms), drawn for each change: a role or policy created or
   * changed takes effect only after it ("Changes that I make are not always immediately visible",
   * IAM User Guide). Zero: at once.
   */
  public propagation: () => number = zero;
  public readonly requests = new Map<string, { givesUpAt: number }>();
  public readonly violations: string[] = [];
  /** Calls to throttle next (any API). */
  public throttleNext = 0;
  /**
   * Makes the next reads of the ownership records of different requests happen at the same moment:
   * each read takes its snapshot, then waits (up to 5 simulated seconds) until `parties` requests
   * have read, so that none of them sees what another writes right after its read.
   */
  public rendezvous?: { parties: number; arrived: Set<string>; release: Array<() => void> };
  private readonly decisions = new Map<string, Promise<string>>();
  /** role ARN -> its policy versions, each with the moment it takes effect. */
  private readonly versions = new Map<string, { policies: PolicyDoc[]; at: number }[]>();
  /** role ARN -> when it can be assumed (a new role is not assumable everywhere at once). */
  private readonly assumableAt = new Map<string, number>();
  /** role ARN -> when Redshift accepts it (a role created seconds ago can be refused as not valid). */
  private readonly validAt = new Map<string, number>();

  constructor() {
    const redshift = mockClient(RedshiftClient);
    const serverless = mockClient(RedshiftServerlessClient);
    const ssm = mockClient(SSMClient);
    redshift.on(DescribeClustersCommand).callsFake((input, client) => this.call(client, () => this.describeCluster(input)));
    redshift.on(ModifyClusterIamRolesCommand).callsFake((input, client) => this.call(client, (ctx) => this.modifyCluster(input, ctx)));
    serverless.on(GetNamespaceCommand).callsFake((input, client) => this.call(client, () => this.getNamespace(input)));
    serverless.on(UpdateNamespaceCommand).callsFake((input, client) => this.call(client, (ctx) => this.updateNamespace(input, ctx)));
    ssm.on(GetParametersByPathCommand).callsFake((input, client) => this.call(client, (ctx) => this.getByPath(input, ctx)));
    ssm.on(PutParameterCommand).callsFake((input, client) => this.call(client, (ctx) => this.putParameter(input, ctx)));
    ssm.on(DeleteParameterCommand).callsFake((input, client) => this.call(client, (ctx) => this.deleteParameter(input, ctx)));
  }

  /**
   * CloudFormation creates or updates a role (the access role): the role exists at once, can be
   * assumed after one delay, and its new policies take effect after another (CloudFormation puts a
   * role's inline policies after creating it).
   */
  public deployRole(arn: string, policies: PolicyDoc[]): void {
    if (!this.livePolicies.has(arn)) {
      this.assumableAt.set(arn, this.clock.now + this.propagation());
      this.versions.set(arn, []);
    }
    this.livePolicies.set(arn, policies);
    // IAM applies the changes of one role in order: a later version never takes effect before an earlier one.
    const versions = this.versions.get(arn)!;
    const after = versions.length > 0 ? versions[versions.length - 1].at : 0;
    versions.push({ policies, at: Math.max(after, this.clock.now + this.propagation()) });
  }

  public deleteRole(arn: string): void {
    this.livePolicies.delete(arn);
    this.versions.delete(arn);
    this.assumableAt.delete(arn);
  }

  /** A role someone creates for Redshift (the roles associations attach): Redshift accepts it after a delay. */
  public createRedshiftRole(arn: string): void {
    this.validAt.set(arn, this.clock.now + this.propagation());
  }

  /** The policies IAM decides with now: the newest version in effect (none yet: no permission). */
  private effectivePolicies(arn: string): PolicyDoc[] | undefined {
    const versions = this.versions.get(arn);
    if (!versions) return undefined;
    const inEffect = versions.filter((v) => v.at <= this.clock.now);
    return inEffect.length > 0 ? inEffect[inEffect.length - 1].policies : [];
  }

  public target(kind: 'cluster' | 'namespace', name: string): Target {
    const key = `${kind}/${name}`;
    if (!this.targets.has(key)) this.targets.set(key, new Target(kind, name, this.clock));
    return this.targets.get(key)!;
  }

  public clusterArn(name: string) { return `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:${name}`; }
  /** Namespace ARNs hold the namespace ID; the simulation derives a fixed ID from the name. */
  public namespaceArn(name: string) { return `arn:aws:redshift-serverless:${REGION}:${ACCOUNT}:namespace/${namespaceId(name)}`; }
  public parameterArn(name: string) { return `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${name}`; }

  /** Every API call: who calls, for which request, whether IAM allows it, throttling. */
  private async call(client: () => any, fn: (ctx: CallContext) => Promise<any> | any): Promise<any> {
    const creds = await client().config.credentials();
    const ctx: CallContext = {
      roleArn: creds.accessKeyId,
      requestId: creds.sessionToken,
      givesUpAt: this.requests.get(creds.sessionToken)?.givesUpAt ?? Infinity,
    };
    if (this.clock.now > ctx.givesUpAt) this.violations.push(`a call for request ${ctx.requestId} after CloudFormation stopped waiting for it`);
    if (this.throttleNext > 0) {
      this.throttleNext--;
      throw apiError('ThrottlingException', 'Rate exceeded');
    }
    // Interleave: let other processes run between any two calls.
    await new Promise((r) => setImmediate(r));
    return fn(ctx);
  }

  /**
   * IAM: the request is allowed only if the caller's identity policies in effect at this moment
   * allow it (the role's trust is checked when the handler assumes it: see `assume`). A denial that
   * the policies as last deployed would allow is IAM still applying a change: the handler must wait
   * it out. One they deny too is a permission the library forgot: a violation.
   */
  private async authorize(ctx: CallContext, action: string, resource: string, context: Record<string, string> = {}, errorName = 'AccessDeniedException'): Promise<void> {
    const decision = await this.decision(this.effectivePolicies(ctx.roleArn), ctx.roleArn, action, resource, context);
    if (decision === 'Allowed') return;
    const deployed = await this.decision(this.livePolicies.get(ctx.roleArn), ctx.roleArn, action, resource, context);
    if (deployed !== 'Allowed') this.violations.push(`${action} on ${resource} by ${ctx.roleArn}: ${deployed}`);
    throw apiError(errorName, `User: ${ctx.roleArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`);
  }

  private decision(policies: PolicyDoc[] | undefined, principal: string, action: string, resource: string,
    context: Record<string, string>): Promise<string> {
    const key = JSON.stringify([policies, action, resource, context]);
    if (!this.decisions.has(key)) {
      this.decisions.set(key, policies === undefined ? Promise.resolve('NoSuchRole')
        : decide({ principal, action, resource, context, identity: policies }));
    }
    return this.decisions.get(key)!;
  }

  /** sts:AssumeRole by the handler: the role must exist (its trust names the handler role), and be applied. */
  public assume(role: string): void {
    if (!this.livePolicies.has(role)) {
      this.violations.push(`assumed ${role}, which does not exist at this moment`);
      throw apiError('AccessDenied', `not authorized to perform sts:AssumeRole on ${role}`);
    }
    if (this.clock.now < (this.assumableAt.get(role) ?? 0)) {
      throw apiError('AccessDenied', `User: arn:aws:sts::${ACCOUNT}:assumed-role/handler is not authorized to perform: sts:AssumeRole on resource: ${role}`);
    }
  }

  private invalid(message: string): never {
    this.violations.push(`invalid request: ${message}`);
    throw apiError('InvalidParameterValueFault', message);
  }

  // ----------------------------------------------------------------------------------------------
  // Redshift (Amazon Redshift API Reference: DescribeClusters, ModifyClusterIamRoles)

  private describeCluster(input: any) {
    const t = this.targets.get(`cluster/${input.ClusterIdentifier}`);
    // DescribeClusters with an unknown identifier: ClusterNotFoundFault.
    if (!t || !t.exists) throw apiError('ClusterNotFoundFault', `Cluster ${input.ClusterIdentifier} not found.`);
    t.settle();
    return {
      Clusters: [{
        ClusterIdentifier: t.name,
        ClusterStatus: t.status,
        IamRoles: [SLR, ...t.roles.keys()].filter((arn, i, all) => all.indexOf(arn) === i)
          .map((arn) => ({ IamRoleArn: arn, ApplyStatus: arn === SLR ? 'in-sync' : t.roles.get(arn)!.status })),
        DefaultIamRoleArn: t.defaultRoleArn,
      }],
    };
  }

  private async modifyCluster(input: any, ctx: CallContext) {
    const t = this.targets.get(`cluster/${input.ClusterIdentifier}`);
    await this.authorize(ctx, 'redshift:ModifyClusterIamRoles', this.clusterArn(input.ClusterIdentifier), {}, 'AccessDenied');
    if (!t || !t.exists) throw apiError('ClusterNotFoundFault', `Cluster ${input.ClusterIdentifier} not found.`);
    t.settle();
    const add: string[] = input.AddIamRoles ?? [];
    const remove: string[] = input.RemoveIamRoles ?? [];
    // "You can associate up to 10 IAM roles with a single cluster in a single request", same for removal.
    if (add.length > 10 || remove.length > 10) this.invalid(`more than 10 roles in one ModifyClusterIamRoles call (${add.length} added, ${remove.length} removed)`);
    if (add.length + remove.length === 0 && input.DefaultIamRoleArn === undefined) this.invalid('ModifyClusterIamRoles with nothing to change');
    // InvalidClusterStateFault: the cluster is not available, or another role change is being applied.
    const changing = [...t.roles.values()].some((r) => r.status !== 'in-sync');
    if (t.status !== 'available' || t.busyUntil > this.clock.now || changing) {
      throw apiError('InvalidClusterStateFault', `The cluster is in state ${t.status}${changing ? ' with a role change in progress' : ''}.`);
    }
    for (const arn of add) {
      if (arn === SLR) this.invalid('the service-linked role passed to ModifyClusterIamRoles');
      if (t.roles.has(arn)) this.invalid(`${arn} is already associated`);
      // iam:PassRole is a dependent action of ModifyClusterIamRoles for the roles it associates
      // (Service Authorization Reference, Amazon Redshift), with iam:PassedToService.
      await this.authorize(ctx, 'iam:PassRole', arn, { 'iam:PassedToService': 'redshift.amazonaws.com' }, 'AccessDenied');
      // Redshift checks the role's trust, and may not see a role created seconds ago yet
      // (hashicorp/terraform-provider-aws#19113; see RECENT_ROLE_NOTE in src/association-handler/faults.ts).
      if (this.clock.now < (this.validAt.get(arn) ?? 0)) {
        throw apiError('InvalidParameterValue', `The IAM role ${arn} is not valid. The IAM role must delegate access to an Amazon Redshift account.`);
      }
    }
    for (const arn of remove) {
      if (!t.roles.has(arn) || t.roles.get(arn)!.status === 'removing') this.invalid(`${arn} is not associated`);
      if (t.roles.get(arn)!.attachedBy === 'foreign') this.violations.push(`detached ${arn} from ${t.name}, which someone else attached`);
    }
    const after = new Set([...t.roles.keys()].filter((a) => !remove.includes(a)).concat(add));
    if (after.size > 50) this.invalid(`${after.size} roles: over the 50-role quota`);
    // "The list of ARNs for customer roles should contain the ARN of the default IAM role when a
    // default is specified" (the API's answer to a default that is not among the roles after the call).
    if (input.DefaultIamRoleArn !== undefined && !after.has(input.DefaultIamRoleArn)) this.invalid(`default role ${input.DefaultIamRoleArn} is not among the roles`);
    for (const arn of add) t.roles.set(arn, { status: 'adding', since: this.clock.now, attachedBy: 'library' });
    for (const arn of remove) t.roles.set(arn, { ...t.roles.get(arn)!, status: 'removing', since: this.clock.now });
    if (input.DefaultIamRoleArn !== undefined) t.defaultRoleArn = input.DefaultIamRoleArn;
    // Detaching the default role leaves the cluster without one.
    if (t.defaultRoleArn !== undefined && remove.includes(t.defaultRoleArn)) t.defaultRoleArn = undefined;
    t.history.push(`modify +${add.length} -${remove.length}${input.DefaultIamRoleArn ? ' default' : ''}`);
    return {};
  }

  // ----------------------------------------------------------------------------------------------
  // Redshift Serverless (Redshift Serverless API Reference: GetNamespace, UpdateNamespace)

  private getNamespace(input: any) {
    const t = this.targets.get(`namespace/${input.namespaceName}`);
    if (!t || !t.exists) throw apiError('ResourceNotFoundException', `namespace ${input.namespaceName} not found`);
    t.settle();
    return {
      namespace: {
        namespaceName: t.name,
        status: t.status,
        iamRoles: [...t.roles].map(([arn, r]) => `IamRole(applyStatus=${r.status}, iamRoleArn=${arn})`),
        defaultIamRoleArn: t.defaultRoleArn,
      },
    };
  }

  private async updateNamespace(input: any, ctx: CallContext) {
    const t = this.targets.get(`namespace/${input.namespaceName}`);
    await this.authorize(ctx, 'redshift-serverless:UpdateNamespace', this.namespaceArn(input.namespaceName));
    if (!t || !t.exists) throw apiError('ResourceNotFoundException', `namespace ${input.namespaceName} not found`);
    t.settle();
    // ConflictException while another update is being applied (the namespace is MODIFYING).
    if (t.status !== 'AVAILABLE') throw apiError('ConflictException', `namespace is ${t.status}`);
    const roles: string[] | undefined = input.iamRoles;
    // "defaultIamRoleArn ... must be updated together with iamRoles"; "To change the default IAM role,
    // you must specify the entire list of IAM roles" (ValidationException).
    if ((roles === undefined) !== (input.defaultIamRoleArn === undefined)) this.invalid('iamRoles and defaultIamRoleArn must be sent together');
    if (roles === undefined) this.invalid('UpdateNamespace without iamRoles');
    if (new Set(roles).size !== roles.length) this.invalid('a role listed twice');
    if (input.defaultIamRoleArn !== '' && !roles.includes(input.defaultIamRoleArn)) this.invalid(`default role ${input.defaultIamRoleArn} is not in iamRoles`);
    for (const arn of roles) {
      const now = t.roles.get(arn);
      if (now?.status === 'removing') this.violations.push(`wrote back ${arn}, which is being removed`);
      // iam:PassRole (iam:PassedToService redshift-serverless.amazonaws.com) for the roles it associates.
      if (!now) await this.authorize(ctx, 'iam:PassRole', arn, { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' });
    }
    for (const [arn, r] of t.roles) {
      if (!roles.includes(arn) && r.status !== 'removing') {
        if (r.attachedBy === 'foreign') this.violations.push(`detached ${arn} from ${t.name}, which someone else attached`);
        t.roles.set(arn, { ...r, status: 'removing', since: this.clock.now });
      }
    }
    for (const arn of roles) if (!t.roles.has(arn)) t.roles.set(arn, { status: 'adding', since: this.clock.now, attachedBy: 'library' });
    t.defaultRoleArn = input.defaultIamRoleArn === '' ? undefined : input.defaultIamRoleArn;
    t.status = 'MODIFYING';
    t.statusUntil = this.clock.now + 15_000;
    t.history.push(`update ${roles.length} roles`);
    return { namespace: {} };
  }

  // ----------------------------------------------------------------------------------------------
  // Systems Manager Parameter Store (API Reference: GetParametersByPath, PutParameter, DeleteParameter)

  private async getByPath(input: any, ctx: CallContext) {
    await this.authorize(ctx, 'ssm:GetParametersByPath', this.parameterArn(input.Path));
    if (!input.Recursive) this.invalid('GetParametersByPath without Recursive: records are two levels down');
    const all = [...this.parameters].filter(([name]) => name.startsWith(`${input.Path}/`)).sort();
    // At most 10 results a page (MaxResults 1-10).
    const start = Number(input.NextToken ?? 0);
    const page = all.slice(start, start + 10);
    const result = {
      Parameters: page.map(([Name, Value]) => ({ Name, Value, Type: 'String' })),
      NextToken: start + 10 < all.length ? String(start + 10) : undefined,
    };
    const meet = this.rendezvous;
    if (meet && !meet.arrived.has(ctx.requestId)) {
      meet.arrived.add(ctx.requestId);
      if (meet.arrived.size >= meet.parties) {
        this.rendezvous = undefined;
        meet.release.forEach((go) => go());
      } else {
        await Promise.race([new Promise<void>((go) => meet.release.push(go)), this.clock.sleep(5_000)]);
      }
    }
    return result;
  }

  private async putParameter(input: any, ctx: CallContext) {
    await this.authorize(ctx, 'ssm:PutParameter', this.parameterArn(input.Name));
    // A name of at most 1,011 characters and 15 levels; a value of at most 8 KB (advanced tier).
    if (input.Name.length > 1011 || input.Name.split('/').length - 1 > 15) this.invalid(`parameter name ${input.Name}`);
    if (Buffer.byteLength(input.Value) > 8192) this.invalid('parameter value over 8 KB');
    if (this.parameters.has(input.Name) && !input.Overwrite) throw apiError('ParameterAlreadyExists', input.Name);
    this.parameters.set(input.Name, input.Value);
    return { Version: 1 };
  }

  private async deleteParameter(input: any, ctx: CallContext) {
    await this.authorize(ctx, 'ssm:DeleteParameter', this.parameterArn(input.Name));
    if (!this.parameters.delete(input.Name)) throw apiError('ParameterNotFound', input.Name);
    return {};
  }
}

export function namespaceId(name: string): string {
  const hex = Buffer.from(name.padEnd(16, '0')).toString('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
