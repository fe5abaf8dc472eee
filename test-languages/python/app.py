"""The Python twin of test-languages/ts/app.ts: the same constructs, construct ids and calls, in the
same order. test-languages/run.ts installs the wheel from dist/python with aws-cdk-lib into a
virtual environment, runs this app and compares what it synthesizes and prints with the TypeScript
app's.

Usage: python app.py <outdir>. Output: the cloud assembly in <outdir>; on stdout, one
`CLAUSE <name> = <text>` line per IAM_ROLE text and one `ERROR <name> = <message>` line per bad
input the library rejects.
"""
import sys

from aws_cdk import (
    App,
    Aspects,
    CfnOutput,
    CfnResource,
    Duration,
    Stack,
    aws_dynamodb as dynamodb,
    aws_iam as iam,
    aws_lambda as lambda_,
    aws_s3 as s3,
)
from cdk_redshift_iam import (
    ChainedRole,
    ChainTrust,
    ClusterRoleAssociation,
    DatabaseUser,
    DataShareSide,
    RedshiftArn,
    RedshiftIamChecks,
    RedshiftIdcApplicationRole,
    RedshiftPermissions,
    RedshiftServiceRole,
    RoleChain,
    SpectrumDataLocation,
)

COMPANY_A = {"account": "123456789012", "region": "us-west-2"}
COMPANY_B = {"account": "210987654321", "region": "us-west-2"}


def clause(name, text):
    print(f"CLAUSE {name} = {text}", flush=True)


def rejects(name, build):
    try:
        build(Stack(App(), "Rejected", env=COMPANY_A))  # never synthesized
        print(f"ERROR {name} = (none)", flush=True)
    except Exception as e:  # jsii raises the library's Error as a RuntimeError
        print(f"ERROR {name} = {e}", flush=True)


# Partition literals: ARNs in the us-west-2 stacks are literal text (arn:aws:...), so the IAM_ROLE
# clauses are too.
app = App(
    outdir=sys.argv[1] if len(sys.argv) > 1 else None,
    context={"@aws-cdk/core:enablePartitionLiterals": True},
)

# A role restricted to database users and Regions, with least-privilege grants on buckets.
stack = Stack(app, "Roles", env=COMPANY_A)
data = s3.Bucket.from_bucket_name(stack, "Data", "mybucket")
exports_bucket = s3.Bucket.from_bucket_name(stack, "Exports", "acmedata")
spectrum_data = s3.Bucket.from_bucket_name(stack, "SpectrumData", "redshift-spectrum-data")

copy_unload = RedshiftServiceRole(stack, "CopyUnload",
    role_name="RedshiftCopyUnload",
    description="COPY and UNLOAD for user1 and user2",
    max_session_duration=Duration.hours(2),
    database_users=[
        DatabaseUser.in_cluster("my-cluster", "user1"),
        DatabaseUser.in_cluster("my-cluster", "user2", region="us-east-1", account="123456789012"),
    ],
    regions=["us-east-1", "us-west-2"],
)
copy_unload.add_database_user(DatabaseUser.from_arn("arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3"))
copy_unload.add_external_id("partner-etl-7")
copy_unload.allow_copy_from(data, key_prefix="sales/")
copy_unload.allow_unload_to(exports_bucket, key_prefix="exports/venue/", allow_clean_path=True)
copy_unload.allow_create_library_from(data, key_prefix="libraries/")
clause("copyUnload", copy_unload.iam_role_clause())

spectrum = RedshiftServiceRole(stack, "Spectrum", role_name="RedshiftSpectrum")
spectrum.allow_spectrum(
    databases=["spectrumdb"],
    data_locations=[SpectrumDataLocation(bucket=spectrum_data, key_prefix="tickit/")],
    allow_create_database=True,
)
spectrum.allow_copy_from_table(dynamodb.Table.from_table_name(stack, "Movies", "Movies"))
spectrum.allow_copy_from_emr_cluster("j-SAMPLE2B500FC")
spectrum.allow_invoke_function(lambda_.Function.from_function_name(stack, "LambdaSum", "lambda_sum"))
clause("spectrum", spectrum.iam_role_clause())

