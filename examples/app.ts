/**
 * The seeds' scenarios as one CDK app. Run it with `npx projen example` (from the repository
 * root) or `npx cdk synth` (from this folder): it synthesizes to examples/cdk.out and prints the
 * SQL each role enables, with its IAM_ROLE clause.
 */
import { App, Aspects } from 'aws-cdk-lib';
import { RedshiftIamChecks } from '../src';
import { buildScenarios } from './scenarios';

const app = new App({
  // `cdk synth` sets CDK_OUTDIR; run directly, the app writes to examples/cdk.out.
  outdir: process.env.CDK_OUTDIR ?? 'cdk.out',
  context: { '@aws-cdk/core:enablePartitionLiterals': true },
});
const scenarios = buildScenarios(app);
// Report roles Redshift could not assume and broad grants (`{ info: true }` adds roles every user may use).
Aspects.of(app).add(new RedshiftIamChecks());
const assembly = app.synth();

console.log(`Synthesized ${assembly.stacks.length} stacks to ${assembly.directory}`);
// What RedshiftIamChecks (and aws-cdk-lib) reported; `npx cdk synth` prints the same.
for (const stack of assembly.stacks) {
  for (const message of stack.messages) {
    console.log(`  [${message.level}] ${message.id}: ${String(message.entry.data).split('\n')[0]}`);
  }
}
console.log('');
for (const scenario of scenarios) {
  console.log(`-- ${scenario.title}`);
  console.log(`${scenario.sql};\n`);
}
