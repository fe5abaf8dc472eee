/**
 * The seeds' scenarios as one CDK app. Run it with `npx projen example` (from the repository
 * root) or `npx cdk synth` (from this folder): it synthesizes to examples/cdk.out and prints the
 * SQL each role enables, with its IAM_ROLE clause.
 */
import { App } from 'aws-cdk-lib';
import { buildScenarios } from './scenarios';

const app = new App({
  // `cdk synth` sets CDK_OUTDIR; run directly, the app writes to examples/cdk.out.
  outdir: process.env.CDK_OUTDIR ?? 'cdk.out',
  context: { '@aws-cdk/core:enablePartitionLiterals': true },
});
const scenarios = buildScenarios(app);
const assembly = app.synth();

console.log(`Synthesized ${assembly.stacks.length} stacks to ${assembly.directory}\n`);
for (const scenario of scenarios) {
  console.log(`-- ${scenario.title}`);
  console.log(`${scenario.sql};\n`);
}
