import { readFileSync } from 'fs';
import { join } from 'path';
import { aws_iam as iam, Stack } from 'aws-cdk-lib';
import * as lib from '../src';
import { newApp } from './helpers/synth';

/**
 * From JavaScript (or a Python, Java or Go caller that passes null), a required option left out is
 * a clear error naming it, never a TypeError deep inside (issue 21). Which methods take required
 * options is read from the compiled assembly (.jsii), so a new one cannot be forgotten here.
 */

interface Assembly { types: Record<string, any> }
const assembly: Assembly = JSON.parse(readFileSync(join(__dirname, '..', '.jsii'), 'utf-8'));

/** The required properties of a struct, its bases' included. */
function requiredOf(fqn: string): string[] {
  const type = assembly.types[fqn];
  if (!type || type.kind !== 'interface' || !type.datatype) return [];
  return [...(type.properties ?? []).filter((p: any) => !p.optional).map((p: any) => p.name), ...(type.interfaces ?? []).flatMap(requiredOf)];
}

/** 'Class.method' (or 'Class.constructor') -> the required options of its struct parameter. */
const REQUIRED = new Map<string, string[]>();
for (const type of Object.values<any>(assembly.types)) {
  if (type.kind !== 'class') continue;
  const members = [...type.initializer ? [{ name: 'constructor', parameters: type.initializer.parameters }] : [], ...type.methods ?? []];
  for (const member of members) {
    for (const parameter of member.parameters ?? []) {
      const required = parameter.type.fqn ? requiredOf(parameter.type.fqn) : [];
      if (required.length > 0) REQUIRED.set(`${type.name}.${member.name}`, required);
    }
  }
}

const stack = () => new Stack(newApp(), 'S', { env: { account: '123456789012', region: 'us-west-2' } });
const grantee = (s: Stack) => new iam.Role(s, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
const L = lib as any;

/** How each is called with `options` (untyped, as JavaScript would). */
const CALLS: Record<string, (options: unknown) => unknown> = {
  'ChainedRole.constructor': (o) => { const s = stack(); return new L.ChainedRole(s, 'B', o); },
  'ChainedRole.allowCreateModel': (o) => { const s = stack(); return new L.ChainedRole(s, 'B', { assumedBy: new L.RedshiftServiceRole(s, 'A') }).allowCreateModel(o); },
  'ChainedRole.allowS3Tables': (o) => { const s = stack(); return new L.ChainedRole(s, 'B', { assumedBy: new L.RedshiftServiceRole(s, 'A') }).allowS3Tables(o); },
  'ChainedRole.allowMskIngestion': (o) => { const s = stack(); return new L.ChainedRole(s, 'B', { assumedBy: new L.RedshiftServiceRole(s, 'A') }).allowMskIngestion(o); },
  'ChainedRole.allowSpectrum': (o) => { const s = stack(); return new L.ChainedRole(s, 'B', { assumedBy: new L.RedshiftServiceRole(s, 'A') }).allowSpectrum(o); },
  'ClusterRoleAssociation.constructor': (o) => new L.ClusterRoleAssociation(stack(), 'Assoc', o),
  'NamespaceRoleAssociation.constructor': (o) => new L.NamespaceRoleAssociation(stack(), 'Assoc', o),
  'RedshiftPermissions.associateRoles': (o) => L.RedshiftPermissions.associateRoles(grantee(stack()), o),
  'RedshiftPermissions.getClusterCredentials': (o) => L.RedshiftPermissions.getClusterCredentials(grantee(stack()), o),
  'RedshiftPermissions.getClusterCredentialsWithIam': (o) => L.RedshiftPermissions.getClusterCredentialsWithIam(grantee(stack()), o),
  'RedshiftPermissions.integrationResourcePolicy': (o) => L.RedshiftPermissions.integrationResourcePolicy(o),
  'RedshiftPermissions.manageDataShares': (o) => L.RedshiftPermissions.manageDataShares(grantee(stack()), o),
  'RedshiftPermissions.manageClusters': (o) => L.RedshiftPermissions.manageClusters(grantee(stack()), o),
  'RedshiftSchedulerRole.constructor': (o) => new L.RedshiftSchedulerRole(stack(), 'Sched', o),
  'RedshiftIdcApplicationRole.constructor': (o) => new L.RedshiftIdcApplicationRole(stack(), 'Idc', o),
  'RedshiftPermissions.createIntegrations': (o) => L.RedshiftPermissions.createIntegrations(grantee(stack()), o),
  'RedshiftPermissions.getServerlessCredentials': (o) => L.RedshiftPermissions.getServerlessCredentials(grantee(stack()), o),
  'RedshiftServiceRole.allowCreateModel': (o) => new L.RedshiftServiceRole(stack(), 'R').allowCreateModel(o),
  'RedshiftServiceRole.allowMskIngestion': (o) => new L.RedshiftServiceRole(stack(), 'R').allowMskIngestion(o),
  'RedshiftServiceRole.allowS3Tables': (o) => new L.RedshiftServiceRole(stack(), 'R').allowS3Tables(o),
  'RedshiftServiceRole.allowSpectrum': (o) => new L.RedshiftServiceRole(stack(), 'R').allowSpectrum(o),
};

test('every public method and construct with required options is called below', () => {
  expect([...REQUIRED.keys()].sort()).toEqual(Object.keys(CALLS).sort());
});

describe.each([...REQUIRED])('%s', (member, required) => {
  test.each([
    ['no options', undefined],
    ['null', null],
    ['{}', {}],
  ])('with %s: an error naming every required option', (_what, options) => {
    let message = '';
    try {
      CALLS[member](options);
    } catch (e) {
      message = (e as Error).message;
      expect(e).not.toBeInstanceOf(TypeError);
    }
    for (const name of required) expect(message).toContain(`\`${name}\``);
    expect(message).toMatch(/ requires /);
  });
});

test('a Spectrum data location without its bucket', () => {
  expect(() => new L.RedshiftServiceRole(stack(), 'R').allowSpectrum({ databases: ['db'], dataLocations: [{ keyPrefix: 'x/' }] }))
    .toThrow('allowSpectrum `dataLocations` requires `bucket`, got options without it');
});
