import {
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_kinesis as kinesis,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
  ArnFormat,
  Resource,
  Stack,
  Token,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AssumeRoleGrantOptions, renderAssumeRoleGrant } from './assume-role-grant';
import * as bedrock from './grants/bedrock';
import * as chaining from './grants/chaining';
import * as copySources from './grants/copy-sources';
import * as externalFunction from './grants/external-function';
import * as federated from './grants/federated';
import { GrantTarget } from './grants/grant-target';
import * as ml from './grants/machine-learning';
import * as s3Commands from './grants/s3-commands';
import * as s3Tables from './grants/s3-tables';
import * as spectrum from './grants/spectrum';
import * as streaming from './grants/streaming';
import { IRedshiftRole } from './i-redshift-role';
import { warn } from './private/acknowledgements';
import { arnInPolicy } from './private/arn-in-policy';
import { PolicyPacker } from './private/policy-packer';
import { literalRoleArn } from './private/role-arn';
import { accountOfRoleArn, isRoleArn } from './private/roles';

/** IAM role names: 1 to 64 of `[\w+=,.@-]` (no path: give the ARN for a role with a path). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * A role that exists already (made in the console, by another stack or tool), with the `allow*`
 * grants of a `RedshiftServiceRole`: the same grant families, through the same GrantTarget, so the
 * same statements, placed by the same PolicyPacker into an `iam.Policy` (`AccessPolicy`, then
 * generated managed policies) attached to the role by name.
 *
 * Not exported: `RedshiftServiceRole.fromExistingRoleArn` / `fromExistingRoleName` return it as an IRedshiftRole.
 */
export class ImportedRedshiftRole extends Resource implements IRedshiftRole {
  /**
   * The role named by `roleArn`. Its account must be the stack's when both are known: the attached
   * policy is created in this stack's account, where IAM would attach it to a role of the same name.
   */
  public static fromArn(scope: Construct, id: string, roleArn: string): ImportedRedshiftRole {
    if (!Token.isUnresolved(roleArn) && !isRoleArn(roleArn)) {
      throw new Error(`\`roleArn\` must be an IAM role ARN such as arn:aws:iam::123456789012:role/RedshiftCopyUnload, got: '${roleArn}'`);
    }
    const stack = Stack.of(scope);
    const account = Token.isUnresolved(roleArn) ? undefined : accountOfRoleArn(roleArn);
    if (account !== undefined && !Token.isUnresolved(stack.account) && account !== stack.account) {
      throw new Error(`\`roleArn\` names a role of account ${account}, but stack '${stack.node.path}' is in account ${stack.account}: `
        + "the grants are an IAM policy this stack creates and attaches to the role, which IAM allows only in the role's own account. "
        + `Define the grants in a stack of account ${account}, or chain a role of this account to it (ChainedRole), got: '${roleArn}'`);
    }
    return new ImportedRedshiftRole(scope, id, roleArn, undefined);
  }

  /** The role `roleName` of the stack's account (no path). */
  public static fromName(scope: Construct, id: string, roleName: string): ImportedRedshiftRole {
    if (!Token.isUnresolved(roleName) && !ROLE_NAME.test(roleName)) {
      throw new Error(`\`roleName\` must be an IAM role name of 1 to 64 letters, digits or _+=,.@- (no path: use fromExistingRoleArn for a role with a path), got: '${roleName}'`);
    }
    const roleArn = Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: roleName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    return new ImportedRedshiftRole(scope, id, roleArn, roleName);
  }

  public readonly grantPrincipal: iam.IPrincipal = this;
  public readonly assumeRoleAction: string = 'sts:AssumeRole';
  public readonly principalAccount?: string;
  public readonly roleArn: string;
  public readonly roleName: string;
  /** The ARN as literal text for SQL when known at synth time, else `roleArn`. */
  public readonly roleArnForSql: string;
  private readonly imported: iam.IRole;
  private readonly packer: PolicyPacker;
  private readonly grantTarget: GrantTarget;

  private constructor(scope: Construct, id: string, roleArn: string, roleName: string | undefined) {
    const account = Token.isUnresolved(roleArn) ? undefined : accountOfRoleArn(roleArn);
    super(scope, id, { account });
    // aws-cdk-lib's own import reads the name (and path) out of the ARN; immutable, so that it never
    // creates a policy of its own: the grants go through this role's packer.
    this.imported = iam.Role.fromRoleArn(this, 'Imported', roleArn, { mutable: false });
    this.roleArn = roleArn;
    this.roleName = this.imported.roleName;
    this.principalAccount = account ?? this.env.account;
    this.roleArnForSql = (roleName !== undefined ? literalRoleArn(this, roleName, '/') : undefined) ?? roleArn;
    this.packer = new PolicyPacker(this, () => `RedshiftServiceRole.fromExistingRoleArn '${this.node.path}' (${roleArn})`);
    this.grantTarget = {
      role: this,
      grant: (options) => this.packer.grant(options),
      scopedWildcard: (resource, reason) => this.packer.scopedWildcard(resource, reason),
      arnInPolicy,
      trustService: (service) => warn(this, 'cdk-redshift-iam:importedRoleTrust',
        `The trust policy of the existing role ${Token.isUnresolved(roleArn) ? this.node.path : roleArn} cannot be changed by this app, and this grant needs `
        + `${service} to assume the role: check that its trust policy lets ${service} call sts:AssumeRole (aws iam get-role --role-name ${this.roleName})`),
    };
  }

