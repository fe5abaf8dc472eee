import { aws_iam as iam, Arn, ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import { GrantTarget } from './grant-target';
import { warn } from '../private/acknowledgements';
import { parseArn } from '../private/arns';
import { isUnresolved, requireOptions, validateAccount, validateList, validateRegion } from '../private/validation';

/**
 * Apache Iceberg tables in Amazon S3 Tables, read (and written) by Redshift through the
 * `s3tablescatalog` federated catalog of the AWS Glue Data Catalog.
 *
 * Sources, for every rule below:
 * - "Query Amazon S3 Tables from Amazon Redshift", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/querying-s3Tables.html
 * - "Prerequisites" (S3 Tables integration), AWS Glue Developer Guide,
 *   https://docs.aws.amazon.com/glue/latest/dg/s3tables-catalog-prerequisites.html
 * - "Integrating with Amazon S3 Tables", AWS Glue Developer Guide,
 *   https://docs.aws.amazon.com/glue/latest/dg/glue-federation-s3tables.html
 * - "Writing to Apache Iceberg tables" and its "SQL commands", Amazon Redshift Database Developer Guide,
 *   https://docs.aws.amazon.com/redshift/latest/dg/iceberg-writes.html
 *   https://docs.aws.amazon.com/redshift/latest/dg/iceberg-writes-sql-syntax.html
 * - "Granting access with SQL semantics", Amazon S3 User Guide,
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-sql.html
 * - "Amazon S3 table bucket, table, and namespace naming rules", Amazon S3 User Guide,
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-buckets-naming.html
 * - "Actions, resources, and condition keys" for AWS Glue and for Amazon S3 Tables, Service
 *   Authorization Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsglue.html
 *   and https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3tables.html
 */

/**
 * The Amazon S3 table bucket, namespaces and tables a role reads (and writes) through the
 * `s3tablescatalog` federated catalog.
 */
export interface S3TablesAccessOptions {
  /**
   * The ARN of the table bucket, `arn:aws:s3tables:REGION:ACCOUNT:bucket/NAME` (for example
   * `CfnTableBucket.attrTableBucketArn`); its Region and account are those of the federated catalog
   * (CREATE EXTERNAL SCHEMA ... CATALOG_ID 'ACCOUNT:s3tablescatalog/NAME').
   */
  readonly tableBucketArn: string;

  /**
   * Only these namespaces (the databases of the federated catalog), each with all its tables.
   *
   * @default - every namespace of the table bucket, unless `tables` names tables
   */
  readonly namespaces?: string[];

  /**
   * Only these tables, each written `namespace.table` (S3 Tables names hold no dots), in addition
   * to every table of `namespaces`.
   *
   * @default - every table of the namespaces in scope
   */
  readonly tables?: string[];

  /**
   * AWS Lake Formation governs the `s3tablescatalog` catalog: allow `lakeformation:GetDataAccess`
   * and leave out the `s3tables:` actions, because Lake Formation vends the table data credentials
   * (grant the tables to the role in Lake Formation).
   *
   * @default false - IAM access control: the `s3tables:` actions on the bucket and its tables
   */
  readonly lakeFormation?: boolean;

  /**
   * Also allow the Iceberg writes of Amazon Redshift on these tables: INSERT, UPDATE, DELETE and
   * MERGE, and CREATE TABLE ... USING ICEBERG (with AS SELECT) in the namespaces in scope.
   *
   * DROP TABLE is not granted.
   *
   * @default false - read only
   */
  readonly writable?: boolean;
}

/** "naming rules": table buckets. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const BUCKET_RULE = 'an S3 table bucket ARN, arn:aws:s3tables:REGION:ACCOUNT:bucket/NAME, whose name is 3 to 63 lowercase letters, digits '
  + 'and hyphens, beginning and ending with a letter or digit';
/** "naming rules": tables and namespaces. */
const NAME = /^[a-z0-9]([a-z0-9_]{0,253}[a-z0-9])?$/;
const NAME_RULE = '1 to 255 lowercase letters, digits and underscores, beginning and ending with a letter or digit';

/** What Glue reads of the federated catalog ("Query Amazon S3 Tables from Amazon Redshift", Step 1). */
const GLUE_READ = ['glue:GetCatalog', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:GetTable', 'glue:GetTables'];
/** The table actions of SELECT ("Granting access with SQL semantics"), and GetTable of the Glue prerequisites. */
const TABLE_READ = ['s3tables:GetTable', 's3tables:GetTableMetadataLocation', 's3tables:GetTableData'];
/** INSERT, UPDATE, DELETE (rows) ("Granting access with SQL semantics"). */
const TABLE_WRITE = ['s3tables:PutTableData', 's3tables:UpdateTableMetadataLocation'];

interface Scope {
  /** Namespaces granted whole. */
  readonly namespaces: string[];
  /** Tables granted one by one, by namespace. */
  readonly tables: Map<string, string[]>;
  /** The whole bucket (neither list given). */
  readonly everything: boolean;
}

function checkNamespace(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!NAME.test(value)) {
    throw new Error(`\`${prop}\` must be S3 Tables namespace names of ${NAME_RULE}, got: '${value}'`);
  }
}

function checkTable(prop: string, value: string): void {
  if (isUnresolved(value)) return;
  const parts = value.split('.');
  if (parts.length !== 2 || !parts.every((part) => NAME.test(part))) {
    throw new Error(`\`${prop}\` must name each table with its namespace, namespace.table, where both are S3 Tables names of ${NAME_RULE} `
      + `(so no dots), got: '${value}'`);
  }
}

function scopeOf(options: S3TablesAccessOptions): Scope {
  if (options.namespaces !== undefined) {
    validateList('namespaces', options.namespaces, { what: 'namespace', omit: 'to grant every namespace of the table bucket', each: checkNamespace });
  }
  if (options.tables !== undefined) {
    validateList('tables', options.tables, { what: 'table', omit: 'to grant whole namespaces (or, without `namespaces`, the whole table bucket)', each: checkTable });
  }
  const namespaces = options.namespaces ?? [];
  const tables = new Map<string, string[]>();
  for (const qualified of options.tables ?? []) {
    // A Token is split where it resolves, by CloudFormation.
    const [namespace, table] = isUnresolved(qualified)
      ? [Fn.select(0, Fn.split('.', qualified)), Fn.select(1, Fn.split('.', qualified))]
      : qualified.split('.');
    if (namespaces.includes(namespace)) {
      throw new Error(`\`tables\` lists '${qualified}', a table of the namespace '${namespace}', which \`namespaces\` grants whole: `
        + 'list the table or its namespace, not both');
    }
    tables.set(namespace, [...tables.get(namespace) ?? [], table]);
  }
  return { namespaces, tables, everything: options.namespaces === undefined && options.tables === undefined };
}

/**
 * Apache Iceberg in Amazon S3 Tables through the `s3tablescatalog` federated catalog: the Glue
 * Data Catalog reads on the catalog, namespaces and tables in scope, the `s3tables:` reads on that
 * bucket and those tables (or `lakeformation:GetDataAccess`), and the writes when asked.
 */
export function allowS3Tables(target: GrantTarget, options: S3TablesAccessOptions): iam.Grant {
  requireOptions('allowS3Tables', options, ['tableBucketArn']);
  const bucketArn = options.tableBucketArn;
  if (!isUnresolved(bucketArn)) {
    const literal = parseArn(bucketArn);
    if (literal?.service !== 's3tables' || literal.resource !== 'bucket' || !BUCKET_NAME.test(literal.resourceName ?? '')) {
      throw new Error(`\`tableBucketArn\` must be ${BUCKET_RULE}, got: '${bucketArn}'`);
    }
    validateRegion('tableBucketArn region', literal.region!);
    validateAccount('tableBucketArn account', literal.account!);
    const roleAccount = Stack.of(target.role).account;
    if (!Token.isUnresolved(roleAccount) && literal.account !== roleAccount) {
      warn(target.role, 'cdk-redshift-iam:crossAccountGrant',
        `\`allowS3Tables\`: the table bucket '${bucketArn}' belongs to account ${literal.account}, the role to account ${roleAccount}: the grant works only if `
        + `the table bucket policy and the Data Catalog resource policy (or AWS Lake Formation) in ${literal.account} also allow this role, or through a role chain into that account (ChainedRole)`);
    }
  }
  const parts = Arn.split(bucketArn, ArnFormat.SLASH_RESOURCE_NAME);
  const scope = scopeOf(options);
  const bucket = parts.resourceName!;
  const reasonScope = scope.everything ? 'every namespace of the table bucket' : 'the namespaces and tables named';

  // The federated catalog's ARNs: "Integrating with Amazon S3 Tables" maps the table bucket to the
  // catalog s3tablescatalog/BUCKET, a namespace to a database, a table to a table; the Glue
  // prerequisites write them database/s3tablescatalog/*/* and table/s3tablescatalog/*/*/*. The
  // Service Authorization Reference requires the account's root catalog (arn:...:catalog) for
  // GetCatalog, GetDatabase(s) and GetTable(s) besides their own resources.
  const glue = (resource: string) => Arn.format({
    partition: parts.partition, service: 'glue', region: parts.region, account: parts.account, resource, arnFormat: ArnFormat.NO_RESOURCE_NAME,
  });
  const wildcard = (arn: string, what: string) => {
    target.scopedWildcard(arn, `cdk-redshift-iam: Redshift reads ${what} of the S3 table bucket '${isUnresolved(bucket) ? '(a Token)' : bucket}' `
      + `through the s3tablescatalog federated catalog; '*' stands for the names in ${reasonScope}, which the catalog owns`);
    return arn;
  };
  const catalogs = [glue('catalog'), glue('catalog/s3tablescatalog'), glue(`catalog/s3tablescatalog/${bucket}`)];
  const inScope = [...scope.namespaces, ...scope.tables.keys()];
  const databases = scope.everything
    ? [wildcard(glue(`database/s3tablescatalog/${bucket}/*`), 'the namespaces')]
    : inScope.map((ns) => glue(`database/s3tablescatalog/${bucket}/${ns}`));
  const glueTables = scope.everything
    ? [wildcard(glue(`table/s3tablescatalog/${bucket}/*/*`), 'the tables')]
    : [
      ...scope.namespaces.map((ns) => wildcard(glue(`table/s3tablescatalog/${bucket}/${ns}/*`), `the tables of the namespace '${ns}'`)),
      ...[...scope.tables].flatMap(([ns, tables]) => tables.map((t) => glue(`table/s3tablescatalog/${bucket}/${ns}/${t}`))),
    ];
  let grant = target.grant({ actions: GLUE_READ, resourceArns: [...catalogs, ...databases, ...glueTables] });
  if (options.writable) {
    // "Writing to Apache Iceberg tables": Iceberg tables written by Redshift are registered with
    // the AWS Glue Data Catalog, so INSERT, UPDATE, DELETE and MERGE commit through UpdateTable,
    // and CREATE TABLE ... USING ICEBERG (the "SQL commands" page, three-part notation
    // "BUCKET@s3tablescatalog".namespace.table) creates the table through CreateTable.
    grant = grant.combine(target.grant({
      actions: ['glue:CreateTable', 'glue:UpdateTable'],
      resourceArns: [...catalogs, ...databases, ...glueTables],
    }));
  }

  if (options.lakeFormation) {
    // "Integrating with Amazon S3 Tables": with Lake Formation access control, "S3 Tables IAM
    // permissions are not required for the principal, as AWS Lake Formation vends credentials on
    // behalf of the principal"; lakeformation:GetDataAccess has no resource type, so '*'.
    return grant.combine(target.grant({ actions: ['lakeformation:GetDataAccess'], resourceArns: ['*'] }));
  }

  // IAM access control. Table ARNs end in the table's ID, not its name (Service Authorization
  // Reference: bucket/${TableBucketName}/table/${TableID}), so the names are chosen with the
  // s3tables:namespace and s3tables:tableName condition keys, where an action has them.
  const tablesArn = wildcard(`${bucketArn}/table/*`, 'the tables (whose ARNs end in table IDs)');
  const namespaceCondition = (namespaces: string[]) => ({ StringEquals: { 's3tables:namespace': namespaces } });
  // GetTableBucket and ListNamespaces have no namespace key: they read the bucket and the names of its namespaces.
  grant = grant.combine(target.grant({
    actions: ['s3tables:GetTableBucket', 's3tables:ListNamespaces'], resourceArns: [bucketArn],
  }));
  const bucketActions = ['s3tables:GetNamespace', 's3tables:ListTables', ...options.writable ? ['s3tables:CreateTable'] : []];
  const tableActions = [...TABLE_READ, ...options.writable ? TABLE_WRITE : []];
  if (scope.everything) {
    return grant.combine(target.grant({ actions: bucketActions, resourceArns: [bucketArn] }))
      .combine(target.grant({ actions: tableActions, resourceArns: [tablesArn] }));
  }
  // s3tables:CreateTable has s3tables:namespace but no s3tables:tableName: glue:CreateTable on the
  // named table ARNs is what limits CREATE TABLE to the tables named.
  grant = grant.combine(target.grant({
    actions: bucketActions, resourceArns: [bucketArn], conditions: namespaceCondition(inScope),
  }));
  if (scope.namespaces.length > 0) {
    grant = grant.combine(target.grant({
      actions: tableActions, resourceArns: [tablesArn], conditions: namespaceCondition(scope.namespaces),
    }));
  }
  for (const [namespace, tables] of scope.tables) {
    grant = grant.combine(target.grant({
      actions: tableActions,
      resourceArns: [tablesArn],
      conditions: { StringEquals: { 's3tables:namespace': namespace, 's3tables:tableName': tables } },
    }));
  }
  return grant;
}
