import { CloudFormationClient, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { DescribeClustersCommand, ModifyClusterIamRolesCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { mockClient } from 'aws-sdk-client-mock';
import * as fc from 'fast-check';
import { _setTestHooks, isComplete, onEvent, OnEventRequest } from '../src/association-handler/handler';

/**
 * A model of one Redshift cluster that other people change too. Random sequences of CloudFormation
 * operations (create, updates, delete, with the cleanup deletes CloudFormation sends when a
 * physical ID changes) run against it while others add and remove roles and the cluster is
 * sometimes busy. The handler must always converge, and must never remove a role it did not add.
 */

const UNIVERSE = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => `arn:aws:iam::123456789012:role/${n}`);
const SLR = 'arn:aws:iam::123456789012:role/aws-service-role/redshift.amazonaws.com/AWSServiceRoleForRedshift';
const STACK = 'arn:aws:cloudformation:us-west-2:123456789012:stack/S/abc';

type Actor = 'handler' | 'other';

class ClusterModel {
  /** arn -> status */
  public readonly roles = new Map<string, string>([[SLR, 'in-sync']]);
  /** who attached each role last */
  public readonly addedBy = new Map<string, Actor>([[SLR, 'other']]);
  public busyFor = 0;
  /**
   * Roles others detached from the association. The documented limit: the association cannot
   * tell a role it attached from the same role detached and attached again by someone else, so
   * the model's others do not re-attach those (until the association attaches them again).
   */
  public readonly detachedFromAssociation = new Set<string>();
  public violations: string[] = [];

  /** Redshift moves adding -> in-sync and removing -> gone between two reads. */
  public tick(): void {
    for (const [arn, status] of [...this.roles]) {
      if (status === 'adding') this.roles.set(arn, 'in-sync');
      if (status === 'removing') this.roles.delete(arn);
    }
  }

  public describe() {
    const out = { Clusters: [{ ClusterIdentifier: 'c1', IamRoles: [...this.roles].map(([IamRoleArn, ApplyStatus]) => ({ IamRoleArn, ApplyStatus })) }] };
    this.tick();
    return out;
  }

  public modify(input: { AddIamRoles?: string[]; RemoveIamRoles?: string[] }) {
    if (this.busyFor > 0) {
      this.busyFor--;
      throw Object.assign(new Error('busy'), { name: 'InvalidClusterStateFault' });
    }
    for (const arn of [...input.AddIamRoles ?? [], ...input.RemoveIamRoles ?? []]) {
      if (arn === SLR) this.violations.push('passed the service-linked role');
    }
    for (const arn of input.RemoveIamRoles ?? []) {
      if (this.addedBy.get(arn) !== 'handler') this.violations.push(`removed ${arn}, which ${this.addedBy.get(arn) ?? 'nobody'} added`);
      if (this.roles.has(arn)) this.roles.set(arn, 'removing');
    }
    for (const arn of input.AddIamRoles ?? []) {
      if (this.roles.has(arn) && this.roles.get(arn) !== 'removing') {
        throw Object.assign(new Error(`${arn} is already associated`), { name: 'InvalidParameterValueFault' });
      }
      this.roles.set(arn, 'adding');
      this.addedBy.set(arn, 'handler');
      this.detachedFromAssociation.delete(arn);
    }
    return {};
  }

  public other(action: { kind: 'add' | 'remove'; arn: string }) {
    if (action.kind === 'add' && !this.roles.has(action.arn) && !this.detachedFromAssociation.has(action.arn)) {
      this.roles.set(action.arn, 'in-sync');
      this.addedBy.set(action.arn, 'other');
    }
    if (action.kind === 'remove' && this.roles.get(action.arn) === 'in-sync' && action.arn !== SLR) {
      if (this.addedBy.get(action.arn) === 'handler') this.detachedFromAssociation.add(action.arn);
      this.roles.delete(action.arn);
    }
  }
}

type Step =
  | { kind: 'deploy'; roles: string[] }
  | { kind: 'destroy' }
  | { kind: 'other'; action: 'add' | 'remove'; arn: string }
  | { kind: 'busy'; polls: number };

const roleSet = fc.subarray(UNIVERSE, { minLength: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: roleSet.map((roles) => ({ kind: 'deploy' as const, roles })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'destroy' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('other' as const), action: fc.constantFrom('add' as const, 'remove' as const), arn: fc.constantFrom(...UNIVERSE) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('busy' as const), polls: fc.integer({ min: 1, max: 8 }) }) },
);