  public get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.ArnPrincipal(this.roleArn).policyFragment;
  }

  public get roleRef(): iam.RoleReference {
    return { roleArn: this.roleArn, roleName: this.roleName };
  }

  /** Adds a statement to the role's attached policy (statements are merged and packed as on a new role). */
  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    return { statementAdded: true, policyDependable: this.packer.add(statement) };
  }

  /** Attaches a policy of this app to the role. */
  public attachInlinePolicy(policy: iam.Policy): void {
    policy.attachToRole(this);
  }

  /** Attaches a managed policy of this app to the role (an imported managed policy cannot be: a warning, as aws-cdk-lib's imported roles do). */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    const attachable = policy as Partial<Pick<iam.ManagedPolicy, 'attachToRole'>>;
    if (attachable.attachToRole !== undefined) attachable.attachToRole(this);
    else this.imported.addManagedPolicy(policy);
  }

  public grant(grantee: iam.IPrincipal, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.roleArn] });
  }

  public grantPassRole(grantee: iam.IPrincipal): iam.Grant {
    return this.grant(grantee, 'iam:PassRole');
  }

  public grantAssumeRole(grantee: iam.IPrincipal): iam.Grant {
    return this.grant(grantee, 'sts:AssumeRole');
  }

  public dedupeString(): string | undefined {
    return `ImportedRedshiftRole:${this.roleArn}`;
  }

  public iamRoleClause(): string {
    return `IAM_ROLE '${this.roleArnForSql}'`;
  }

  public assumeRoleGrantSql(options: AssumeRoleGrantOptions): string {
    return renderAssumeRoleGrant(this.roleArnForSql, options);
  }

  public allowCopyFrom(bucket: s3.IBucket, options: s3Commands.S3AccessOptions = {}): iam.Grant {
    return s3Commands.allowCopyFrom(this.grantTarget, bucket, options);
  }

  public allowCreateLibraryFrom(bucket: s3.IBucket, options: s3Commands.S3AccessOptions = {}): iam.Grant {
    return s3Commands.allowCreateLibraryFrom(this.grantTarget, bucket, options);
  }

  public allowUnloadTo(bucket: s3.IBucket, options: s3Commands.UnloadAccessOptions = {}): iam.Grant {
    return s3Commands.allowUnloadTo(this.grantTarget, bucket, options);
  }

  public allowCopyFromTable(table: dynamodb.ITable): iam.Grant {
    return copySources.allowCopyFromTable(this.grantTarget, table);
  }

  public allowCopyFromEmrCluster(emrClusterId: string): iam.Grant {
    return copySources.allowCopyFromEmrCluster(this.grantTarget, emrClusterId);
  }

  public allowInvokeFunction(fn: lambda.IFunction): iam.Grant {
    return externalFunction.allowInvokeFunction(this.grantTarget, fn);
  }

  public allowSpectrum(options: spectrum.SpectrumAccessOptions): iam.Grant {
    return spectrum.allowSpectrum(this.grantTarget, options);
  }

  public allowStreamingIngestion(stream: kinesis.IStream): iam.Grant {
    return streaming.allowStreamingIngestion(this.grantTarget, stream);
  }

  public allowMskIngestion(options: streaming.MskIngestionOptions): iam.Grant {
    return streaming.allowMskIngestion(this.grantTarget, options);
  }

  public allowFederatedQuery(secret: secretsmanager.ISecret): iam.Grant {
    return federated.allowFederatedQuery(this.grantTarget, secret);
  }

  public allowCreateModel(options: ml.CreateModelOptions): iam.Grant {
    return ml.allowCreateModel(this.grantTarget, options);
  }

  public allowInvokeSageMakerEndpoint(endpointName: string): iam.Grant {
    return ml.allowInvokeSageMakerEndpoint(this.grantTarget, endpointName);
  }

  public allowBedrockModels(options: bedrock.BedrockModelsOptions): iam.Grant {
    return bedrock.allowBedrockModels(this.grantTarget, options);
  }

  public allowS3Tables(options: s3Tables.S3TablesAccessOptions): iam.Grant {
    return s3Tables.allowS3Tables(this.grantTarget, options);
  }

  public allowAssumeRole(next: iam.IRole): iam.Grant {
    return chaining.allowAssumeRole(this.grantTarget, next);
  }
}
