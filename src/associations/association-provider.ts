import { aws_iam as iam, aws_logs as logs, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { AssociationFunction } from './association-function';
import { acknowledgeNagFinding, nagResourceText } from '../private/nag';

const PROVIDER_ID = 'CdkRedshiftIamAssociationHandler';


/**
 * The one handler of a stack's role associations: a Lambda function, its role and its log group, and
 * the setting that stops Lambda from retrying an asynchronous invocation (a retried request would
 * start a new clock after CloudFormation's). Four resources, whatever the number of associations.
 *
 * The handler role itself may only write its logs. Each association has an access role of its own
 * that trusts the handler role and holds that association's permissions, and nothing else: removing
 * one association never takes a permission another one needs, and CloudFormation deletes an
 * association's access role only after the association itself (the custom resource depends on it).
 */
export class RoleAssociationProvider extends Construct {
  /** The provider of `scope`'s stack, created on first use. */
  public static of(scope: IConstruct): RoleAssociationProvider {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(PROVIDER_ID) as RoleAssociationProvider | undefined)
      ?? new RoleAssociationProvider(stack, PROVIDER_ID);
  }

  public readonly handler: AssociationFunction;
  public readonly handlerRole: iam.Role;
  /** The last association of each cluster or namespace in this stack (one writer at a time). */
  private readonly lastWriter = new Map<string, CustomResource>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.handlerRole = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'cdk-redshift-iam: the role association handler (it acts through each association\'s access role)',
      inlinePolicies: {
        Logs: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resources: [logGroup.logGroupArn],
          })],
        }),
      },
    });
    this.handler = new AssociationFunction(this, 'Function', {
      role: this.handlerRole,
      logGroup,
      memorySize: 256,
      // The most Lambda allows; the handler keeps 90 seconds in reserve and continues itself.
      timeout: Duration.minutes(15),
      description: 'cdk-redshift-iam: attaches IAM roles to existing Redshift clusters and Serverless namespaces',
    });
    this.handler.configureAsyncInvoke({ retryAttempts: 0 });

    this.node.addValidation({
      validate: () => {
        acknowledgeNagFinding(this.handlerRole, `AwsSolutions-IAM5[Resource::${nagResourceText(this, logGroup.logGroupArn)}]`,
          'cdk-redshift-iam: the log streams of the handler\'s own log group (a log group ARN ends in :*)');
        return [];
      },
    });
  }

  /**
   * Makes `resource` wait for the previous association of the same cluster or namespace in this
   * stack, so that at most one of them changes the target at a time.
   */
  public serialize(targetKey: string, resource: CustomResource): void {
    const previous = this.lastWriter.get(targetKey);
    if (previous) resource.node.addDependency(previous);
    this.lastWriter.set(targetKey, resource);
  }
}
