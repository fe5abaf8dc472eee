import { aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RedshiftPermissions } from '../../src';
import { decide, envOf, materialize, PolicyDoc, roleMay, roleView } from '../helpers/iam';
import { checkPolicy } from '../helpers/policy-gate';
import { ACCOUNT, newStack, OTHER_ACCOUNT, synth } from '../helpers/synth';

const INTEGRATION = `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;
const OTHER_INTEGRATION = `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d`;
const TABLE = `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/orders`;
const EXPORT = `${TABLE}/export/01700000000000-a1b2c3d4`;
const NAMESPACE = `arn:aws:redshift:us-west-2:${ACCOUNT}:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433`;
const SERVERLESS_NAMESPACE = `arn:aws:redshift-serverless:us-west-2:${ACCOUNT}:namespace/cc4ffe56-ad2c-4fd1-a5a2-f29124a56433`;
const AURORA = `arn:aws:rds:us-west-2:${ACCOUNT}:cluster:orders-db`;
const fromIntegration = (arn = INTEGRATION, account = ACCOUNT) => ({ 'aws:SourceArn': arn, 'aws:SourceAccount': account });

const ordersTable = (stack: Stack, props: Partial<dynamodb.TableProps> = {}) => new dynamodb.Table(stack, 'Orders', {
  tableName: 'orders',
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  ...props,
});

/** The table's resource policy as DynamoDB would hold it. */
function tablePolicy(stack: Stack, template: Template): PolicyDoc {
  const [table] = Object.values<any>(template.findResources('AWS::DynamoDB::Table'));
  return materialize(template.toJSON(), table.Properties.ResourcePolicy.PolicyDocument, envOf(stack));
}

const redshiftDecides = (policy: PolicyDoc, action: string, resource: string, context: Record<string, string>, principal = 'redshift.amazonaws.com') =>
  decide({ principal, action, resource, resourcePolicy: policy, context });

describe('RedshiftPermissions.dynamoDbIntegrationSource', () => {
  test('a named table: ExportTableToPointInTime and DescribeTable on it, DescribeExport on its exports, for Redshift integrations of the account', async () => {
    // GIVEN
    const stack = newStack();
    const table = ordersTable(stack);
    // WHEN
    const result = RedshiftPermissions.dynamoDbIntegrationSource(table);
    // THEN
    expect(result.statementAdded).toBe(true);
    const template = synth(stack);
    const conditions = {
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:*` },
    };
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ResourcePolicy: {
        PolicyDocument: {
          Statement: [
            { Sid: 'RedshiftZeroEtlExportTable', Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: ['dynamodb:ExportTableToPointInTime', 'dynamodb:DescribeTable'], Resource: TABLE, Condition: conditions },
            { Sid: 'RedshiftZeroEtlDescribeExport', Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'dynamodb:DescribeExport', Resource: `${TABLE}/export/*`, Condition: conditions },
          ],
        },
      },
    });
    const policy = tablePolicy(stack, template);
    expect(await checkPolicy(policy, 'resource', TABLE)).toEqual([]);
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration())).toBe('Allowed');
    expect(await redshiftDecides(policy, 'dynamodb:DescribeTable', TABLE, fromIntegration())).toBe('Allowed');
    expect(await redshiftDecides(policy, 'dynamodb:DescribeExport', EXPORT, fromIntegration())).toBe('Allowed');
    // neighbours: another account's integration, a Glue integration, no source, another service, reads of the items, another table's export
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration(INTEGRATION.replace(ACCOUNT, OTHER_ACCOUNT), OTHER_ACCOUNT))).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration(`arn:aws:glue:us-west-2:${ACCOUNT}:integration:0f1e2d3c`))).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, {})).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration(), 'glue.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:Scan', TABLE, fromIntegration())).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:GetItem', TABLE, fromIntegration())).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'dynamodb:DescribeExport', `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/payroll/export/01700000000000-a1b2c3d4`, fromIntegration())).toBe('ImplicitlyDenied');
  });

  test('integrationArns: only those integrations (aws:SourceArn ArnEquals, aws:SourceAccount of their account)', async () => {
    const stack = newStack();
    RedshiftPermissions.dynamoDbIntegrationSource(ordersTable(stack), { integrationArns: [INTEGRATION] });
    const template = synth(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ResourcePolicy: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnEquals: { 'aws:SourceArn': INTEGRATION } } })]) } },
    });
    const policy = tablePolicy(stack, template);
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration())).toBe('Allowed');
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', TABLE, fromIntegration(OTHER_INTEGRATION))).toBe('ImplicitlyDenied');
  });

  test('a table without a name (its policy cannot name its own ARN: `*`, this table), and a TableV2', async () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Unnamed', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    RedshiftPermissions.dynamoDbIntegrationSource(table);
    const template = synth(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      ResourcePolicy: { PolicyDocument: { Statement: [Match.objectLike({ Resource: '*' }), Match.objectLike({ Resource: '*' })] } },
    });
    const policy = tablePolicy(stack, template);
    const self = materialize(template.toJSON(), { 'Fn::GetAtt': [stack.getLogicalId(table.node.defaultChild as dynamodb.CfnTable), 'Arn'] }, envOf(stack));
    // In a table's resource policy `*` is that table and its exports: the gate models `*` as one ARN, so each statement is gated with its own
    const [exportTable, describeExport] = policy.Statement;
    expect(await checkPolicy({ ...policy, Statement: [exportTable] }, 'resource', self)).toEqual([]);
    expect(await checkPolicy({ ...policy, Statement: [describeExport] }, 'resource', `${self}/export/*`)).toEqual([]);
    expect(await redshiftDecides(policy, 'dynamodb:ExportTableToPointInTime', self, fromIntegration())).toBe('Allowed');
    expect(await redshiftDecides(policy, 'dynamodb:DescribeExport', `${self}/export/01700000000000-a1b2c3d4`, fromIntegration())).toBe('Allowed');
    expect(await redshiftDecides(policy, 'dynamodb:DescribeExport', `${self}/export/01700000000000-a1b2c3d4`, {})).toBe('ImplicitlyDenied');

    const v2 = newStack();
    RedshiftPermissions.dynamoDbIntegrationSource(new dynamodb.TableV2(v2, 'Global', { tableName: 'orders', partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }));
    synth(v2).hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ ResourcePolicy: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Resource: TABLE })]) } } })],
    });
  });

  test('an imported table: an error that prints the statements to place where the table is defined', () => {
    const stack = newStack();
    const table = dynamodb.Table.fromTableName(stack, 'Imported', 'orders');
    expect(() => RedshiftPermissions.dynamoDbIntegrationSource(table)).toThrow(/^`dynamoDbIntegrationSource` cannot add to the resource policy of table 'TestStack\/Imported': the table is imported \(or is no Table \/ TableV2\), so this app does not own its resource policy\. Add these statements to its policy where it is defined:\n\[/);
    try { RedshiftPermissions.dynamoDbIntegrationSource(table); } catch (e) {
      const printed = JSON.parse((e as Error).message.slice((e as Error).message.indexOf('\n') + 1));
      expect(printed.map((s: any) => s.Sid)).toEqual(['RedshiftZeroEtlExportTable', 'RedshiftZeroEtlDescribeExport']);
      expect(printed[1].Resource).toBe(`${TABLE}/export/*`);
    }
  });
});

