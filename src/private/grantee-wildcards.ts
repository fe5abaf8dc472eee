import { aws_iam as iam, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledgeNagFinding, nagResourceText } from './nag';
import { asList, statementsOf } from './policy-json';

/** A wildcard resource that a grant of this library put in a grantee's policy, and why. */
interface GrantedWildcard {
  /** The resource as granted (a literal or a Token). */
  readonly resource: string;
  /** The actions this library granted on it. */
  readonly actions: string[];
  readonly reason: string;
}

const granted = new WeakMap<IConstruct, GrantedWildcard[]>();
const acknowledged = new WeakMap<IConstruct, Set<string>>();

/**
 * Records that this library granted `actions` on the wildcard `resource` to the principal that
 * `scope` stands for, because the documented policy needs it. At validation (before cdk-nag runs),
 * each policy of that principal where every statement naming the resource holds only actions this
 * library granted on it gets an acknowledgement of exactly that cdk-nag finding
 * (`AwsSolutions-IAM5[Resource::<resource>]`), with the reason. A statement of the user's own on
 * the same resource (another action, a `NotAction`, a `Deny`) leaves the finding reported.
 */
export function acknowledgeGrantedWildcard(scope: IConstruct, resource: string, actions: string[], reason: string): void {
  let entries = granted.get(scope);
  if (entries === undefined) {
    entries = [];
    granted.set(scope, entries);
    const list = entries;
    scope.node.addValidation({ validate: () => { acknowledgeOnPolicies(scope, list); return []; } });
  }
  entries.push({ resource, actions, reason });
}

function acknowledgeOnPolicies(scope: IConstruct, entries: GrantedWildcard[]): void {
  const policies = scope.node.findAll().filter((c): c is CfnResource => c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy);
  for (const policy of policies) {
    const document = (policy as iam.CfnPolicy | iam.CfnManagedPolicy).policyDocument;
    const statements = statementsOf(Stack.of(policy).resolve(document)) as Array<Record<string, unknown>>;
    const byText = new Map<string, { actions: Set<string>; reasons: string[] }>();
    for (const entry of entries) {
      const text = nagResourceText(policy, entry.resource);
      const known = byText.get(text) ?? { actions: new Set<string>(), reasons: [] };
      entry.actions.forEach((a) => known.actions.add(a));
      if (!known.reasons.includes(entry.reason)) known.reasons.push(entry.reason);
      byText.set(text, known);
    }
    for (const [text, known] of byText) {
      const naming = statements.filter((s) => asList(s.Resource).some((r) => nagResourceText(policy, r) === text));
      if (naming.length === 0) continue;
      const onlyOurs = naming.every((s) => s.Effect === 'Allow' && s.NotAction === undefined
        && asList(s.Action).every((a) => typeof a === 'string' && known.actions.has(a)));
      if (!onlyOurs) continue;
      const findingId = `AwsSolutions-IAM5[Resource::${text}]`;
      const done = acknowledged.get(policy) ?? new Set<string>();
      if (done.has(findingId)) continue;
      done.add(findingId);
      acknowledged.set(policy, done);
      acknowledgeNagFinding(policy, findingId, known.reasons.join(' '));
    }
  }
}
