import { aws_iam as iam, aws_lambda as lambda, aws_logs as logs, custom_resources as cr, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeNagFinding, nagResourceText } from './nag';
import { PolicyPacker } from './policy-packer';
import { IsCompleteFunction } from '../association-handler/is-complete-function';
import { OnEventFunction } from '../association-handler/on-event-function';

const PROVIDER_ID = 'CdkRedshiftIamRoleAssociationProvider';

/** CloudFormation waits at most one hour for a custom resource. */
export const MAX_WAIT = Duration.minutes(55);

/**
 * The one custom-resource provider of a stack's role associations: the onEvent and isComplete
 * functions, their role and log group, and the CDK Provider framework around them. Every
 * association of the stack adds its own least-privilege statements to the handler role.
 */
export class RoleAssociationProvider extends Construct {
  /** The provider of `scope`'s stack, created on first use. */
  public static of(scope: Construct): RoleAssociationProvider {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(PROVIDER_ID) as RoleAssociationProvider | undefined)
      ?? new RoleAssociationProvider(stack, PROVIDER_ID);
  }

  public readonly serviceToken: string;
  public readonly handlerRole: iam.Role;
  private readonly handlerPolicies: PolicyPacker;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.handlerRole = new iam.Role(this, 'HandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'cdk-redshift-iam: attaches IAM roles to existing Redshift clusters and namespaces',
    });
    // Every association adds statements: merge them, and overflow into managed policies, so that a
    // stack with many associations still deploys.
    this.handlerPolicies = new PolicyPacker(this.handlerRole, () => `The association handler role of stack '${stack.stackName}'`);
    this.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
    // The cleanup of an update asks CloudFormation which physical ID is current (this stack only).
    this.addToHandlerPolicy(new iam.PolicyStatement({
      actions: ['cloudformation:DescribeStackResource'],
      resources: [stack.stackId],
    }));

    const functionProps = {
      role: this.handlerRole,
      logGroup,
      memorySize: 256,
    };
    const onEvent = new OnEventFunction(this, 'OnEvent', {
      ...functionProps,
      description: 'cdk-redshift-iam role association: add/remove roles (onEvent)',
      // A removal is retried for up to 11 minutes while the cluster is busy with another change.
      timeout: Duration.minutes(14),
    });
    const isComplete = new IsCompleteFunction(this, 'IsComplete', {
      ...functionProps,
      description: 'cdk-redshift-iam role association: wait for in-sync (isComplete)',
      timeout: Duration.minutes(2),
    });

    // Two roles, as the framework's onEvent function starts the waiter state machine, which
    // invokes the isComplete/timeout functions: one shared role would make a dependency cycle.
    const frameworkRole = (roleId: string, what: string) => {
      const role = new iam.Role(this, roleId, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `cdk-redshift-iam: the CDK Provider framework's ${what} function(s) of the role associations`,
      });
      logGroup.grantWrite(role);
      return role;
    };

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: Duration.seconds(15),
      totalTimeout: Duration.minutes(60),
      frameworkOnEventRole: frameworkRole('FrameworkOnEventRole', 'onEvent'),
      frameworkCompleteAndTimeoutRole: frameworkRole('FrameworkCompleteRole', 'isComplete and onTimeout'),
      logGroup,
    });
    this.serviceToken = provider.serviceToken;

    this.acknowledgeFrameworkFindings(provider);
    // The framework grants lambda:InvokeFunction on `<function ARN>:*` (every version of exactly
    // that function). The ids hold logical IDs, so they are written at validation time.
    const invoked = [onEvent, isComplete, ...provider.node.findAll().filter((c): c is lambda.Function => c instanceof lambda.Function)];
    this.node.addValidation({
      validate: () => {
        for (const fn of invoked) {
          acknowledgeNagFinding(this, `AwsSolutions-IAM5[Resource::${nagResourceText(this, fn.functionArn)}:*]`,
            'cdk-redshift-iam: the CDK Provider framework invokes exactly this function; the trailing :* covers its versions');
        }
        return [];
      },
    });
  }

  /** Records that `resource` is a deliberately scoped wildcard of the handler's policy (for cdk-nag). */
  public scopedWildcard(resource: string, reason: string): void {
    this.handlerPolicies.scopedWildcard(resource, reason);
  }

  /** Adds a statement to the handler role's policies (merged; overflow into managed policies). */
  public addToHandlerPolicy(statement: iam.PolicyStatement): void {
    this.handlerPolicies.add(statement);
  }

  /**
   * The CDK Provider framework's own parts have cdk-nag findings that are inherent to it; record
   * each with its reason. Our handler's findings (if any) stay visible.
   */
  private acknowledgeFrameworkFindings(provider: cr.Provider): void {
    acknowledgeNagFinding(provider, 'AwsSolutions-L1',
      'cdk-redshift-iam: the CDK Provider framework functions use the runtime aws-cdk-lib chooses (determineLatestNodeRuntime, nodejs22.x); the association handlers use the newest Node.js runtime');
    acknowledgeNagFinding(provider, 'AwsSolutions-SF1',
      'cdk-redshift-iam: the Provider framework waiter state machine only polls isComplete; the handlers log every step to their log group');
    acknowledgeNagFinding(provider, 'AwsSolutions-SF2',
      'cdk-redshift-iam: the Provider framework waiter state machine is internal plumbing with no X-Ray option in aws-cdk-lib');
  }
}
