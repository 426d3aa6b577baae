// Compares prisma/schema.prisma with a migrated database: tables, columns, types, nullability, defaults, enum values, unique
// constraints, indexes and foreign keys. Returns the differences as readable lines (empty = in agreement).
// schema.prisma is read through Prisma's own parser (the WASM build, no native engine needed).
import fs from 'node:fs/promises';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  dbName?: string | null;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

/** Columns maintained by migrations alone (full-text search vectors): Prisma cannot describe them. */
const MIGRATION_ONLY_TYPES = new Set(['tsvector']);
/** Columns the database keeps current through triggers (migration 20261125000000_meeting_search): like generated ones. */
const TRIGGER_MAINTAINED_COLUMNS = new Set(['meetings.search_text']);

function postgresType(field: DmmfField, enums: Map<string, string>): string {
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(',')})` : base);
  let type: string;
  if (field.kind === 'enum') {
    type = enums.get(field.type) ?? field.type;
  } else if (native) {
    const byNative: Record<string, string> = {
      VarChar: withArgs('character varying'),
      Char: withArgs('character'),
      Text: 'text',
      Uuid: 'uuid',
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      Date: 'date',
      Json: 'json',
      JsonB: 'jsonb',
      SmallInt: 'smallint',
      Integer: 'integer',
      BigInt: 'bigint',
      DoublePrecision: 'double precision',
      Real: 'real',
      Decimal: args.length ? `numeric(${args.join(',')})` : 'numeric',
      Boolean: 'boolean',
      ByteA: 'bytea',
      Citext: 'citext',
    };
    type = byNative[native] ?? native.toLowerCase();
  } else {
    const byScalar: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Boolean: 'boolean',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    };
    type = byScalar[field.type] ?? field.type;
  }
  return field.isList ? `${type}[]` : type;
}

const ON_DELETE: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

/** A column default as schema.prisma states it, in one canonical spelling ("none" when there is none). */
function expectedDefault(field: DmmfField): string {
  const value = field.default;
  if (value === undefined) return field.isUpdatedAt ? 'now' : 'none'; // @updatedAt: the migrations add DEFAULT now() for raw inserts
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const name = (value as { name: string }).name;
    return name === 'autoincrement' ? 'autoincrement' : name === 'now' ? 'now' : `function ${name}`;
  }
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `{${value.join(',')}}`; // list defaults: only empty ones are used
  return String(value);
}

/** A column default as PostgreSQL reports it (pg_get_expr), in the same canonical spelling. */
function actualDefault(expression: string | null): string {
  if (expression === null) return 'none';
  if (/^nextval\(/.test(expression)) return 'autoincrement';
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(expression)) return 'now';
  if (/^ARRAY\[\]::[\w ]+\[\]$/.test(expression)) return '{}';
  const literal = /^'((?:[^']|'')*)'::[\w ."]+$/.exec(expression);
  if (literal) return `'${literal[1]!.replace(/''/g, "'")}'`;
  return expression;
}

export async function readDmmf(schemaPath: string): Promise<Dmmf> {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: await fs.readFile(schemaPath, 'utf8') }))) as Dmmf;
}

