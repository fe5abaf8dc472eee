import { aws_iam as iam, ArnFormat, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { IdentityCenterTrustPrincipal, parseInstanceArn, validateApplicationArn } from './private/identity-center';
import { acknowledgeNagFinding, nagResourceText } from './private/nag';
import { checkRoleName } from './private/role-name';
import { requireOptions, validateList } from './private/validation';

/**
 * Properties of a RedshiftIdcApplicationRole.
 */
export interface RedshiftIdcApplicationRoleProps {
  /**
   * The ARN of the IAM Identity Center instance the Redshift IdC application belongs to,
   * `arn:aws:sso:::instance/ssoins-XXXXXXXXXXXXXXXX` (CreateRedshiftIdcApplication `IdcInstanceArn`).
   */
  readonly identityCenterInstanceArn: string;

  /**
   * The only Identity Center applications of that instance the role may describe
   * (`arn:aws:sso::ACCOUNT:application/ssoins-.../apl-...`), once Redshift has created them.
   *
   * @default - every application of the instance in the role's account
   * (`arn:aws:sso::ACCOUNT:application/INSTANCE-ID/*`), as the guide writes it: the application
   * Redshift creates has no ARN until it exists
   */
  readonly applicationArns?: string[];

  /**
   * A name for the role.
   *
   * @default - CloudFormation generates a unique name
   */
  readonly roleName?: string;
}

/** The Redshift and Redshift Serverless actions of the guide that IAM authorizes on no resource type. */
const UNSCOPED_ACTIONS = ['redshift:DescribeQev2IdcApplications', 'redshift-serverless:ListNamespaces', 'redshift-serverless:ListWorkgroups'];

/**
 * The IAM role of an Amazon Redshift IAM Identity Center application (trusted identity
 * propagation): the role that CreateRedshiftIdcApplication's `IamRoleArn` names, which Redshift and
 * Redshift Serverless assume to read the Identity Center instance and its applications.
 *
 * It follows "Setting up trusted identity propagation with Amazon Redshift Query Editor V2" (AWS IAM
 * Identity Center User Guide, setting-up-tip-redshift.html) and "Setting up AWS IAM Identity Center
 * integration with Amazon Redshift" (Amazon Redshift Management Guide,
 * redshift-iam-access-control-idp-connect-console.html):
 *
 * - trust: `redshift.amazonaws.com` and `redshift-serverless.amazonaws.com`, with `sts:AssumeRole`
 *   and `sts:SetContext`, in one statement;
 * - `sso:DescribeInstance` on the named instance only, and `sso:DescribeApplication` on its
 *   applications (`applicationArns`, or every application of the instance in this account);
 * - `redshift-serverless:GetWorkgroup` on the workgroups of this stack's account and Region (the
 *   guide allows `*`);
 * - `redshift:DescribeQev2IdcApplications`, `redshift-serverless:ListNamespaces` and
 *   `redshift-serverless:ListWorkgroups` on `*`: IAM authorizes them on no resource type.
 *
 * @example
 * import { CfnResource } from 'aws-cdk-lib';
 * import { RedshiftIdcApplicationRole } from 'cdk-redshift-iam';
 *
 * const idcRole = new RedshiftIdcApplicationRole(this, 'IdcRole', {
 *   identityCenterInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
 * });
 * new CfnResource(this, 'IdcApplication', {
 *   type: 'AWS::Redshift::RedshiftIdcApplication',
 *   properties: {
 *     IdcInstanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
 *     IdcDisplayName: 'RedshiftAnalytics',
 *     RedshiftIdcApplicationName: 'redshift-analytics',
 *     IamRoleArn: idcRole.roleArn,
 *   },
 * });
 */
export class RedshiftIdcApplicationRole extends iam.Role {
  /** The Identity Center instance the role may read. */
  public readonly identityCenterInstanceArn: string;

  constructor(scope: Construct, id: string, props: RedshiftIdcApplicationRoleProps) {
    requireOptions('RedshiftIdcApplicationRole', props, ['identityCenterInstanceArn']);
    const instance = parseInstanceArn('identityCenterInstanceArn', props.identityCenterInstanceArn);
    if (props.applicationArns !== undefined) {
      validateList('applicationArns', props.applicationArns, {
        what: 'Identity Center application ARN',
        omit: 'for every application of the instance',
        each: (prop, arn) => validateApplicationArn(prop, arn, instance?.instanceId),
      });
    }
    const stack = Stack.of(scope);
    const wildcards = new Map<string, string>();
    const applications = props.applicationArns ?? [allApplications(stack, props.identityCenterInstanceArn, instance?.instanceId)];
    if (props.applicationArns === undefined) {
      wildcards.set(applications[0], 'cdk-redshift-iam: the applications of one IAM Identity Center instance in this account; '
        + "'*' stands for the application Redshift creates, whose ID is not known before it exists (set applicationArns to name it)");
    }
    const workgroups = stack.formatArn({ service: 'redshift-serverless', resource: 'workgroup', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    wildcards.set(workgroups, "cdk-redshift-iam: redshift-serverless:GetWorkgroup on the workgroups of this account and Region; '*' stands for the workgroup IDs, "
      + 'which Redshift Serverless assigns (the guide allows every resource)');
    wildcards.set('*', `cdk-redshift-iam: IAM authorizes ${UNSCOPED_ACTIONS.join(', ')} on no resource type, so '*' is the only resource possible`);

    super(scope, id, {
      assumedBy: new IdentityCenterTrustPrincipal(),
      roleName: checkRoleName(props.roleName),
      description: 'The role of an Amazon Redshift IAM Identity Center application (cdk-redshift-iam)',
      // Inline, so that the permissions exist as soon as the role does (CreateRedshiftIdcApplication
      // names the role, not a separate policy).
      inlinePolicies: {
        IdentityCenterAccess: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: UNSCOPED_ACTIONS, resources: ['*'] }),
            new iam.PolicyStatement({ actions: ['redshift-serverless:GetWorkgroup'], resources: [workgroups] }),
            new iam.PolicyStatement({ actions: ['sso:DescribeInstance'], resources: [props.identityCenterInstanceArn] }),
            new iam.PolicyStatement({ actions: ['sso:DescribeApplication'], resources: applications }),
          ],
        }),
      },
    });
    this.identityCenterInstanceArn = props.identityCenterInstanceArn;

    // cdk-nag reports the inline policy's wildcards on the CfnRole; acknowledged there (not on this
    // construct, whose DefaultPolicy child holds what else the role is granted, which stays reported),
    // at validation, after cross-stack references are settled and before cdk-nag runs.
    const cfnRole = this.node.defaultChild as iam.CfnRole;
    this.node.addValidation({
      validate: () => {
        for (const [resource, reason] of wildcards) {
          acknowledgeNagFinding(cfnRole, `AwsSolutions-IAM5[Resource::${nagResourceText(cfnRole, resource)}]`, reason);
        }
        return [];
      },
    });
  }
}

/** `arn:PARTITION:sso::ACCOUNT:application/INSTANCE-ID/*`, as the guide writes it. */
function allApplications(stack: Stack, instanceArn: string, instanceId: string | undefined): string {
  // A Token instance ARN: its ID is what follows 'instance/'.
  const id = instanceId ?? stack.splitArn(instanceArn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
  return stack.formatArn({ service: 'sso', region: '', resource: 'application', resourceName: `${id}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
}
