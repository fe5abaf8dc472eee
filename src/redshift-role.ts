import {
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_kinesis as kinesis,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_secretsmanager as secretsmanager,
  PhysicalName,
  Stack,
} from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { AssumeRoleGrantOptions, renderAssumeRoleGrant } from './assume-role-grant';
import { DatabaseUser } from './database-user';
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
import { adviseUserName, adviseUserRegion } from './private/advice';
import { arnInPolicy, registerNameBasedArn } from './private/arn-in-policy';
import { databaseUserArnIn, databaseUserKey, databaseUserRegion } from './private/database-user-keys';
import { firstRepeat } from './private/duplicates';
import { checkManagedPolicyCount } from './private/limits';
import { PolicyPacker } from './private/policy-packer';
import { literalRoleArn, nameBasedRoleArn } from './private/role-arn';
import { checkRoleName } from './private/role-name';
import { checkTrustLists, checkUserRegion, trustPolicySizeErrors, TrustPrincipal } from './private/trust';
import { isUnresolved, validateExternalId } from './private/validation';
import { RedshiftRoleBaseProps } from './redshift-role-props';

/**
 * The base of every IAM role this library creates for Redshift: a complete `iam.Role` whose
 * trust can be restricted to database users, and whose `allow*` methods grant exactly what one
 * Redshift command needs on named resources.
 *
 * Statements are merged and, when a role collects more than IAM's inline-policy quota holds,
 * overflow into generated customer managed policies.
 *
 * Not part of the jsii API (a hidden base class): its members appear on RedshiftServiceRole and
 * ChainedRole, and nothing offers to construct it.
 *
 * @internal
 */
export abstract class RedshiftRoleBase extends iam.Role implements IRedshiftRole {
  private readonly trustPrincipal: TrustPrincipal;
  /**
   * `value`: as given (a database user's ARN may be a Token); `key`: what repeats are compared by;
   * `written`: what the trust holds (the literal ARN in this stack when known, so that nothing is
   * left to resolve for it).
   */
  private readonly externalIdEntries: Array<{ readonly value: string; readonly key: string; readonly written: string }> = [];
  private readonly packer: PolicyPacker;
  private readonly explicitRoleName?: string;
  private readonly rolePath: string;
  private readonly grantTarget: GrantTarget;
  private attachedManagedPolicies: number;

  protected constructor(scope: Construct, id: string, props: RedshiftRoleBaseProps, trustedPrincipals: iam.IPrincipal[]) {
    const trust = new TrustPrincipal(trustedPrincipals);
    super(scope, id, {
      assumedBy: trust,
      roleName: checkRoleName(props.roleName) ?? PhysicalName.GENERATE_IF_NEEDED,
      description: props.description,
      path: props.path,
      maxSessionDuration: props.maxSessionDuration,
      permissionsBoundary: props.permissionsBoundary,
      managedPolicies: checkManagedPolicyCount(props.managedPolicies),
    });
    this.trustPrincipal = trust;
    this.explicitRoleName = props.roleName;
    this.rolePath = props.path ?? '/';
    this.attachedManagedPolicies = props.managedPolicies?.length ?? 0;
    this.packer = new PolicyPacker(this, () => `${this.constructor.name} '${this.node.path}'`, () => this.attachedManagedPolicies);
    registerNameBasedArn(this, () => this.nameBasedArn());
    this.grantTarget = {
      role: this,
      grant: (options) => this.packer.grant(options),
      scopedWildcard: (resource, reason) => this.packer.scopedWildcard(resource, reason),
      // A role of this library with a known name is named by its ARN text, so that a chain across
      // stacks never makes the previous role's stack depend on the next one's.
      arnInPolicy,
      trustService: (service) => trust.trustServiceAlone(service),
    };

    checkTrustLists(props.databaseUsers, props.externalIds);
    for (const user of props.databaseUsers ?? []) this.addDatabaseUser(user);
    for (const externalId of props.externalIds ?? []) this.addExternalId(externalId);

    this.node.addValidation({
      validate: () => trustPolicySizeErrors(this, this.externalIdEntries.length,
        trust.sizeBound(this.externalIdEntries.map((e) => e.written))),
    });
  }

  /**
   * Lets `user` use this role: adds its ARN to the trust statement's `sts:ExternalId` condition.
   *
   * The first user (or external ID) turns the role from "every database user" into "only the
   * listed ones".
   */
  public addDatabaseUser(user: DatabaseUser): void {
    const key = databaseUserKey(user);
    // The ARN as written in this role's stack: `inCluster('c', 'u')` and the `fromArn` of the same
    // ARN are one user when the stack's Region and account are known.
    const literal = databaseUserArnIn(user, Stack.of(this));
    this.addExternalIdValue(user.arn, `user:${key}`, 'databaseUsers', literal);
    if (literal !== undefined) checkUserRegion(literal, this.trustPrincipal.servicePrincipals(), this.node.path);
    adviseUserName(this, 'databaseUsers', key.slice(key.lastIndexOf('/') + 1));
    adviseUserRegion(this, 'databaseUsers', literal ?? key, databaseUserRegion(user));
  }

