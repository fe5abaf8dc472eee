import { sqlIdentifier, validateGrantName } from './private/redshift-names';
import { validateList } from './private/validation';

/**
 * The Redshift commands for which GRANT ASSUMEROLE lets database users use an IAM role.
 */
export enum RedshiftCommand {
  /** Every command below (`FOR ALL`). */
  ALL = 'ALL',
  /** COPY (`FOR COPY`). */
  COPY = 'COPY',
  /** UNLOAD (`FOR UNLOAD`). */
  UNLOAD = 'UNLOAD',
  /** CREATE EXTERNAL FUNCTION (`FOR EXTERNAL FUNCTION`). */
  EXTERNAL_FUNCTION = 'EXTERNAL_FUNCTION',
  /** CREATE MODEL (`FOR CREATE MODEL`). */
  CREATE_MODEL = 'CREATE_MODEL',
}

/** The SQL of each command in the FOR clause. */
const COMMAND_SQL: Record<RedshiftCommand, string> = {
  [RedshiftCommand.ALL]: 'ALL',
  [RedshiftCommand.COPY]: 'COPY',
  [RedshiftCommand.UNLOAD]: 'UNLOAD',
  [RedshiftCommand.EXTERNAL_FUNCTION]: 'EXTERNAL FUNCTION',
  [RedshiftCommand.CREATE_MODEL]: 'CREATE MODEL',
};

/**
 * Who may use an IAM role (or role chain) in Redshift, and for which commands: the parts of
 * `GRANT ASSUMEROLE ON '<role>' TO ... FOR ...`.
 *
 * Name at least one user, group or role: 1 to 127 bytes of printable UTF-8 each. Names that are not
 * standard SQL identifiers (`IAM:alice`, `etl-user`, a reserved word such as `user` or `order`) are
 * written in double quotes, with any `"` in them doubled.
 */
export interface AssumeRoleGrantOptions {
  /**
   * Database users.
   *
   * @default - none
   */
  readonly users?: string[];

  /**
   * Database user groups (`GROUP <name>`).
   *
   * @default - none
   */
  readonly groups?: string[];

  /**
   * Database roles (`ROLE <name>`).
   *
   * @default - none
   */
  readonly roles?: string[];

  /**
   * The commands the grantees may use the IAM role for.
   *
   * @default [RedshiftCommand.ALL]
   */
  readonly commands?: RedshiftCommand[];
}

/**
 * `GRANT ASSUMEROLE ON '<onText>' TO <grantees> FOR <commands>;`, from the GRANT syntax of the
 * Amazon Redshift Database Developer Guide ("GRANT", ASSUMEROLE privilege):
 * `ON { 'iam_role' [, ...] | default | ALL } TO { username | ROLE role_name | GROUP group_name |
 * PUBLIC } [, ...] FOR { ALL | COPY | UNLOAD | EXTERNAL FUNCTION | CREATE MODEL } [, ...]`.
 *
 * @param onText the IAM role ARN, or the comma-separated chain exactly as its IAM_ROLE clause
 * names it ("if role chaining was specified when granting the ASSUMEROLE permission, you must
 * specify the role chain when performing operations granted by the ASSUMEROLE permission").
 */
export function renderAssumeRoleGrant(onText: string, options: AssumeRoleGrantOptions): string {
  const users = checkNames('users', options.users);
  const groups = checkNames('groups', options.groups);
  const roles = checkNames('roles', options.roles);
  if (users.length + groups.length + roles.length === 0) {
    throw new Error('assumeRoleGrantSql needs at least one of `users`, `groups` or `roles`: GRANT ASSUMEROLE names who may use the IAM role');
  }
  const commands = options.commands ?? [RedshiftCommand.ALL];
  validateList('commands', commands, {
    what: 'RedshiftCommand',
    omit: 'for RedshiftCommand.ALL',
    each: (prop, command) => {
      if (!(command in COMMAND_SQL)) {
        throw new Error(`\`${prop}\` must be RedshiftCommand values (ALL, COPY, UNLOAD, EXTERNAL_FUNCTION, CREATE_MODEL), got: '${command}'`);
      }
    },
  });
  if (commands.length > 1 && commands.includes(RedshiftCommand.ALL)) {
    throw new Error(`\`commands\` lists RedshiftCommand.ALL with other commands (${commands.filter((c) => c !== RedshiftCommand.ALL).join(', ')}): ALL already covers them`);
  }
  const grantees = [
    ...users.map(sqlIdentifier),
    ...groups.map((group) => `GROUP ${sqlIdentifier(group)}`),
    ...roles.map((role) => `ROLE ${sqlIdentifier(role)}`),
  ];
  return `GRANT ASSUMEROLE ON '${onText}' TO ${grantees.join(', ')} FOR ${commands.map((c) => COMMAND_SQL[c]).join(', ')};`;
}

function checkNames(prop: string, names: string[] | undefined): string[] {
  if (names === undefined) return [];
  validateList(prop, names, { what: prop.replace(/s$/, ''), omit: 'instead', each: validateGrantName });
  return names;
}
