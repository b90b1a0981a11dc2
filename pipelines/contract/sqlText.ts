/** How text goes into the SQL that the pipeline and the site write: as a string literal or as a quoted name. */

/** A SQL string literal. */
export const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A quoted SQL identifier (a column or table name). */
export const sqlIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