  /**
   * Accepts another `sts:ExternalId` value (2 to 1,224 characters of `[\w+=,.@:/-]`).
   */
  public addExternalId(externalId: string): void {
    validateExternalId('externalIds', externalId);
    this.addExternalIdValue(externalId, `id:${externalId}`, 'externalIds', isUnresolved(externalId) ? undefined : externalId);
  }

  /** The database users and external IDs the trust accepts, in order. Empty when unrestricted. */
  public get externalIds(): string[] {
    return this.externalIdEntries.map((e) => e.value);
  }

  /**
   * `IAM_ROLE '<role ARN>'`: the authorization clause of COPY, UNLOAD, CREATE EXTERNAL SCHEMA and
   * CREATE EXTERNAL FUNCTION for this role.
   *
   * The ARN is literal text, ready to paste into SQL, when the role has a name known at synth time
   * (`roleName`; a `ChainedRole` always has one) and the stack a concrete account and Region (the
   * partition follows from the Region, with or without the `@aws-cdk/core:enablePartitionLiterals`
   * feature flag). Otherwise it holds a Token that resolves in the template (put it in a `CfnOutput`).
   */
  public iamRoleClause(): string {
    return `IAM_ROLE '${this.roleArnForSql}'`;
  }

  /**
   * The role's ARN as literal text when it can be known at synth time (a name known at synth
   * time, and a stack with a concrete account and Region), else `roleArn`.
   */
  public get roleArnForSql(): string {
    return literalRoleArn(this, this.explicitRoleName, this.rolePath) ?? this.roleArn;
  }

  /**
   * The role's ARN built from its name, when the name is known at synth time: usable in another
   * stack without a cross-stack reference (so without a dependency on this stack).
   */
  private nameBasedArn(): string | undefined {
    return nameBasedRoleArn(this, this.explicitRoleName, this.rolePath);
  }

  /**
   * COPY from Amazon S3 (and its manifest and JSONPaths files): `s3:ListBucket` limited by an
   * `s3:prefix` condition to the prefix, `s3:GetObject` on the objects under it, and
   * `kms:Decrypt` on the bucket's key when it has one.
   */
  public allowCopyFrom(bucket: s3.IBucket,
    /** @default - the whole bucket */
    options: s3Commands.S3AccessOptions = {}): iam.Grant {
    return s3Commands.allowCopyFrom(this.grantTarget, bucket, options);
  }

  /**
   * CREATE LIBRARY from Amazon S3: LIST and GET under the prefix (+ `kms:Decrypt`).
   */
  public allowCreateLibraryFrom(bucket: s3.IBucket,
    /** @default - the whole bucket */
    options: s3Commands.S3AccessOptions = {}): iam.Grant {
    return s3Commands.allowCreateLibraryFrom(this.grantTarget, bucket, options);
  }

  /**
   * UNLOAD to Amazon S3: GET, LIST and PUT under the prefix.
   *
   * Also `kms:GenerateDataKey` and `kms:Decrypt` on the bucket's key when it has one.
   */
  public allowUnloadTo(bucket: s3.IBucket,
    /** @default - the whole bucket, without `s3:DeleteObject` (no CLEANPATH) */
    options: s3Commands.UnloadAccessOptions = {}): iam.Grant {
    return s3Commands.allowUnloadTo(this.grantTarget, bucket, options);
  }

  /**
   * COPY from Amazon DynamoDB: `dynamodb:Scan` and `dynamodb:DescribeTable` on that table
   * (+ `kms:Decrypt` and `kms:DescribeKey` on its customer managed key).
   */
  public allowCopyFromTable(table: dynamodb.ITable): iam.Grant {
    return copySources.allowCopyFromTable(this.grantTarget, table);
  }

  /**
   * COPY from an Amazon EMR cluster: `elasticmapreduce:ListInstances` on that cluster.
   *
   * @param emrClusterId the EMR cluster ID, e.g. `j-2AXXXXXXGAPLF`
   */
  public allowCopyFromEmrCluster(emrClusterId: string): iam.Grant {
    return copySources.allowCopyFromEmrCluster(this.grantTarget, emrClusterId);
  }

