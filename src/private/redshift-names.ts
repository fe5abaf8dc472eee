import { Token } from 'aws-cdk-lib';

/**
 * Amazon Redshift names in SQL text: which names need double quotes, and which names cannot be
 * written at all.
 *
 * "Names and identifiers", Amazon Redshift Database Developer Guide,
 * https://docs.aws.amazon.com/redshift/latest/dg/r_names.html:
 * - identifiers "must consist of only UTF-8 printable characters";
 * - a standard identifier begins with an ASCII letter or underscore, or a UTF-8 multibyte character
 *   two to four bytes long; continues with ASCII letters, digits, underscores, dollar signs or
 *   multibyte characters; is 1 to 127 bytes long; contains no quotation marks and no spaces; and is
 *   not a reserved SQL key word;
 * - a delimited identifier is in double quotes and "can contain any standard UTF-8 printable
 *   characters other than the double quotation mark itself"; a double quotation mark in it is
 *   written twice ("To use a double quotation mark in a string, you must precede it with another
 *   double quotation mark character").
 * ASCII letters fold to lowercase in both forms, so quoting a name never changes which object it
 * names (unless enable_case_sensitive_identifier is on, where only an upper-case ASCII letter would
 * make a difference): names are quoted only when Redshift needs it.
 */

/**
 * "Reserved words", Amazon Redshift Database Developer Guide,
 * https://docs.aws.amazon.com/redshift/latest/dg/r_pg_keywords.html
 * ("You can use the reserved words with delimited identifiers (double quotation marks)").
 */
const RESERVED_WORDS = new Set(`
  AES128 AES256 ALL ALLOWOVERWRITE ANALYSE ANALYZE AND ANY ARRAY AS ASC AUTHORIZATION AZ64 BACKUP
  BETWEEN BINARY BLANKSASNULL BOTH BYTEDICT BZIP2 CASE CAST CHECK COLLATE COLUMN CONSTRAINT CREATE
  CREDENTIALS CROSS CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURRENT_USER_ID DEFAULT
  DEFERRABLE DEFLATE DEFRAG DELTA DELTA32K DESC DISABLE DISTINCT DO ELSE EMPTYASNULL ENABLE ENCODE
  ENCRYPT ENCRYPTION END EXCEPT EXPLICIT FALSE FOR FOREIGN FREEZE FROM FULL GLOBALDICT256
  GLOBALDICT64K GRANT GROUP GZIP HAVING IDENTITY IGNORE ILIKE IN INITIALLY INNER INTERSECT INTERVAL
  INTO IS ISNULL JOIN LEADING LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP LUN LUNS LZO LZOP MINUS
  MOSTLY16 MOSTLY32 MOSTLY8 NATURAL NEW NOT NOTNULL NULL NULLS OFF OFFLINE OFFSET OID OLD ON ONLY
  OPEN OR ORDER OUTER OVERLAPS PARALLEL PARTITION PERCENT PERMISSIONS PIVOT PLACING PRIMARY RAW
  READRATIO RECOVER REFERENCES REJECTLOG RESORT RESPECT RESTORE RIGHT SELECT SESSION_USER SIMILAR
  SNAPSHOT SOME SYSDATE SYSTEM TABLE TAG TDES TEXT255 TEXT32K THEN TIMESTAMP TO TOP TRAILING TRUE
  TRUNCATECOLUMNS UNION UNIQUE UNNEST UNPIVOT USER USING VERBOSE WALLET WHEN WHERE WITH WITHOUT
`.trim().split(/\s+/));

/** Whether `word` is a Redshift reserved word, in any case. */
export function isReservedWord(word: string): boolean {
  return RESERVED_WORDS.has(word.toUpperCase());
}

/** The longest name, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 127;

/**
 * A standard identifier's characters: ASCII letters and underscore first, then also digits and `$`;
 * any non-ASCII character (a UTF-8 multibyte character) except white space.
 */
const STANDARD = /^[A-Za-z_\u0080-\u{10FFFF}][A-Za-z0-9_$\u0080-\u{10FFFF}]*$/u;
/** Unicode white space beyond ASCII (no-break space, ideographic space, ...): quoted to be safe. */
const WIDE_SPACE = /\s/u;
/** What no identifier may hold: control characters, and unpaired surrogates (not UTF-8 at all). */
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}]/u;

/** Whether Redshift reads `name` as a standard identifier, without double quotes. */
export function isStandardIdentifier(name: string): boolean {
  return STANDARD.test(name) && !WIDE_SPACE.test(name) && !isReservedWord(name);
}

/** The name as SQL writes it: standard identifiers as they are, others in double quotes (a `"` doubled). Tokens as they are. */
export function sqlIdentifier(name: string): string {
  if (Token.isUnresolved(name) || isStandardIdentifier(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** The name with control characters written as \xNN or \uNNNN, for messages. */
export function printable(name: string): string {
  return name.replace(/[\p{Cc}\p{Cs}]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A user, group or role name for GRANT: 1 to 127 bytes of printable UTF-8, and never `public`, which
 * GRANT reads as every user. Any such name can be written (in double quotes when needed); Tokens pass.
 */
export function validateGrantName(prop: string, name: string): void {
  if (Token.isUnresolved(name)) return;
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes < 1 || bytes > MAX_NAME_BYTES) {
    throw new Error(`\`${prop}\` must be Redshift names of 1 to ${MAX_NAME_BYTES} bytes in UTF-8 (Amazon Redshift "Names and identifiers"), `
      + `got ${bytes} bytes: '${printable(name)}'`);
  }
  if (NOT_PRINTABLE.test(name)) {
    throw new Error(`\`${prop}\` must be Redshift names of printable characters, without control characters (Amazon Redshift "Names and identifiers": `
      + `identifiers consist of only UTF-8 printable characters), got: '${printable(name)}'`);
  }
  if (name.toLowerCase() === 'public') {
    throw new Error(`\`${prop}\` lists '${name}', which GRANT reads as PUBLIC (every user): name the users, groups or roles that may use the IAM role`);
  }
}