describe('ClusterRoleAssociation handler (model-based)', () => {
  const redshift = mockClient(RedshiftClient);
  const cfn = mockClient(CloudFormationClient);

  test('always converges and never removes a role it did not add', async () => {
    const interferences = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
    await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 14 }), interferences, async (steps, interference) => {
      const model = new ClusterModel();
      let clock = 0;
      let noise = 0;
      _setTestHooks({ sleep: async (ms) => { clock += ms; }, now: () => clock, random: () => 0.5 });
      redshift.reset();
      cfn.reset();
      redshift.on(DescribeClustersCommand).callsFake(() => model.describe());
      redshift.on(ModifyClusterIamRolesCommand).callsFake((input) => model.modify(input));
      // what CloudFormation says is the resource's current physical ID
      let current: { id: string; roles: string[] } | undefined;
      cfn.on(DescribeStackResourceCommand).callsFake(() => ({ StackResourceDetail: { PhysicalResourceId: current?.id ?? 'none' } }));

      const props = (roles: string[]) => ({ Target: 'cluster', Name: 'c1', RoleArns: roles, WaitTimeoutSeconds: '3600' });
      const run = async (event: OnEventRequest) => {
        const res = await onEvent(event);
        for (let poll = 0; poll < 40; poll++) {
          clock += 15_000;
          // others act while CloudFormation waits
          if (interference[noise++ % interference.length]) model.other({ kind: noise % 3 === 0 ? 'remove' : 'add', arn: UNIVERSE[noise % UNIVERSE.length] });
          const done = await isComplete({ ...event, PhysicalResourceId: res.PhysicalResourceId, Data: res.Data });
          if (done.IsComplete) {
            if (event.RequestType !== 'Delete') {
              // converged: every desired role is attached when CloudFormation is told so
              for (const arn of event.ResourceProperties.RoleArns) expect(model.roles.has(arn)).toBe(true);
            }
            return res;
          }
        }
        throw new Error(`did not converge: ${JSON.stringify([...model.roles])}`);
      };

      for (const s of steps) {
        if (s.kind === 'other') {
          model.other({ kind: s.action, arn: s.arn });
        } else if (s.kind === 'busy') {
          model.busyFor += s.polls;
        } else if (s.kind === 'deploy') {
          if (!current) {
            const res = await run({ RequestType: 'Create', StackId: STACK, LogicalResourceId: 'A', ResourceProperties: props(s.roles) });
            current = { id: res.PhysicalResourceId, roles: s.roles };
          } else {
            const old = current;
            const res = await run({
              RequestType: 'Update',
              StackId: STACK,
              LogicalResourceId: 'A',
              PhysicalResourceId: old.id,
              ResourceProperties: props(s.roles),
              OldResourceProperties: props(old.roles),
            });
            current = { id: res.PhysicalResourceId, roles: s.roles };
            if (res.PhysicalResourceId !== old.id) {
              // CloudFormation's cleanup of the replaced physical ID
              await run({ RequestType: 'Delete', StackId: STACK, LogicalResourceId: 'A', PhysicalResourceId: old.id, ResourceProperties: props(old.roles) });
            }
          }
        } else if (current) {
          const gone = current;
          current = undefined;
          await run({ RequestType: 'Delete', StackId: STACK, LogicalResourceId: 'A', PhysicalResourceId: gone.id, ResourceProperties: props(gone.roles) });
        }
        expect(model.violations).toEqual([]);
      }
    }), { numRuns: 300, seed: 20261122 });
  });
});
