package io.github.cdkredshiftiam.languagetest;

import io.github.cdkredshiftiam.BedrockModelsOptions;
import io.github.cdkredshiftiam.ChainTrust;
import io.github.cdkredshiftiam.ChainedRole;
import io.github.cdkredshiftiam.ClusterRoleAssociation;
import io.github.cdkredshiftiam.CreateIntegrationOptions;
import io.github.cdkredshiftiam.DataShareAdminOptions;
import io.github.cdkredshiftiam.DataShareSide;
import io.github.cdkredshiftiam.DatabaseUser;
import io.github.cdkredshiftiam.DatabaseUserOptions;
import io.github.cdkredshiftiam.GetClusterCredentialsOptions;
import io.github.cdkredshiftiam.GetIdentityCenterAuthTokenOptions;
import io.github.cdkredshiftiam.GetServerlessCredentialsOptions;
import io.github.cdkredshiftiam.IRedshiftRole;
import io.github.cdkredshiftiam.ManageClustersOptions;
import io.github.cdkredshiftiam.RedshiftArn;
import io.github.cdkredshiftiam.RedshiftIamChecks;
import io.github.cdkredshiftiam.RedshiftIdcApplicationRole;
import io.github.cdkredshiftiam.RedshiftPermissions;
import io.github.cdkredshiftiam.RedshiftServiceRole;
import io.github.cdkredshiftiam.RoleChain;
import io.github.cdkredshiftiam.S3AccessOptions;
import io.github.cdkredshiftiam.S3TablesAccessOptions;
import io.github.cdkredshiftiam.SpectrumAccessOptions;
import io.github.cdkredshiftiam.SpectrumDataLocation;
import io.github.cdkredshiftiam.UnloadAccessOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * The Java twin of test-languages/ts/app.ts: the same constructs, construct ids and calls, in the
 * same order.
 *
 * <p>Usage: {@code App <outdir>}. Output: the cloud assembly in outdir; on stdout, one
 * {@code CLAUSE <name> = <text>} line per IAM_ROLE text and one {@code ERROR <name> = <message>}
 * line per bad input the library rejects.
 */
public final class App {
  private static final Environment COMPANY_A = Environment.builder().account("123456789012").region("us-west-2").build();
  private static final Environment COMPANY_B = Environment.builder().account("210987654321").region("us-west-2").build();

  private App() {}

  private static void clause(String name, String text) {
    System.out.println("CLAUSE " + name + " = " + text);
  }

