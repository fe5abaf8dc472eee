import { aws_iam as iam, Stack, Token } from 'aws-cdk-lib';
import { IDependable } from 'constructs';
import { INLINE_POLICY_QUOTA, MANAGED_POLICY_QUOTA, MAX_MANAGED_POLICIES as MANAGED_POLICIES_PER_ROLE } from './limits';
import { acknowledgeNagFinding, acknowledgeNagFindings, nagResourceText } from './nag';
import { formatNumber, policySize } from './policy-size';
import { resolveInStack } from './resolve-cheaply';
import { onlyUnscopedActions, UNSCOPED_ACTIONS } from './unscoped-actions';
/** Room kept free in each document for estimates of Tokens that resolve at deploy time. */
const SAFETY_MARGIN = 128;
/** `{"Version":"2012-10-17","Statement":[]}` */
const DOCUMENT_OVERHEAD = 40;

/**
 * The options of `iam.Grant.addToPrincipal` that a grant of this library gives: the grantee is
 * the packer's role (and the deprecated, unused `scope` is left out).
 */
export type GrantOnRoleOptions = Pick<iam.GrantOnPrincipalOptions, 'actions' | 'resourceArns' | 'conditions'>;

interface Entry {
  readonly statement: iam.PolicyStatement;
  /** Statements with the same key differ only in their resources and are merged. */
  readonly mergeKey?: string;
  readonly resources: Set<string>;
  /** `s3:ListBucket` on one bucket limited by `s3:prefix`: further prefixes are merged. */
  readonly prefixKey?: string;
  readonly prefixes?: string[];
}

interface Slot {
  readonly construct: iam.Policy | iam.ManagedPolicy;
  readonly quota: number;
  readonly entries: Entry[];
  size: number;
}

/**
 * Places the identity statements of one role into policies IAM accepts: merges statements that
 * differ only in their resources (and `s3:ListBucket` statements that differ only in their
 * `s3:prefix` values), fills one inline policy up to IAM's 10,240-character quota, then moves the
 * overflow into generated customer managed policies of at most 6,144 characters each.
 *
 * Placement happens when a statement is added, so that every policy resource exists before
 * aspects and cdk-nag see the tree; sizes are measured on the resolved statements as written. The
 * documents follow the app's `@aws-cdk/aws-iam:minimizePolicies` flag, as aws-cdk-lib's own do:
 * minimizing only shrinks them, and costs a merge at every resolution of the template.
 */
export class PolicyPacker {
  private readonly slots: Slot[] = [];
  /** Wildcard resources that a grant scoped on purpose, with the reason (for cdk-nag). */
  private readonly scopedWildcards = new Map<string, string>();
  /** The next statement added is new and this packer's own (see `grant`): kept without a copy. */
  private adoptNext = false;

  /**
   * @param role the role whose statements are placed
   * @param describe names the role in error messages
   * @param otherManagedPolicies how many managed policies are attached to the role besides ours
   */
  constructor(
    private readonly role: iam.IRole,
    private readonly describe: () => string,
    private readonly otherManagedPolicies: () => number = () => 0,
  ) {
    role.node.addValidation({ validate: () => this.acknowledgeScopedWildcards() });
  }

  /** Number of customer managed policies generated so far. */
  public get managedPolicyCount(): number {
    return this.slots.filter((s) => s.construct instanceof iam.ManagedPolicy).length;
  }

  /** The policy constructs holding this role's statements, in order. */
  public get policies(): Array<iam.Policy | iam.ManagedPolicy> {
    return this.slots.map((s) => s.construct);
  }

  /** Records that `resource` (a Token-bearing ARN) is a deliberately scoped wildcard. */
  public scopedWildcard(resource: string, reason: string): void {
    this.scopedWildcards.set(resource, reason);
  }

  /**
   * `iam.Grant.addToPrincipal` to the role. The statement that call creates is referred to by the
   * returned Grant only, so when it starts an entry this packer keeps it as it is and merges later
   * statements into it. Any other statement (one a user passes to `addToPrincipalPolicy`, and may
   * add to other policies too) is copied before this packer merges anything into it.
   */
  public grant(options: GrantOnRoleOptions): iam.Grant {
    this.adoptNext = true;
    try {
      // A literal of one shape: a spread of the caller's object measured 5 to 10 µs a grant slower.
      const { actions, resourceArns, conditions } = options;
      return iam.Grant.addToPrincipal({ grantee: this.role, actions, resourceArns, conditions });
    } finally {
      this.adoptNext = false;
    }
  }