describe('RedshiftPermissions.integrationKeyPolicy', () => {
  test('kms:Decrypt and kms:CreateGrant for Redshift, for the integrations of the account', async () => {
    // GIVEN
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    // WHEN
    expect(RedshiftPermissions.integrationKeyPolicy(key).statementAdded).toBe(true);
    // THEN
    const template = synth(stack);
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'RedshiftZeroEtlKey',
          Effect: 'Allow',
          Principal: { Service: 'redshift.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:CreateGrant'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:*` } },
        }]),
      },
    });
    const json = template.toJSON();
    const keyArn = materialize(json, { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] }, envOf(stack));
    const policy = materialize(json, json.Resources.Key961B73FD.Properties.KeyPolicy, envOf(stack));
    for (const action of ['kms:Decrypt', 'kms:CreateGrant']) {
      expect(await redshiftDecides(policy, action, keyArn, fromIntegration())).toBe('Allowed');
    }
    // neighbours: another account's integrations, no source, another service, encrypting, scheduling the key's deletion
    expect(await redshiftDecides(policy, 'kms:Decrypt', keyArn, fromIntegration(INTEGRATION.replace(ACCOUNT, OTHER_ACCOUNT), OTHER_ACCOUNT))).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'kms:Decrypt', keyArn, {})).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'kms:Decrypt', keyArn, fromIntegration(), 'dynamodb.amazonaws.com')).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'kms:Encrypt', keyArn, fromIntegration())).toBe('ImplicitlyDenied');
    expect(await redshiftDecides(policy, 'kms:ScheduleKeyDeletion', keyArn, fromIntegration())).toBe('ImplicitlyDenied');
  });

  test('an imported key: an error that prints the statement', () => {
    const stack = newStack();
    const key = kms.Key.fromKeyArn(stack, 'Imported', `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
    expect(() => RedshiftPermissions.integrationKeyPolicy(key, { integrationArns: [INTEGRATION] })).toThrow(
      "`integrationKeyPolicy` cannot add to the key policy of key 'TestStack/Imported': the key is imported (or an alias known by its name), so this app does not own its key policy. "
      + 'Add these statements to its policy where it is defined:\n[\n  {\n    "Action": [\n      "kms:Decrypt",\n      "kms:CreateGrant"\n    ],');
  });
});

describe('RedshiftPermissions.createIntegrations', () => {
  function setup() {
    const stack = newStack();
    const creator = new iam.Role(stack, 'Creator', { assumedBy: new iam.AccountRootPrincipal(), roleName: 'Creator' });
    return { stack, creator };
  }

  test('an Aurora source and a DynamoDB source into a cluster: the guides\' least-privilege statements', async () => {
    // GIVEN
    const { stack, creator } = setup();
    // WHEN
    RedshiftPermissions.createIntegrations(creator, { sources: [AURORA, TABLE], targetArns: [NAMESPACE] });
    // THEN
    const template = synth(stack);
    const rdsIntegrations = `arn:aws:rds:us-west-2:${ACCOUNT}:integration:*`;
    const redshiftIntegrations = `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:*`;
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'rds:CreateIntegration', Resource: [AURORA, rdsIntegrations] },
          { Effect: 'Allow', Action: ['rds:DescribeIntegrations', 'rds:DeleteIntegration', 'rds:ModifyIntegration'], Resource: rdsIntegrations },
          {
            Effect: 'Allow',
            Action: 'redshift:CreateIntegration',
            Resource: redshiftIntegrations,
            Condition: { StringEquals: { 'redshift:IntegrationSourceArn': TABLE, 'redshift:IntegrationTargetArn': NAMESPACE } },
          },
          { Effect: 'Allow', Action: ['redshift:DescribeIntegrations', 'redshift:DeleteIntegration', 'redshift:ModifyIntegration'], Resource: redshiftIntegrations },
          { Effect: 'Allow', Action: 'redshift:CreateInboundIntegration', Resource: NAMESPACE },
        ],
      },
    });
    const view = roleView(creator, template);
    const newRdsIntegration = `arn:aws:rds:us-west-2:${ACCOUNT}:integration:a1b2c3d4-0000-1111-2222-333344445555`;
    const newIntegration = `arn:aws:redshift:us-west-2:${ACCOUNT}:integration:a1b2c3d4-0000-1111-2222-333344445555`;
    const toTarget = { 'redshift:IntegrationSourceArn': TABLE, 'redshift:IntegrationTargetArn': NAMESPACE };
    expect(await roleMay(view, 'rds:CreateIntegration', AURORA)).toBe('Allowed');
    expect(await roleMay(view, 'rds:CreateIntegration', newRdsIntegration)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:CreateIntegration', newIntegration, toTarget)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:CreateInboundIntegration', NAMESPACE)).toBe('Allowed');
    expect(await roleMay(view, 'redshift:DeleteIntegration', newIntegration)).toBe('Allowed');
    // neighbours: another database, another table as source, another target, no conditions, another namespace
    expect(await roleMay(view, 'rds:CreateIntegration', `arn:aws:rds:us-west-2:${ACCOUNT}:cluster:payroll-db`)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateIntegration', newIntegration, { ...toTarget, 'redshift:IntegrationSourceArn': `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/payroll` })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateIntegration', newIntegration, { ...toTarget, 'redshift:IntegrationTargetArn': NAMESPACE.replace('cc4ffe56', 'dd5aaf67') })).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateIntegration', newIntegration)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:CreateInboundIntegration', NAMESPACE.replace('cc4ffe56', 'dd5aaf67'))).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:AuthorizeInboundIntegration', NAMESPACE)).toBe('ImplicitlyDenied');
    expect(await roleMay(view, 'redshift:DeleteCluster', `arn:aws:redshift:us-west-2:${ACCOUNT}:cluster:analytics`)).toBe('ImplicitlyDenied');
  });

  test('cdk-nag: the integration:* of each family is acknowledged on the creator\'s policy, with its reason', () => {
    const { stack, creator } = setup();
    RedshiftPermissions.createIntegrations(creator, { sources: [AURORA, 'arn:aws:s3:::incoming-data'], targetArns: [NAMESPACE] });
    synth(stack);
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  test('a Serverless target: redshift:CreateInboundIntegration on its own namespace ARN, as the zero-ETL guides write it', async () => {
    // "Configure authorization for your Amazon Redshift data warehouse" (zero-etl-using.redshift-iam.html) and the Aurora and
    // RDS guides' "Sample policy for Redshift target" (zero-etl.creating.html) name a Serverless target by
    // arn:aws:redshift-serverless:REGION:ACCOUNT:namespace/UUID. The Service Authorization Reference (the data of the policy
    // gate and of iam-simulate) lists only the cluster form for this action: the gate flags it and the simulator refuses it.
    // When that data learns the Serverless form, these two assertions fail: prove the grant with roleMay then.
    const { stack, creator } = setup();
    RedshiftPermissions.createIntegrations(creator, { sources: [TABLE], targetArns: [SERVERLESS_NAMESPACE] });
    const template = Template.fromStack(stack); // not synth(): the policy gate would fail the test on the finding below
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'redshift:CreateIntegration', Condition: { StringEquals: { 'redshift:IntegrationSourceArn': TABLE, 'redshift:IntegrationTargetArn': SERVERLESS_NAMESPACE } } }),
          { Effect: 'Allow', Action: 'redshift:CreateInboundIntegration', Resource: SERVERLESS_NAMESPACE },
        ]),
      },
    });
    // no cluster-form twin is added: the guides name the Serverless namespace by its own ARN only
    const [policy] = Object.values<any>(template.findResources('AWS::IAM::Policy'));
    const inbound = policy.Properties.PolicyDocument.Statement.filter((st: any) => st.Action === 'redshift:CreateInboundIntegration');
    expect(inbound).toEqual([{ Effect: 'Allow', Action: 'redshift:CreateInboundIntegration', Resource: SERVERLESS_NAMESPACE }]);
    const findings = await checkPolicy(materialize(template.toJSON(), policy.Properties.PolicyDocument, envOf(stack)), 'identity');
    expect(findings.map((f) => f.rule)).toEqual(['resource-mismatch', 'action-without-resource']);
    for (const f of findings) expect(f.message).toContain('redshift:CreateInboundIntegration');
    await expect(roleMay(roleView(creator, template), 'redshift:CreateInboundIntegration', SERVERLESS_NAMESPACE)).rejects.toThrow(/iam-simulate rejected the request: .*no\.resource\.types/);
  });

  test('a source given as a Token gets both forms, each limited to it', () => {
    const { stack, creator } = setup();
    const source = new CfnParameter(stack, 'Source', { type: 'String' }).valueAsString;
    RedshiftPermissions.createIntegrations(creator, { sources: [source], targetArns: [NAMESPACE] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'rds:CreateIntegration', Resource: Match.arrayWith([{ Ref: 'Source' }]) }),
          Match.objectLike({ Action: 'redshift:CreateIntegration', Condition: { StringEquals: { 'redshift:IntegrationSourceArn': { Ref: 'Source' }, 'redshift:IntegrationTargetArn': NAMESPACE } } }),
        ]),
      },
    });
  });
});