serverless = RedshiftServiceRole(stack, "Serverless",
    serverless=True,
    database_users=[DatabaseUser.in_workgroup("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "analyst")],
)
serverless.allow_copy_from(data)

# What RedshiftIamChecks warns about: the console's broad managed policy, on a role every user may use.
RedshiftServiceRole(stack, "Broad",
    managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("AmazonS3ReadOnlyAccess")],
)

# Attach the roles to an existing cluster, and let operators manage that by hand.
association = ClusterRoleAssociation(stack, "Attach",
    cluster_identifier="my-redshift-cluster",
    roles=[copy_unload, spectrum],
    default_role=copy_unload,
    wait_timeout=Duration.minutes(30),
)
operators = iam.Role(stack, "Operators", assumed_by=iam.AccountRootPrincipal())
association.grant_manage(operators)
RedshiftPermissions.get_cluster_credentials(operators,
    cluster_identifier="my-redshift-cluster",
    db_users=["analyst"],
    db_names=["dev"],
    max_duration=Duration.minutes(30),
    auto_create=True,
    db_groups=["readers"],
)
RedshiftPermissions.manage_clusters(operators,
    actions=["redshift:ModifyCluster"],
    region="us-west-2",
    resource_tags={"environment": "test"},
)
CfnOutput(stack, "ClusterArn", value=RedshiftArn.cluster(stack, "my-redshift-cluster"))

# Amazon Bedrock models (CREATE EXTERNAL MODEL) and Apache Iceberg tables in Amazon S3 Tables.
bedrock = RedshiftServiceRole(stack, "Bedrock", role_name="RedshiftBedrock")
bedrock.allow_bedrock_models(foundation_models=["anthropic.claude-3-haiku-20240307-v1:0"])
clause("bedrock", bedrock.iam_role_clause())
lake = RedshiftServiceRole(stack, "Lake", role_name="RedshiftS3Tables")
lake.allow_s3_tables(table_bucket_arn="arn:aws:s3tables:us-west-2:123456789012:bucket/analytics", namespaces=["sales"])
clause("s3Tables", lake.iam_role_clause())

# The operators administer the producer side of a datashare that Company B consumes.
RedshiftPermissions.manage_data_shares(operators,
    data_share_arns=["arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"],
    consumers=["210987654321"],
    side=DataShareSide.PRODUCER,
)

# A role made in the console, with a grant of this app.
console_role = RedshiftServiceRole.from_existing_role_name(stack, "ConsoleRole", "ConsoleRole")
console_role.allow_copy_from(data, key_prefix="daily/")
clause("consoleRole", console_role.iam_role_clause())

# IAM Identity Center (the role of a Redshift IdC application), Redshift Serverless sign-in and
# zero-ETL integrations.
idc_role = RedshiftIdcApplicationRole(stack, "IdcRole",
    identity_center_instance_arn="arn:aws:sso:::instance/ssoins-1234567890abcdef",
)
CfnResource(stack, "IdcApplication",
    type="AWS::Redshift::RedshiftIdcApplication",
    properties={
        "IdcInstanceArn": "arn:aws:sso:::instance/ssoins-1234567890abcdef",
        "IdcDisplayName": "RedshiftAnalytics",
        "RedshiftIdcApplicationName": "redshift-analytics",
        "IamRoleArn": idc_role.role_arn,
    },
)
RedshiftPermissions.get_identity_center_auth_token(operators, cluster_identifiers=["my-redshift-cluster"])
RedshiftPermissions.get_serverless_credentials(operators,
    workgroup_arns=["arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"],
)
RedshiftPermissions.create_integrations(operators,
    sources=["arn:aws:dynamodb:us-west-2:123456789012:table/orders", "arn:aws:rds:us-west-2:123456789012:cluster:orders-db"],
    target_arns=["arn:aws:redshift:us-west-2:123456789012:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433"],
)

# A chain across two accounts: Company A's cluster role assumes Company B's roles.
company_a = Stack(app, "CompanyA", env=COMPANY_A)
company_b = Stack(app, "CompanyB", env=COMPANY_B)
role_a = RedshiftServiceRole(company_a, "RoleA", role_name="RoleA")
role_b = ChainedRole(company_b, "RoleB",
    assumed_by=role_a,
    role_name="RoleB",
    database_users=[DatabaseUser.in_cluster("my-cluster", "etl", account="123456789012")],
)
role_b.allow_copy_from(s3.Bucket.from_bucket_name(company_b, "CompanyBData", "companyb"), key_prefix="redshift/")
role_c = ChainedRole(company_b, "RoleC", assumed_by=role_b, trust=ChainTrust.ACCOUNT)
role_c.allow_spectrum(databases=["exampledb"])
clause("roleB.chain", role_b.chain.iam_role_clause())
clause("roleC.chain", role_c.chain.iam_role_clause())
clause("roleC.chain.parameter", f"{role_c.chain.iam_role_parameter} ({role_c.chain.length} roles)")
clause("RoleChain.of", RoleChain.of([role_a, role_b]).iam_role_clause())
clause("RoleChain.fromRoleArns", RoleChain.from_role_arns([
    "arn:aws:iam::123456789012:role/RoleA",
    "arn:aws:iam::210987654321:role/partner/RoleP",
]).iam_role_clause())

Aspects.of(app).add(RedshiftIamChecks())
app.synth()

# Bad input raises the library's own message (a constructor, a method, a static method).
rejects("regions", lambda s: RedshiftServiceRole(s, "Bad", regions=["us west 2"]))
rejects("keyPrefix", lambda s: RedshiftServiceRole(s, "Bad").allow_copy_from(
    s3.Bucket.from_bucket_name(s, "B", "mybucket"), key_prefix="/sales/"))
rejects("clusterIdentifier", lambda s: DatabaseUser.in_cluster("My_Cluster", "user1"))
rejects("tableBucketArn", lambda s: RedshiftServiceRole(s, "Bad").allow_s3_tables(table_bucket_arn="arn:aws:s3:::analytics"))
rejects("existingRoleName", lambda s: RedshiftServiceRole.from_existing_role_name(s, "Bad", "service-role/ConsoleRole"))
rejects("consumers", lambda s: RedshiftPermissions.manage_data_shares(iam.Role(s, "Admins", assumed_by=iam.AccountRootPrincipal()),
    data_share_arns=["arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"],
    consumers=["210987654321"],
    side=DataShareSide.CONSUMER,
))
