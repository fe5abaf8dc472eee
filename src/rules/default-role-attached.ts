import { Finding, RedshiftTarget, Rule } from './rule';

export const DEFAULT_ROLE_ATTACHED: Rule = {
  id: 'cdk-redshift-iam:default-role-attached',
  level: 'error',
  summary: 'a Serverless namespace whose default IAM role (`DefaultIamRoleArn`) is not among its IAM roles (its `IamRoles` and the '
    + 'NamespaceRoleAssociations that target it); CloudFormation sets no default role on a cluster, and a ClusterRoleAssociation '
    + 'checks its own `defaultRole` when it is created',
};

/** What the check reads. */
export interface DefaultRoleAttachedInput {
  /** How the message names the default role, quoted. */
  readonly defaultRole: string;
  /** A key that is the same for two references to one role (the default role's). */
  readonly defaultRoleKey: string;
  /** The keys of the roles attached to the cluster or namespace. */
  readonly roleKeys: string[];
  /** What the role is the default of. */
  readonly target: RedshiftTarget;
}

/**
 * A finding when the default role is not one of the roles attached: Redshift uses the default
 * role for `IAM_ROLE default`, and only an attached role can be it.
 */
export function checkDefaultRoleAttached(input: DefaultRoleAttachedInput): Finding[] {
  if (input.roleKeys.includes(input.defaultRoleKey)) return [];
  const roles = input.target === 'cluster' ? '`IamRoles` (or a ClusterRoleAssociation of it)' : '`IamRoles` (or a NamespaceRoleAssociation of it)';
  return [{
    rule: DEFAULT_ROLE_ATTACHED,
    message: `The default IAM role ${input.defaultRole} of this ${input.target} is not among its IAM roles: `
      + `Redshift can make only an attached role the default. Add it to the ${input.target}'s ${roles}`,
  }];
}