  public add(statement: iam.PolicyStatement): IDependable {
    const adopt = this.adoptNext;
    this.adoptNext = false;
    const stack = Stack.of(this.role);
    // Most statements hold no Token (literal ARNs): their JSON is already what the template gets.
    const json = resolveInStack(stack, adopt ? grantStatementJson(statement) : statement.toStatementJson());
    const size = policySize(json).chars;
    if (size + DOCUMENT_OVERHEAD > MANAGED_POLICY_QUOTA - SAFETY_MARGIN && size + DOCUMENT_OVERHEAD > INLINE_POLICY_QUOTA - SAFETY_MARGIN) {
      throw new Error(`${this.describe()}: a single policy statement is about ${formatNumber(size)} characters, more than any IAM policy can hold (inline ${formatNumber(INLINE_POLICY_QUOTA)}, managed ${formatNumber(MANAGED_POLICY_QUOTA)}); split the grant: ${JSON.stringify(json).slice(0, 200)}...`);
    }

    const shape = classify(statement, json);

    // 1. Merge into an entry that already exists, in the first slot with room.
    for (const slot of this.slots) {
      for (const entry of slot.entries) {
        if (shape.prefixKey !== undefined && entry.prefixKey === shape.prefixKey) {
          const fresh = notHeld(entry.prefixes!, shape.prefixes!);
          const added = fresh.reduce((n, p) => n + measure(stack, p) + 3, 0);
          if (fresh.length === 0) return slot.construct;
          if (slot.size + added <= slot.quota) {
            entry.prefixes!.push(...fresh);
            // The statement is this packer's own; a condition set again replaces the values.
            entry.statement.addCondition('StringLike', { 's3:prefix': [...entry.prefixes!] });
            slot.size += added;
            return slot.construct;
          }
        } else if (shape.mergeKey !== undefined && entry.mergeKey === shape.mergeKey) {
          const fresh = notHeld(entry.resources, statement.resources);
          if (fresh.length === 0) return slot.construct;
          const added = fresh.reduce((n, r) => n + measure(stack, r) + 3, 0);
          if (slot.size + added <= slot.quota) {
            entry.statement.addResources(...fresh);
            fresh.forEach((r) => entry.resources.add(r));
            slot.size += added;
            return slot.construct;
          }
        }
      }
    }

    // 2. A new entry, in the first slot with room, or in a new slot.
    const slot = this.slots.find((s) => s.size + size + 1 <= s.quota) ?? this.newSlot();
    if (slot.size + size + 1 > slot.quota) {
      throw new Error(`${this.describe()}: a policy statement of about ${formatNumber(size)} characters does not fit in a managed policy (${formatNumber(MANAGED_POLICY_QUOTA)} characters); split the grant`);
    }
    let entry: Entry;
    if (shape.prefixKey !== undefined) {
      const prefixes = [...shape.prefixes!];
      entry = {
        statement: adopt ? statement : new iam.PolicyStatement({
          effect: statement.effect,
          actions: statement.actions,
          resources: statement.resources,
          conditions: { StringLike: { 's3:prefix': [...prefixes] } },
        }),
        prefixKey: shape.prefixKey,
        prefixes,
        resources: new Set(statement.resources),
      };
    } else {
      entry = {
        statement: adopt ? statement : statement.copy(),
        mergeKey: shape.mergeKey,
        resources: new Set(statement.resources),
      };
    }
    slot.entries.push(entry);
    slot.construct.document.addStatements(entry.statement);
    slot.size += size + 1;
    return slot.construct;
  }

  private newSlot(): Slot {
    const index = this.slots.length;
    const document = new iam.PolicyDocument();
    let construct: iam.Policy | iam.ManagedPolicy;
    let quota: number;
    if (index === 0) {
      construct = new iam.Policy(this.role, 'AccessPolicy', { document, roles: [this.role] });
      quota = INLINE_POLICY_QUOTA - SAFETY_MARGIN;
    } else {
      const others = this.otherManagedPolicies();
      if (this.managedPolicyCount + others >= MANAGED_POLICIES_PER_ROLE) {
        throw new Error(`${this.describe()}: its statements need more than the ${MANAGED_POLICIES_PER_ROLE} managed policies IAM attaches to a role by default `
          + `(${this.managedPolicyCount} generated, ${others} attached by you) after one full inline policy of ${formatNumber(INLINE_POLICY_QUOTA)} characters; `
          + 'split the grants across several roles (a ChainedRole can hold more), or use broader key prefixes');
      }
      construct = new iam.ManagedPolicy(this.role, `AccessPolicy${index + 1}`, {
        document,
        roles: [this.role],
        description: `Overflow of the access policy of ${this.role.node.path} (cdk-redshift-iam), part ${index + 1}`,
      });
      quota = MANAGED_POLICY_QUOTA - SAFETY_MARGIN;
    }
    const slot: Slot = { construct, quota, entries: [], size: DOCUMENT_OVERHEAD };
    this.slots.push(slot);
    return slot;
  }

  /**
   * cdk-nag reports every `*` in a policy resource (AwsSolutions-IAM5). Where a grant of this
   * library put it there on purpose (the objects under one key prefix of one bucket, the tables
   * of one Glue database), record an acknowledgement for exactly that finding, with the reason.
   * Runs at validation, after cross-stack references are settled and before cdk-nag runs.
   */
  private acknowledgeScopedWildcards(): string[] {
    for (const slot of this.slots) {
      // One metadata entry per policy: readers (cdk-nag, aws-cdk-lib) take every entry of the key.
      const findings: Record<string, string> = {};
      for (const entry of slot.entries) {
        for (const resource of entry.resources) {
          const reason = this.scopedWildcards.get(resource);
          if (reason === undefined) continue;
          findings[`AwsSolutions-IAM5[Resource::${nagResourceText(slot.construct, resource)}]`] = reason;
        }
      }
      acknowledgeNagFindings(slot.construct, findings);
      this.acknowledgeUnscopedActions(slot);
    }
    return [];
  }

