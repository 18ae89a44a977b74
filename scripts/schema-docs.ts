import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  astFromValue,
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
} from 'graphql';
import { API_SCHEMA_PATH } from './supergraph.ts';

export const SCHEMA_REFERENCE_PATH = new URL('../docs/schema/index.html', import.meta.url);

/** The public types, without introspection types and GraphQL's own scalars. */
function publicTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every public type, field, argument, input field and enum value without a description, by
 * coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`).
 */
export function undocumentedCoordinates(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of publicTypes(schema)) {
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) {
          check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A description as HTML: paragraphs at blank lines, `code` spans kept. */
function prose(description: string | null | undefined): string {
  if (!description?.trim()) return '';
  return description
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escape(paragraph).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('');
}

/** A type reference such as `[Product!]!`, with the named type linked to its section. */
function typeRef(type: GraphQLType): string {
  if (isNonNullType(type)) return `${typeRef(type.ofType)}!`;
  if (isListType(type)) return `[${typeRef(type.ofType)}]`;
  const named = getNamedType(type);
  return isSpecifiedScalarType(named)
    ? `<span class="builtin">${named.name}</span>`
    : `<a href="#${named.name}">${named.name}</a>`;
}

function deprecation(reason: string | null | undefined): string {
  return reason == null ? '' : `<p class="deprecated">Deprecated: ${escape(reason)}</p>`;
}

/** ` = 24`, ` = RELEVANCE`: the default value in GraphQL syntax, when there is one. */
function defaultValue(input: GraphQLArgument | GraphQLInputField): string {
  const ast =
    input.defaultValue === undefined ? null : astFromValue(input.defaultValue, input.type);
  return ast ? ` = ${escape(print(ast))}` : '';
}

function argumentsList(args: readonly GraphQLArgument[]): string {
  if (args.length === 0) return '';
  const items = args.map(
    (arg) =>
      `<li><code>${arg.name}: ${typeRef(arg.type)}${defaultValue(arg)}</code>` +
      `${prose(arg.description)}${deprecation(arg.deprecationReason)}</li>`,
  );
  return `<ul class="args">${items.join('')}</ul>`;
}

function fieldRow(
  typeName: string,
  field: GraphQLField<unknown, unknown> | GraphQLInputField,
): string {
  const args = 'args' in field ? field.args : [];
  const initial = 'args' in field ? '' : defaultValue(field);
  return (
    `<dt id="${typeName}.${field.name}"><code>${field.name}: ${typeRef(field.type)}${initial}</code></dt>` +
    `<dd>${prose(field.description)}${deprecation(field.deprecationReason)}` +
    `${argumentsList(args)}</dd>`
  );
}

const KINDS: [string, (type: GraphQLNamedType) => boolean][] = [
  ['Objects', isObjectType],
  ['Interfaces', isInterfaceType],
  ['Unions', isUnionType],
  ['Enums', isEnumType],
  ['Input objects', isInputObjectType],
  ['Scalars', isScalarType],
];

function typeSection(schema: GraphQLSchema, type: GraphQLNamedType): string {
  const kind = KINDS.find(([, is]) => is(type))![0]
    .replace(/s$/, '')
    .toLowerCase();
  let body = '';
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces();
    if (interfaces.length > 0) {
      body += `<p>Implements ${interfaces.map((i) => typeRef(i)).join(', ')}.</p>`;
    }
    if (isInterfaceType(type)) {
      const implementations = schema.getPossibleTypes(type).map((t) => typeRef(t));
      body += `<p>Implemented by ${implementations.join(', ')}.</p>`;
    }
  }
  if (isUnionType(type)) {
    body += `<p>One of ${type
      .getTypes()
      .map((t) => typeRef(t))
      .join(', ')}.</p>`;
  }
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => fieldRow(type.name, field));
    body += `<dl>${fields.join('')}</dl>`;
  }
  if (isEnumType(type)) {
    const values = type
      .getValues()
      .map(
        (value) =>
          `<dt id="${type.name}.${value.name}"><code>${value.name}</code></dt>` +
          `<dd>${prose(value.description)}${deprecation(value.deprecationReason)}</dd>`,
      );
    body += `<dl>${values.join('')}</dl>`;
  }
  return (
    `<section id="${type.name}"><h3>${type.name} <small>${kind}</small></h3>` +
    `${prose(type.description)}${body}</section>`
  );
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1d1d1f}
nav{width:16rem;flex:none;height:100vh;overflow:auto;position:sticky;top:0;padding:1rem;
background:#f5f5f7;box-sizing:border-box;font-size:13px}
nav h2{font-size:13px;margin:1rem 0 .25rem}nav ul{list-style:none;margin:0;padding:0}
main{padding:1rem 2rem;max-width:60rem}a{color:#0a58ca;text-decoration:none}
section{border-top:1px solid #ddd;padding:.5rem 0}h3 small{color:#777;font-weight:normal}
dt{margin-top:.75rem}dd{margin-left:1.5rem}dd p,section>p{margin:.25rem 0}
code{font:13px/1.4 ui-monospace,monospace}.builtin{color:#555}
.args{margin:.25rem 0;padding-left:1.25rem}.deprecated{color:#b42318}
`;

/** The schema reference: one static HTML page, no external assets. */
export function renderSchemaReference(schema: GraphQLSchema): string {
  const types = publicTypes(schema);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .filter((type) => type != null)
    .map((type) => type.name);
  const groups: [string, GraphQLNamedType[]][] = [
    ['Operations', roots.map((name) => schema.getType(name)!)],
    ...KINDS.map(([title, is]): [string, GraphQLNamedType[]] => [
      title,
      types.filter((type) => is(type) && !roots.includes(type.name)),
    ]),
  ];
  const nav = groups
    .filter(([, members]) => members.length > 0)
    .map(
      ([title, members]) =>
        `<h2>${title}</h2><ul>${members
          .map((type) => `<li><a href="#${type.name}">${type.name}</a></li>`)
          .join('')}</ul>`,
    )
    .join('\n');
  const sections = groups
    .filter(([, members]) => members.length > 0)
    .map(
      ([title, members]) =>
        `<h2>${title}</h2>\n${members.map((type) => typeSection(schema, type)).join('\n')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>commerce graph: GraphQL API reference</title>
<style>${STYLE}</style>
</head>
<body>
<nav>
<strong>commerce graph API</strong>
${nav}
</nav>
<main>
<h1>GraphQL API reference</h1>
<p>Generated from <code>schema/api.graphql</code> by <code>pnpm docs:schema</code>; do not edit.
Changes to the API are listed in <code>schema/CHANGELOG.md</code>.</p>
${sections}
</main>
</body>
</html>
`;
}

/** The reference for the committed schema/api.graphql. */
export function renderCommittedSchemaReference(): string {
  return renderSchemaReference(buildSchema(readFileSync(API_SCHEMA_PATH, 'utf8')));
}

/** Writes docs/schema/index.html from schema/api.graphql. */
export function writeSchemaReference(): void {
  mkdirSync(new URL('.', SCHEMA_REFERENCE_PATH), { recursive: true });
  writeFileSync(SCHEMA_REFERENCE_PATH, renderCommittedSchemaReference());
}

// `pnpm docs:schema`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeSchemaReference();
  console.log(`wrote ${fileURLToPath(SCHEMA_REFERENCE_PATH)}`);
}