  /**
   * The library's Error reaches Java as a RuntimeException (a {@code software.amazon.jsii.JsiiError}
   * from a constructor): its message is the library's message, then the JavaScript stack trace on
   * the next lines.
   */
  private static void rejects(String name, Consumer<Stack> build) {
    try {
      // never synthesized
      build.accept(new Stack(new software.amazon.awscdk.App(), "Rejected", StackProps.builder().env(COMPANY_A).build()));
      System.out.println("ERROR " + name + " = (none)");
    } catch (RuntimeException e) {
      System.out.println("ERROR " + name + " = " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  public static void main(String[] args) {
    // Partition literals: ARNs in the us-west-2 stacks are literal text (arn:aws:...), so the
    // IAM_ROLE clauses are too.
    software.amazon.awscdk.App app = software.amazon.awscdk.App.Builder.create()
        .outdir(args.length > 0 ? args[0] : null)
        .context(Map.of("@aws-cdk/core:enablePartitionLiterals", true))
        .build();

    // A role restricted to database users and Regions, with least-privilege grants on buckets.
    Stack stack = new Stack(app, "Roles", StackProps.builder().env(COMPANY_A).build());
    var data = Bucket.fromBucketName(stack, "Data", "mybucket");
    var exportsBucket = Bucket.fromBucketName(stack, "Exports", "acmedata");
    var spectrumData = Bucket.fromBucketName(stack, "SpectrumData", "redshift-spectrum-data");

    RedshiftServiceRole copyUnload = RedshiftServiceRole.Builder.create(stack, "CopyUnload")
        .roleName("RedshiftCopyUnload")
        .description("COPY and UNLOAD for user1 and user2")
        .maxSessionDuration(Duration.hours(2))
        .databaseUsers(List.of(
            DatabaseUser.inCluster("my-cluster", "user1"),
            DatabaseUser.inCluster("my-cluster", "user2",
                DatabaseUserOptions.builder().region("us-east-1").account("123456789012").build())))
        .regions(List.of("us-east-1", "us-west-2"))
        .build();
    copyUnload.addDatabaseUser(DatabaseUser.fromArn("arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3"));
    copyUnload.addExternalId("partner-etl-7");
    copyUnload.allowCopyFrom(data, S3AccessOptions.builder().keyPrefix("sales/").build());
    copyUnload.allowUnloadTo(exportsBucket, UnloadAccessOptions.builder().keyPrefix("exports/venue/").allowCleanPath(true).build());
    copyUnload.allowCreateLibraryFrom(data, S3AccessOptions.builder().keyPrefix("libraries/").build());
    clause("copyUnload", copyUnload.iamRoleClause());

    RedshiftServiceRole spectrum = RedshiftServiceRole.Builder.create(stack, "Spectrum").roleName("RedshiftSpectrum").build();
    spectrum.allowSpectrum(SpectrumAccessOptions.builder()
        .databases(List.of("spectrumdb"))
        .dataLocations(List.of(SpectrumDataLocation.builder().bucket(spectrumData).keyPrefix("tickit/").build()))
        .allowCreateDatabase(true)
        .build());
    spectrum.allowCopyFromTable(Table.fromTableName(stack, "Movies", "Movies"));
    spectrum.allowCopyFromEmrCluster("j-SAMPLE2B500FC");
    spectrum.allowInvokeFunction(Function.fromFunctionName(stack, "LambdaSum", "lambda_sum"));
    clause("spectrum", spectrum.iamRoleClause());

    RedshiftServiceRole serverless = RedshiftServiceRole.Builder.create(stack, "Serverless")
        .serverless(true)
        .databaseUsers(List.of(DatabaseUser.inWorkgroup("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "analyst")))
        .build();
    serverless.allowCopyFrom(data);

    // What RedshiftIamChecks warns about: the console's broad managed policy, on a role every user may use.
    RedshiftServiceRole.Builder.create(stack, "Broad")
        .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("AmazonS3ReadOnlyAccess")))
        .build();

    // Attach the roles to an existing cluster, and let operators manage that by hand.
    ClusterRoleAssociation association = ClusterRoleAssociation.Builder.create(stack, "Attach")
        .clusterIdentifier("my-redshift-cluster")
        .roles(List.of(copyUnload, spectrum))
        .defaultRole(copyUnload)
        .waitTimeout(Duration.minutes(30))
        .build();
    Role operators = Role.Builder.create(stack, "Operators").assumedBy(new AccountRootPrincipal()).build();
    association.grantManage(operators);
    RedshiftPermissions.getClusterCredentials(operators, GetClusterCredentialsOptions.builder()
        .clusterIdentifier("my-redshift-cluster")
        .dbUsers(List.of("analyst"))
        .dbNames(List.of("dev"))
        .maxDuration(Duration.minutes(30))
        .autoCreate(true)
        .dbGroups(List.of("readers"))
        .build());
    RedshiftPermissions.manageClusters(operators, ManageClustersOptions.builder()
        .actions(List.of("redshift:ModifyCluster"))
        .region("us-west-2")
        .resourceTags(Map.of("environment", "test"))
        .build());
    CfnOutput.Builder.create(stack, "ClusterArn").value(RedshiftArn.cluster(stack, "my-redshift-cluster")).build();

    // Amazon Bedrock models (CREATE EXTERNAL MODEL) and Apache Iceberg tables in Amazon S3 Tables.
    RedshiftServiceRole bedrock = RedshiftServiceRole.Builder.create(stack, "Bedrock").roleName("RedshiftBedrock").build();
    bedrock.allowBedrockModels(BedrockModelsOptions.builder()
        .foundationModels(List.of("anthropic.claude-3-haiku-20240307-v1:0"))
        .build());
    clause("bedrock", bedrock.iamRoleClause());
    RedshiftServiceRole lake = RedshiftServiceRole.Builder.create(stack, "Lake").roleName("RedshiftS3Tables").build();
    lake.allowS3Tables(S3TablesAccessOptions.builder()
        .tableBucketArn("arn:aws:s3tables:us-west-2:123456789012:bucket/analytics")
        .namespaces(List.of("sales"))
        .build());
    clause("s3Tables", lake.iamRoleClause());

    // The operators administer the producer side of a datashare that Company B consumes.
    RedshiftPermissions.manageDataShares(operators, DataShareAdminOptions.builder()
        .dataShareArns(List.of("arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"))
        .consumers(List.of("210987654321"))
        .side(DataShareSide.PRODUCER)
        .build());

    // A role made in the console, with a grant of this app.
    IRedshiftRole consoleRole = RedshiftServiceRole.fromExistingRoleName(stack, "ConsoleRole", "ConsoleRole");
    consoleRole.allowCopyFrom(data, S3AccessOptions.builder().keyPrefix("daily/").build());
    clause("consoleRole", consoleRole.iamRoleClause());

    // IAM Identity Center (the role of a Redshift IdC application), Redshift Serverless sign-in and
    // zero-ETL integrations.
    RedshiftIdcApplicationRole idcRole = RedshiftIdcApplicationRole.Builder.create(stack, "IdcRole")
        .identityCenterInstanceArn("arn:aws:sso:::instance/ssoins-1234567890abcdef")
        .build();
    CfnResource.Builder.create(stack, "IdcApplication")
        .type("AWS::Redshift::RedshiftIdcApplication")
        .properties(Map.of(
            "IdcInstanceArn", "arn:aws:sso:::instance/ssoins-1234567890abcdef",
            "IdcDisplayName", "RedshiftAnalytics",
            "RedshiftIdcApplicationName", "redshift-analytics",
            "IamRoleArn", idcRole.getRoleArn()))
        .build();
    RedshiftPermissions.getIdentityCenterAuthToken(operators, GetIdentityCenterAuthTokenOptions.builder()
        .clusterIdentifiers(List.of("my-redshift-cluster"))
        .build());
    RedshiftPermissions.getServerlessCredentials(operators, GetServerlessCredentialsOptions.builder()
        .workgroupArns(List.of("arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"))
        .build());
    RedshiftPermissions.createIntegrations(operators, CreateIntegrationOptions.builder()
        .sources(List.of("arn:aws:dynamodb:us-west-2:123456789012:table/orders", "arn:aws:rds:us-west-2:123456789012:cluster:orders-db"))
        .targetArns(List.of("arn:aws:redshift:us-west-2:123456789012:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433"))
        .build());

    // A chain across two accounts: Company A's cluster role assumes Company B's roles.
    Stack companyA = new Stack(app, "CompanyA", StackProps.builder().env(COMPANY_A).build());
    Stack companyB = new Stack(app, "CompanyB", StackProps.builder().env(COMPANY_B).build());
    RedshiftServiceRole roleA = RedshiftServiceRole.Builder.create(companyA, "RoleA").roleName("RoleA").build();
    ChainedRole roleB = ChainedRole.Builder.create(companyB, "RoleB")
        .assumedBy(roleA)
        .roleName("RoleB")
        .databaseUsers(List.of(DatabaseUser.inCluster("my-cluster", "etl",
            DatabaseUserOptions.builder().account("123456789012").build())))
        .build();
    roleB.allowCopyFrom(Bucket.fromBucketName(companyB, "CompanyBData", "companyb"),
        S3AccessOptions.builder().keyPrefix("redshift/").build());
    ChainedRole roleC = ChainedRole.Builder.create(companyB, "RoleC").assumedBy(roleB).trust(ChainTrust.ACCOUNT).build();
    roleC.allowSpectrum(SpectrumAccessOptions.builder().databases(List.of("exampledb")).build());
    clause("roleB.chain", roleB.getChain().iamRoleClause());
    clause("roleC.chain", roleC.getChain().iamRoleClause());
    // jsii numbers are java.lang.Number; TypeScript prints this integer without a fraction.
    clause("roleC.chain.parameter", roleC.getChain().getIamRoleParameter() + " (" + roleC.getChain().getLength().intValue() + " roles)");
    clause("RoleChain.of", RoleChain.of(List.of(roleA, roleB)).iamRoleClause());
    clause("RoleChain.fromRoleArns", RoleChain.fromRoleArns(List.of(
        "arn:aws:iam::123456789012:role/RoleA",
        "arn:aws:iam::210987654321:role/partner/RoleP")).iamRoleClause());

    Aspects.of(app).add(new RedshiftIamChecks());
    app.synth();

    // Bad input raises the library's own message (a constructor, a method, a static method).
    rejects("regions", s -> RedshiftServiceRole.Builder.create(s, "Bad").regions(List.of("us west 2")).build());
    rejects("keyPrefix", s -> new RedshiftServiceRole(s, "Bad").allowCopyFrom(
        Bucket.fromBucketName(s, "B", "mybucket"), S3AccessOptions.builder().keyPrefix("/sales/").build()));
    rejects("clusterIdentifier", s -> DatabaseUser.inCluster("My_Cluster", "user1"));
    rejects("tableBucketArn", s -> new RedshiftServiceRole(s, "Bad").allowS3Tables(
        S3TablesAccessOptions.builder().tableBucketArn("arn:aws:s3:::analytics").build()));
    rejects("existingRoleName", s -> RedshiftServiceRole.fromExistingRoleName(s, "Bad", "service-role/ConsoleRole"));
    rejects("consumers", s -> RedshiftPermissions.manageDataShares(
        Role.Builder.create(s, "Admins").assumedBy(new AccountRootPrincipal()).build(),
        DataShareAdminOptions.builder()
            .dataShareArns(List.of("arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"))
            .consumers(List.of("210987654321"))
            .side(DataShareSide.CONSUMER)
            .build()));
  }
}
