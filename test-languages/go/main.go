// The Go twin of test-languages/ts/app.ts: the same constructs, construct ids and calls, in the
// same order. test-languages/run.ts builds it against the module in dist/go (a replace directive in
// go.mod) and aws-cdk-go from the Go module proxy, runs it and compares what it synthesizes and
// prints with the TypeScript app's.
//
// Usage: go run . <outdir>. Output: the cloud assembly in <outdir>; on stdout, one
// `CLAUSE <name> = <text>` line per IAM_ROLE text and one `ERROR <name> = <message>` line per bad
// input the library rejects.
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-redshift-iam/cdk-redshift-iam-go/cdkredshiftiam"
)

var companyA = &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-west-2")}
var companyB = &awscdk.Environment{Account: jsii.String("210987654321"), Region: jsii.String("us-west-2")}

func clause(name string, text *string) {
	fmt.Printf("CLAUSE %s = %s\n", name, *text)
}

// rejects prints the message of the panic that the library's Error becomes in Go.
func rejects(name string, build func(stack awscdk.Stack)) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("ERROR %s = %v\n", name, r)
		}
	}()
	build(awscdk.NewStack(awscdk.NewApp(nil), jsii.String("Rejected"), &awscdk.StackProps{Env: companyA})) // never synthesized
	fmt.Printf("ERROR %s = (none)\n", name)
}