export async function schemaDifferences(schemaPath: string, client: pg.ClientBase | pg.Pool): Promise<string[]> {
  const { datamodel } = await readDmmf(schemaPath);
  const enums = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (modelName: string) => {
    const m = models.get(modelName)!;
    return m.dbName ?? m.name;
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const f = models.get(modelName)!.fields.find((x) => x.name === fieldName)!;
    return f.dbName ?? f.name;
  };

  // What schema.prisma says.
  const expectedColumns = new Map<string, { type: string; nullable: boolean; default: string }>();
  const expectedTables = new Set<string>();
  const expectedIndexes = new Set<string>();
  const expectedForeignKeys = new Set<string>();
  for (const model of datamodel.models) {
    const table = tableOf(model.name);
    expectedTables.add(table);
    for (const field of model.fields) {
      if (field.kind === 'scalar' || field.kind === 'enum') {
        expectedColumns.set(`${table}.${field.dbName ?? field.name}`, {
          type: postgresType(field, enums),
          nullable: !field.isRequired,
          default: expectedDefault(field),
        });
      }
      if (field.kind === 'object' && field.relationFromFields?.length) {
        const from = field.relationFromFields.map((f) => columnOf(model.name, f));
        const to = field.relationToFields!.map((f) => columnOf(field.type, f));
        const anyRequired = field.relationFromFields.some((f) => model.fields.find((x) => x.name === f)!.isRequired);
        const onDelete = field.relationOnDelete ?? (anyRequired ? 'Restrict' : 'SetNull');
        expectedForeignKeys.add(`${table}(${from.join(', ')}) → ${tableOf(field.type)}(${to.join(', ')}) ON DELETE ${onDelete}`);
      }
    }
  }
  for (const index of datamodel.indexes) {
    const kind = index.type === 'id' ? 'primary key' : index.type === 'unique' ? 'unique' : 'index';
    expectedIndexes.add(`${kind} ${tableOf(index.model)}(${index.fields.map((f) => columnOf(index.model, f.name)).join(', ')})`);
  }

  // What the database has.
  const { rows: columnRows } = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
    generated: boolean;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
           CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
           a.attgenerated <> '' OR (c.relname || '.' || a.attname) = ANY($1::text[]) AS generated
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
    [[...TRIGGER_MAINTAINED_COLUMNS]],
  );
  const { rows: indexRows } = await client.query<{ table: string; unique: boolean; primary: boolean; columns: string[]; types: string[] }>(`
    SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
           array_agg(a.attname::text ORDER BY k.ord) AS columns, array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord) AS types
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations' AND ix.indexprs IS NULL AND ix.indpred IS NULL
    GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`);
  const { rows: fkRows } = await client.query<{
    table: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
  }>(`
    SELECT src.relname AS table, tgt.relname AS ref_table, con.confdeltype AS on_delete,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns
    FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class tgt ON tgt.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = src.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`);

  const differences: string[] = [];
  const actualTables = new Set(columnRows.map((r) => r.table));
  for (const table of expectedTables) if (!actualTables.has(table)) differences.push(`table ${table}: missing in the database`);
  for (const table of actualTables)
    if (!expectedTables.has(table)) differences.push(`table ${table}: in the database but not in schema.prisma`);

  const actualColumns = new Map(columnRows.map((r) => [`${r.table}.${r.column}`, r]));
  for (const [key, expected] of expectedColumns) {
    const actual = actualColumns.get(key);
    if (!actual) {
      if (actualTables.has(key.split('.')[0]!)) differences.push(`column ${key}: missing in the database`);
      continue;
    }
    if (actual.type !== expected.type) differences.push(`column ${key}: type is ${actual.type}, schema.prisma says ${expected.type}`);
    if (actualDefault(actual.default) !== expected.default) {
      differences.push(`column ${key}: default is ${actualDefault(actual.default)} in the database, ${expected.default} in schema.prisma`);
    }
    if (actual.nullable !== expected.nullable) {
      differences.push(
        `column ${key}: ${actual.nullable ? 'nullable' : 'NOT NULL'} in the database, ${expected.nullable ? 'optional' : 'required'} in schema.prisma`,
      );
    }
  }
  for (const [key, actual] of actualColumns) {
    // Columns the database computes itself (search text, full-text vectors) are declared in the migrations only.
    if (!expectedColumns.has(key) && expectedTables.has(actual.table) && !MIGRATION_ONLY_TYPES.has(actual.type) && !actual.generated) {
      differences.push(`column ${key}: in the database but not in schema.prisma`);
    }
  }

  const generatedColumns = new Set(columnRows.filter((r) => r.generated).map((r) => `${r.table}.${r.column}`));
  const actualIndexes = new Set(
    indexRows
      .filter((r) => !r.types.some((t) => MIGRATION_ONLY_TYPES.has(t)))
      .filter((r) => !r.columns.some((c) => generatedColumns.has(`${r.table}.${c}`)))
      .map((r) => `${r.primary ? 'primary key' : r.unique ? 'unique' : 'index'} ${r.table}(${r.columns.join(', ')})`),
  );
  for (const index of expectedIndexes) if (!actualIndexes.has(index)) differences.push(`${index}: missing in the database`);
  for (const index of actualIndexes)
    if (!expectedIndexes.has(index)) differences.push(`${index}: in the database but not in schema.prisma`);

  const actualForeignKeys = new Set(
    fkRows.map(
      (r) =>
        `${r.table}(${r.columns.join(', ')}) → ${r.ref_table}(${r.ref_columns.join(', ')}) ON DELETE ${ON_DELETE[r.on_delete] ?? r.on_delete}`,
    ),
  );
  for (const fk of expectedForeignKeys) if (!actualForeignKeys.has(fk)) differences.push(`foreign key ${fk}: missing in the database`);
  for (const fk of actualForeignKeys)
    if (!expectedForeignKeys.has(fk)) differences.push(`foreign key ${fk}: in the database but not in schema.prisma`);

  const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() GROUP BY t.typname`);
  const actualEnums = new Map(enumRows.map((r) => [r.name, r.values]));
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const expected = e.values.map((v) => v.dbName ?? v.name);
    const actual = actualEnums.get(name);
    if (!actual) differences.push(`enum ${name}: missing in the database`);
    else if (actual.join(',') !== expected.join(',')) differences.push(`enum ${name}: values are ${actual.join(', ')}, schema.prisma says ${expected.join(', ')}`);
  }
  for (const name of actualEnums.keys()) {
    if (!datamodel.enums.some((e) => (e.dbName ?? e.name) === name)) differences.push(`enum ${name}: in the database but not in schema.prisma`);
  }

  return differences.sort();
}
