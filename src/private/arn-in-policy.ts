import { aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * How the policies of a Redshift role name another role (GrantTarget.arnInPolicy): a role of this
 * library with a name known at synth time by its ARN built from that name (so that a chain across
 * stacks never makes one stack depend on the other), any other role by its `roleArn`.
 *
 * The roles of this library register how their name-based ARN is built; every Redshift role (new
 * ones, and the ones that exist already) asks here, so their grants name roles the same way.
 */
const NAME_BASED = new WeakMap<IConstruct, () => string | undefined>();

/** Records how `role` builds its ARN from its name (`undefined` when the name is not known at synth time). */
export function registerNameBasedArn(role: IConstruct, nameBasedArn: () => string | undefined): void {
  NAME_BASED.set(role, nameBasedArn);
}

/** The ARN by which a Redshift role's policy names `role`. */
export function arnInPolicy(role: iam.IRole): string {
  return NAME_BASED.get(role)?.() ?? role.roleArn;
}