  /**
   * `Resource::*` is one finding for the whole policy, so it is acknowledged only when every
   * statement of the policy on `*` holds nothing but actions that IAM authorizes on no resource
   * type (`kinesis:ListStreams`, ...): a `*` added for any other action is still reported.
   */
  private acknowledgeUnscopedActions(slot: Slot): void {
    const stack = Stack.of(this.role);
    const onEverything = slot.entries.filter((e) => [...e.resources].some((r) => resolveInStack(stack, r) === '*'));
    if (onEverything.length === 0 || !onEverything.every((e) => onlyUnscopedActions(e.statement.actions))) return;
    const actions = [...new Set(onEverything.flatMap((e) => e.statement.actions))].sort();
    const reason = `cdk-redshift-iam: IAM authorizes ${actions.join(', ')} on no resource type, so '*' is the only resource possible: `
      + actions.map((a) => UNSCOPED_ACTIONS[a]).join('; ');
    acknowledgeNagFinding(slot.construct, 'AwsSolutions-IAM5[Resource::*]', reason);
  }
}

/** The shapes of grant statement whose JSON `grantStatementJson` has checked, in this process. */
const checkedShapes = new Set<string>();
/** Set when aws-cdk-lib rendered a checked shape otherwise: every statement is rendered from then on. */
let renderEveryStatement = false;

/**
 * The JSON of a statement that `iam.Grant.addToPrincipal` made (actions, resources and conditions
 * only), written from those for placement: rendering it with `toStatementJson()` was the largest
 * part of the packer's time on the grant path. aws-cdk-lib's rendering is checked once per shape
 * (one action or several, one resource or several, conditions or none) in each process: a release
 * that renders any of them otherwise is noticed there, and every statement is rendered from then on.
 * Lists that are one Token, and empty lists, are always rendered.
 */
export function grantStatementJson(statement: iam.PolicyStatement): any {
  const actions = statement.actions;
  const resources = statement.resources;
  if (renderEveryStatement || actions.length === 0 || resources.length === 0 || Token.isUnresolved(actions) || Token.isUnresolved(resources)) {
    return statement.toStatementJson();
  }
  const conditions = statement.conditions;
  const hasConditions = Object.keys(conditions).length > 0;
  const json: Record<string, unknown> = { Action: actions.length === 1 ? actions[0] : actions };
  if (hasConditions) json.Condition = conditions;
  json.Effect = statement.effect;
  json.Resource = resources.length === 1 ? resources[0] : resources;

  const shape = `${actions.length === 1}/${resources.length === 1}/${hasConditions}`;
  if (!checkedShapes.has(shape)) {
    const rendered = statement.toStatementJson();
    if (JSON.stringify(rendered) !== JSON.stringify(json)) {
      renderEveryStatement = true;
      return rendered;
    }
    checkedShapes.add(shape);
  }
  return json;
}

interface Shape {
  readonly mergeKey?: string;
  readonly prefixKey?: string;
  readonly prefixes?: string[];
}

function classify(statement: iam.PolicyStatement, json: any): Shape {
  // Read from the statement's JSON, which add() has already: the statement's getters copy.
  if (json.Principal !== undefined || json.NotPrincipal !== undefined || json.NotAction !== undefined || json.NotResource !== undefined) {
    return {};
  }
  const conditions = json.Condition as Record<string, Record<string, unknown>> | undefined;
  const actions: unknown[] = Array.isArray(json.Action) ? [...json.Action].sort() : [json.Action];
  if (actions.length === 1 && actions[0] === 's3:ListBucket' && json.Resource !== undefined && !Array.isArray(json.Resource) && conditions !== undefined) {
    const operators = Object.keys(conditions);
    if (operators.length === 1 && operators[0] === 'StringLike'
      && Object.keys(conditions.StringLike).length === 1 && 's3:prefix' in conditions.StringLike) {
      // The prefixes as given (Tokens stay Tokens in the statement the packer writes).
      const raw = statement.conditions.StringLike['s3:prefix'];
      return { prefixKey: JSON.stringify([json.Effect, json.Resource]), prefixes: Array.isArray(raw) ? raw : [raw] };
    }
  }
  return { mergeKey: JSON.stringify([json.Effect, actions, conditions ?? null]) };
}

/**
 * The values of `incoming` that an entry does not hold yet: the one place where a repeated key
 * prefix (or resource) of a grant is dropped, whichever grant or construct adds it.
 */
function notHeld(held: string[] | Set<string>, incoming: string[]): string[] {
  const has = Array.isArray(held) ? (v: string) => held.includes(v) : (v: string) => held.has(v);
  return incoming.filter((v) => !has(v));
}

function measure(stack: Stack, value: string): number {
  return policySize(resolveInStack(stack, value)).chars;
}