  /**
   * CREATE EXTERNAL FUNCTION: `lambda:InvokeFunction` on that function only.
   */
  public allowInvokeFunction(fn: lambda.IFunction): iam.Grant {
    return externalFunction.allowInvokeFunction(this.grantTarget, fn);
  }

  /**
   * Redshift Spectrum (CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG, and queries of its tables):
   * the AWS Glue Data Catalog actions on the named databases and their tables, and read access to
   * the data locations in S3.
   */
  public allowSpectrum(options: spectrum.SpectrumAccessOptions): iam.Grant {
    return spectrum.allowSpectrum(this.grantTarget, options);
  }

  /** CREATE EXTERNAL SCHEMA ... FROM KINESIS: read the stream, `kinesis:ListStreams`, `kms:Decrypt` on its key. */
  public allowStreamingIngestion(stream: kinesis.IStream): iam.Grant {
    return streaming.allowStreamingIngestion(this.grantTarget, stream);
  }

  /** CREATE EXTERNAL SCHEMA ... FROM MSK AUTHENTICATION iam: connect to the cluster, read its topics. */
  public allowMskIngestion(options: streaming.MskIngestionOptions): iam.Grant {
    return streaming.allowMskIngestion(this.grantTarget, options);
  }

  /** CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL ... SECRET_ARN: read the secret (+ `kms:Decrypt` on its key). */
  public allowFederatedQuery(secret: secretsmanager.ISecret): iam.Grant {
    return federated.allowFederatedQuery(this.grantTarget, secret);
  }

  /**
   * CREATE MODEL (Redshift ML): the staging bucket, the SageMaker jobs, and PassRole of this role to SageMaker.
   *
   * SageMaker joins the role's trust, in a statement of its own.
   */
  public allowCreateModel(options: ml.CreateModelOptions): iam.Grant {
    return ml.allowCreateModel(this.grantTarget, options);
  }

  /** CREATE MODEL ... SAGEMAKER '<endpoint>' (remote inference): `sagemaker:InvokeEndpoint` on that endpoint. */
  public allowInvokeSageMakerEndpoint(endpointName: string): iam.Grant {
    return ml.allowInvokeSageMakerEndpoint(this.grantTarget, endpointName);
  }

  /** CREATE EXTERNAL MODEL ... MODEL_TYPE BEDROCK: `bedrock:InvokeModel` on exactly the named models, profiles and provisioned models. */
  public allowBedrockModels(options: bedrock.BedrockModelsOptions): iam.Grant {
    return bedrock.allowBedrockModels(this.grantTarget, options);
  }

  /** Apache Iceberg tables in Amazon S3 Tables, through the s3tablescatalog federated catalog (read, and write when asked). */
  public allowS3Tables(options: s3Tables.S3TablesAccessOptions): iam.Grant {
    return s3Tables.allowS3Tables(this.grantTarget, options);
  }

  /** `GRANT ASSUMEROLE ON '<role ARN>' TO ... FOR ...;`, naming the role as `iamRoleClause()` does. */
  public assumeRoleGrantSql(options: AssumeRoleGrantOptions): string {
    return renderAssumeRoleGrant(this.roleArnForSql, options);
  }

  /**
   * The hop of a role chain: `sts:AssumeRole` on exactly the next role's ARN.
   */
  public allowAssumeRole(next: iam.IRole): iam.Grant {
    return chaining.allowAssumeRole(this.grantTarget, next);
  }

  /**
   * Adds a statement to this role's access policy. Statements are merged, and overflow beyond
   * IAM's inline quota goes into generated customer managed policies.
   */
  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    const policyDependable: IDependable = this.packer.add(statement);
    return { statementAdded: true, policyDependable };
  }

  /** Attaches a managed policy (counted against IAM's 10 managed policies per role). */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    super.addManagedPolicy(policy);
    this.attachedManagedPolicies++;
  }

  /** The policies that hold this role's statements (an inline policy, then any overflow). */
  public get accessPolicies(): iam.IManagedPolicy[] {
    return this.packer.policies.filter((p): p is iam.ManagedPolicy => p instanceof iam.ManagedPolicy);
  }

  /** `literal`: the value as it will be written, when known now (what repeats are compared by). */
  private addExternalIdValue(value: string, key: string, prop: string, literal: string | undefined): void {
    const entry = { value, key: literal ?? key, written: literal ?? value };
    if (firstRepeat([...this.externalIdEntries, entry], (e) => e.key) !== undefined) {
      throw new Error(`\`${prop}\` lists '${literal ?? key.replace(/^(user|id):/, '')}' more than once (role '${this.node.path}')`);
    }
    this.externalIdEntries.push(entry);
    this.trustPrincipal.setExternalIds(this.externalIdEntries.map((e) => e.written));
  }
}
