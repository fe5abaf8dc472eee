import { aws_iam as iam, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createAssociation } from './associations/role-association';
import { RoleAssociationOptions } from './cluster-role-association';
import { serverlessArn } from './private/redshift-arns';
import { isUuid, requireOptions, validateServerlessName } from './private/validation';

/**
 * Properties of a NamespaceRoleAssociation.
 */
export interface NamespaceRoleAssociationProps extends RoleAssociationOptions {
  /** The name of an existing Redshift Serverless namespace (what UpdateNamespace takes). */
  readonly namespaceName: string;

  /**
   * The namespace's ID, a UUID (`CfnNamespace.attrNamespaceNamespaceId`, or the console's
   * "Namespace ID"). A namespace ARN holds its ID, not its name: with it, the association may read
   * and change exactly this namespace.
   */
  readonly namespaceId: string;
}


/**
 * Attaches IAM roles to a Redshift Serverless namespace that already exists, and optionally sets its
 * default role, with the same guarantees as ClusterRoleAssociation.
 *
 * UpdateNamespace replaces the whole list of roles: the handler reads the list right before it
 * writes, never writes back a role that is being removed, always sends the default role with the
 * list, and reads again and retries when another writer changed the namespace meanwhile. The
 * associations of one namespace in one stack run one after the other. What it adds to the stack
 * (the handler once per stack, a custom resource and an access role per association) is the same
 * as ClusterRoleAssociation's.
 *
 * @example
 * declare const role: RedshiftServiceRole;
 * new NamespaceRoleAssociation(this, 'AttachToNamespace', {
 *   namespaceName: 'analytics',
 *   namespaceId: '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
 *   roles: [role],
 * });
 */
export class NamespaceRoleAssociation extends Construct {
  /** The namespace's name. */
  public readonly namespaceName: string;
  /** The roles this association attaches. */
  public readonly roles: iam.IRole[];
  /**
   * The default role it sets, if any.
   *
   * @default - none: the default role is left as it is
   */
  public readonly defaultRole?: iam.IRole;

  private readonly namespaceArn: string;

  constructor(scope: Construct, id: string, props: NamespaceRoleAssociationProps) {
    super(scope, id);
    requireOptions('NamespaceRoleAssociation', props, ['namespaceName', 'namespaceId', 'roles']);
    validateServerlessName('namespaceName', props.namespaceName);
    if (!Token.isUnresolved(props.namespaceId) && !isUuid(props.namespaceId)) {
      throw new Error(`\`namespaceId\` must be the namespace's ID, a lower-case UUID such as 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, got '${props.namespaceId}'`);
    }
    this.namespaceName = props.namespaceName;
    this.roles = [...props.roles];
    this.defaultRole = props.defaultRole;
    // Validated above, as one namespace (RedshiftArn.serverlessNamespace would check it again, and allow '*').
    this.namespaceArn = serverlessArn(this, 'namespace', props.namespaceId, {});
    createAssociation(this, props, {
      kind: 'namespace',
      name: props.namespaceName,
      targetArn: this.namespaceArn,
      targetActions: ['redshift-serverless:GetNamespace', 'redshift-serverless:UpdateNamespace'],
      passedToService: 'redshift-serverless.amazonaws.com',
    });
  }

  /**
   * Gives `grantee` what an operator needs to change this namespace's roles by hand.
   */
  public grantManage(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift-serverless:GetNamespace', 'redshift-serverless:UpdateNamespace'],
      resourceArns: [this.namespaceArn],
    }).combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['iam:PassRole'],
      resourceArns: this.roles.map((r) => r.roleArn),
      conditions: { StringEquals: { 'iam:PassedToService': 'redshift-serverless.amazonaws.com' } },
    }));
  }
}