func main() {
	defer jsii.Close()

	var outdir *string
	if len(os.Args) > 1 {
		outdir = jsii.String(os.Args[1])
	}
	// Partition literals: ARNs in the us-west-2 stacks are literal text (arn:aws:...), so the
	// IAM_ROLE clauses are too.
	app := awscdk.NewApp(&awscdk.AppProps{
		Outdir:  outdir,
		Context: &map[string]interface{}{"@aws-cdk/core:enablePartitionLiterals": true},
	})

	// A role restricted to database users and Regions, with least-privilege grants on buckets.
	stack := awscdk.NewStack(app, jsii.String("Roles"), &awscdk.StackProps{Env: companyA})
	data := awss3.Bucket_FromBucketName(stack, jsii.String("Data"), jsii.String("mybucket"))
	exportsBucket := awss3.Bucket_FromBucketName(stack, jsii.String("Exports"), jsii.String("acmedata"))
	spectrumData := awss3.Bucket_FromBucketName(stack, jsii.String("SpectrumData"), jsii.String("redshift-spectrum-data"))

	copyUnload := cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("CopyUnload"), &cdkredshiftiam.RedshiftServiceRoleProps{
		RoleName:           jsii.String("RedshiftCopyUnload"),
		Description:        jsii.String("COPY and UNLOAD for user1 and user2"),
		MaxSessionDuration: awscdk.Duration_Hours(jsii.Number(2)),
		DatabaseUsers: &[]cdkredshiftiam.DatabaseUser{
			cdkredshiftiam.DatabaseUser_InCluster(jsii.String("my-cluster"), jsii.String("user1"), nil),
			cdkredshiftiam.DatabaseUser_InCluster(jsii.String("my-cluster"), jsii.String("user2"), &cdkredshiftiam.DatabaseUserOptions{
				Region:  jsii.String("us-east-1"),
				Account: jsii.String("123456789012"),
			}),
		},
		Regions: jsii.Strings("us-east-1", "us-west-2"),
	})
	copyUnload.AddDatabaseUser(cdkredshiftiam.DatabaseUser_FromArn(jsii.String("arn:aws:redshift:us-west-2:123456789012:dbuser:my-cluster/user3")))
	copyUnload.AddExternalId(jsii.String("partner-etl-7"))
	copyUnload.AllowCopyFrom(data, &cdkredshiftiam.S3AccessOptions{KeyPrefix: jsii.String("sales/")})
	copyUnload.AllowUnloadTo(exportsBucket, &cdkredshiftiam.UnloadAccessOptions{
		KeyPrefix:      jsii.String("exports/venue/"),
		AllowCleanPath: jsii.Bool(true),
	})
	copyUnload.AllowCreateLibraryFrom(data, &cdkredshiftiam.S3AccessOptions{KeyPrefix: jsii.String("libraries/")})
	clause("copyUnload", copyUnload.IamRoleClause())

	spectrum := cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("Spectrum"), &cdkredshiftiam.RedshiftServiceRoleProps{
		RoleName: jsii.String("RedshiftSpectrum"),
	})
	spectrum.AllowSpectrum(&cdkredshiftiam.SpectrumAccessOptions{
		Databases:           jsii.Strings("spectrumdb"),
		DataLocations:       &[]*cdkredshiftiam.SpectrumDataLocation{{Bucket: spectrumData, KeyPrefix: jsii.String("tickit/")}},
		AllowCreateDatabase: jsii.Bool(true),
	})
	spectrum.AllowCopyFromTable(awsdynamodb.Table_FromTableName(stack, jsii.String("Movies"), jsii.String("Movies")))
	spectrum.AllowCopyFromEmrCluster(jsii.String("j-SAMPLE2B500FC"))
	spectrum.AllowInvokeFunction(awslambda.Function_FromFunctionName(stack, jsii.String("LambdaSum"), jsii.String("lambda_sum")))
	clause("spectrum", spectrum.IamRoleClause())

	serverless := cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("Serverless"), &cdkredshiftiam.RedshiftServiceRoleProps{
		Serverless: jsii.Bool(true),
		DatabaseUsers: &[]cdkredshiftiam.DatabaseUser{
			cdkredshiftiam.DatabaseUser_InWorkgroup(jsii.String("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"), jsii.String("analyst"), nil),
		},
	})
	serverless.AllowCopyFrom(data, nil)

	// What RedshiftIamChecks warns about: the console's broad managed policy, on a role every user may use.
	cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("Broad"), &cdkredshiftiam.RedshiftServiceRoleProps{
		ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AmazonS3ReadOnlyAccess"))},
	})

	// Attach the roles to an existing cluster, and let operators manage that by hand.
	association := cdkredshiftiam.NewClusterRoleAssociation(stack, jsii.String("Attach"), &cdkredshiftiam.ClusterRoleAssociationProps{
		ClusterIdentifier: jsii.String("my-redshift-cluster"),
		Roles:             &[]awsiam.IRole{copyUnload, spectrum},
		DefaultRole:       copyUnload,
		WaitTimeout:       awscdk.Duration_Minutes(jsii.Number(30)),
	})
	operators := awsiam.NewRole(stack, jsii.String("Operators"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()})
	association.GrantManage(operators)
	cdkredshiftiam.RedshiftPermissions_GetClusterCredentials(operators, &cdkredshiftiam.GetClusterCredentialsOptions{
		ClusterIdentifier: jsii.String("my-redshift-cluster"),
		DbUsers:           jsii.Strings("analyst"),
		DbNames:           jsii.Strings("dev"),
		MaxDuration:       awscdk.Duration_Minutes(jsii.Number(30)),
		AutoCreate:        jsii.Bool(true),
		DbGroups:          jsii.Strings("readers"),
	})
	cdkredshiftiam.RedshiftPermissions_ManageClusters(operators, &cdkredshiftiam.ManageClustersOptions{
		Actions:      jsii.Strings("redshift:ModifyCluster"),
		Region:       jsii.String("us-west-2"),
		ResourceTags: &map[string]*string{"environment": jsii.String("test")},
	})
	awscdk.NewCfnOutput(stack, jsii.String("ClusterArn"), &awscdk.CfnOutputProps{
		Value: cdkredshiftiam.RedshiftArn_Cluster(stack, jsii.String("my-redshift-cluster"), nil),
	})

	// Amazon Bedrock models (CREATE EXTERNAL MODEL) and Apache Iceberg tables in Amazon S3 Tables.
	bedrock := cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("Bedrock"), &cdkredshiftiam.RedshiftServiceRoleProps{
		RoleName: jsii.String("RedshiftBedrock"),
	})
	bedrock.AllowBedrockModels(&cdkredshiftiam.BedrockModelsOptions{
		FoundationModels: jsii.Strings("anthropic.claude-3-haiku-20240307-v1:0"),
	})
	clause("bedrock", bedrock.IamRoleClause())
	lake := cdkredshiftiam.NewRedshiftServiceRole(stack, jsii.String("Lake"), &cdkredshiftiam.RedshiftServiceRoleProps{
		RoleName: jsii.String("RedshiftS3Tables"),
	})
	lake.AllowS3Tables(&cdkredshiftiam.S3TablesAccessOptions{
		TableBucketArn: jsii.String("arn:aws:s3tables:us-west-2:123456789012:bucket/analytics"),
		Namespaces:     jsii.Strings("sales"),
	})
	clause("s3Tables", lake.IamRoleClause())

	// The operators administer the producer side of a datashare that Company B consumes.
	cdkredshiftiam.RedshiftPermissions_ManageDataShares(operators, &cdkredshiftiam.DataShareAdminOptions{
		DataShareArns: jsii.Strings("arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"),
		Consumers:     jsii.Strings("210987654321"),
		Side:          cdkredshiftiam.DataShareSide_PRODUCER,
	})

	// A role made in the console, with a grant of this app.
	consoleRole := cdkredshiftiam.RedshiftServiceRole_FromExistingRoleName(stack, jsii.String("ConsoleRole"), jsii.String("ConsoleRole"))
	consoleRole.AllowCopyFrom(data, &cdkredshiftiam.S3AccessOptions{KeyPrefix: jsii.String("daily/")})
	clause("consoleRole", consoleRole.IamRoleClause())

	// IAM Identity Center (the role of a Redshift IdC application), Redshift Serverless sign-in and
	// zero-ETL integrations.
	idcRole := cdkredshiftiam.NewRedshiftIdcApplicationRole(stack, jsii.String("IdcRole"), &cdkredshiftiam.RedshiftIdcApplicationRoleProps{
		IdentityCenterInstanceArn: jsii.String("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
	})
	awscdk.NewCfnResource(stack, jsii.String("IdcApplication"), &awscdk.CfnResourceProps{
		Type: jsii.String("AWS::Redshift::RedshiftIdcApplication"),
		Properties: &map[string]interface{}{
			"IdcInstanceArn":             jsii.String("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
			"IdcDisplayName":             jsii.String("RedshiftAnalytics"),
			"RedshiftIdcApplicationName": jsii.String("redshift-analytics"),
			"IamRoleArn":                 idcRole.RoleArn(),
		},
	})
	cdkredshiftiam.RedshiftPermissions_GetIdentityCenterAuthToken(operators, &cdkredshiftiam.GetIdentityCenterAuthTokenOptions{
		ClusterIdentifiers: jsii.Strings("my-redshift-cluster"),
	})
	cdkredshiftiam.RedshiftPermissions_GetServerlessCredentials(operators, &cdkredshiftiam.GetServerlessCredentialsOptions{
		WorkgroupArns: jsii.Strings("arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"),
	})
	cdkredshiftiam.RedshiftPermissions_CreateIntegrations(operators, &cdkredshiftiam.CreateIntegrationOptions{
		Sources:    jsii.Strings("arn:aws:dynamodb:us-west-2:123456789012:table/orders", "arn:aws:rds:us-west-2:123456789012:cluster:orders-db"),
		TargetArns: jsii.Strings("arn:aws:redshift:us-west-2:123456789012:namespace:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433"),
	})

	// A chain across two accounts: Company A's cluster role assumes Company B's roles.
	stackA := awscdk.NewStack(app, jsii.String("CompanyA"), &awscdk.StackProps{Env: companyA})
	stackB := awscdk.NewStack(app, jsii.String("CompanyB"), &awscdk.StackProps{Env: companyB})
	roleA := cdkredshiftiam.NewRedshiftServiceRole(stackA, jsii.String("RoleA"), &cdkredshiftiam.RedshiftServiceRoleProps{
		RoleName: jsii.String("RoleA"),
	})
	roleB := cdkredshiftiam.NewChainedRole(stackB, jsii.String("RoleB"), &cdkredshiftiam.ChainedRoleProps{
		AssumedBy: roleA,
		RoleName:  jsii.String("RoleB"),
		DatabaseUsers: &[]cdkredshiftiam.DatabaseUser{
			cdkredshiftiam.DatabaseUser_InCluster(jsii.String("my-cluster"), jsii.String("etl"), &cdkredshiftiam.DatabaseUserOptions{
				Account: jsii.String("123456789012"),
			}),
		},
	})
	roleB.AllowCopyFrom(awss3.Bucket_FromBucketName(stackB, jsii.String("CompanyBData"), jsii.String("companyb")),
		&cdkredshiftiam.S3AccessOptions{KeyPrefix: jsii.String("redshift/")})
	roleC := cdkredshiftiam.NewChainedRole(stackB, jsii.String("RoleC"), &cdkredshiftiam.ChainedRoleProps{
		AssumedBy: roleB,
		Trust:     cdkredshiftiam.ChainTrust_ACCOUNT,
	})
	roleC.AllowSpectrum(&cdkredshiftiam.SpectrumAccessOptions{Databases: jsii.Strings("exampledb")})
	clause("roleB.chain", roleB.Chain().IamRoleClause())
	clause("roleC.chain", roleC.Chain().IamRoleClause())
	clause("roleC.chain.parameter", jsii.String(fmt.Sprintf("%s (%v roles)", *roleC.Chain().IamRoleParameter(), *roleC.Chain().Length())))
	clause("RoleChain.of", cdkredshiftiam.RoleChain_Of(&[]awsiam.IRole{roleA, roleB}).IamRoleClause())
	clause("RoleChain.fromRoleArns", cdkredshiftiam.RoleChain_FromRoleArns(jsii.Strings(
		"arn:aws:iam::123456789012:role/RoleA",
		"arn:aws:iam::210987654321:role/partner/RoleP",
	)).IamRoleClause())

	awscdk.Aspects_Of(app).Add(cdkredshiftiam.NewRedshiftIamChecks(nil), nil)
	app.Synth(nil)

	// Bad input raises the library's own message (a constructor, a method, a static method).
	rejects("regions", func(s awscdk.Stack) {
		cdkredshiftiam.NewRedshiftServiceRole(s, jsii.String("Bad"), &cdkredshiftiam.RedshiftServiceRoleProps{
			Regions: jsii.Strings("us west 2"),
		})
	})
	rejects("keyPrefix", func(s awscdk.Stack) {
		cdkredshiftiam.NewRedshiftServiceRole(s, jsii.String("Bad"), nil).AllowCopyFrom(
			awss3.Bucket_FromBucketName(s, jsii.String("B"), jsii.String("mybucket")),
			&cdkredshiftiam.S3AccessOptions{KeyPrefix: jsii.String("/sales/")})
	})
	rejects("clusterIdentifier", func(s awscdk.Stack) {
		cdkredshiftiam.DatabaseUser_InCluster(jsii.String("My_Cluster"), jsii.String("user1"), nil)
	})
	rejects("tableBucketArn", func(s awscdk.Stack) {
		cdkredshiftiam.NewRedshiftServiceRole(s, jsii.String("Bad"), nil).AllowS3Tables(
			&cdkredshiftiam.S3TablesAccessOptions{TableBucketArn: jsii.String("arn:aws:s3:::analytics")})
	})
	rejects("existingRoleName", func(s awscdk.Stack) {
		cdkredshiftiam.RedshiftServiceRole_FromExistingRoleName(s, jsii.String("Bad"), jsii.String("service-role/ConsoleRole"))
	})
	rejects("consumers", func(s awscdk.Stack) {
		cdkredshiftiam.RedshiftPermissions_ManageDataShares(
			awsiam.NewRole(s, jsii.String("Admins"), &awsiam.RoleProps{AssumedBy: awsiam.NewAccountRootPrincipal()}),
			&cdkredshiftiam.DataShareAdminOptions{
				DataShareArns: jsii.Strings("arn:aws:redshift:us-west-2:123456789012:datashare:cc4ffe56-ad2c-4fd1-a5a2-f29124a56433/salesshare"),
				Consumers:     jsii.Strings("210987654321"),
				Side:          cdkredshiftiam.DataShareSide_CONSUMER,
			})
	})
}
