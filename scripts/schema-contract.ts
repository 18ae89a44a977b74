import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { API_SCHEMA_PATH } from './supergraph.ts';

export const RELEASED_API_SCHEMA_PATH = new URL('../schema/released/api.graphql', import.meta.url);
export const SCHEMA_CHANGELOG_PATH = new URL('../schema/CHANGELOG.md', import.meta.url);

/** A breaking change, with the reason the changelog gives for it when it is accepted. */
export interface BreakingChange {
  coordinate: string;
  message: string;
  reason?: string;
}

export interface SchemaContractReport {
  /** Breaking changes the changelog does not accept: the check fails on these. */
  unaccepted: BreakingChange[];
  /** Breaking changes listed under Unreleased in the changelog. */
  accepted: BreakingChange[];
  /** Changes that can break some clients (a new enum value, a new optional argument...). */
  dangerous: string[];
  /** `@deprecated` usages that do not follow the policy: the check fails on these too. */
  deprecationProblems: string[];
}

/**
 * The breaking changes the changelog accepts, by coordinate: the `- BREAKING <coordinate>:
 * <reason>` lines of its `## Unreleased` section (a line without a reason accepts nothing).
 */
export function acceptedBreakingChanges(changelog: string): Map<string, string> {
  const unreleased = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1];
  const accepted = new Map<string, string>();
  for (const [, coordinate, reason] of (unreleased ?? '').matchAll(
    /^- BREAKING ([\w.]+): *(\S.*)$/gm,
  )) {
    accepted.set(coordinate!, reason!.trim());
  }
  return accepted;
}

const DEPRECATION_REASON = /^Use \S.* instead\. Removal: (\d{4}-\d{2}-\d{2})\.$/;

/**
 * Every `@deprecated` in the schema whose reason does not name a replacement and a removal date
 * in the form `Use Product.name instead. Removal: 2027-06-01.`
 */
export function deprecationProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const check = (coordinate: string, reason: string | null | undefined) => {
    if (reason == null) return;
    const date = DEPRECATION_REASON.exec(reason)?.[1];
    if (!date || Number.isNaN(Date.parse(date))) {
      problems.push(
        `${coordinate} is deprecated with "${reason}"; the reason must read ` +
          '"Use <replacement> instead. Removal: YYYY-MM-DD."',
      );
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of 'args' in field ? field.args : []) {
          check(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        check(`${type.name}.${value.name}`, value.deprecationReason);
      }
    }
  }
  return problems;
}

/** Compares the current API schema with the released one, against the changelog. */
export async function checkSchemaContract(input: {
  released: string;
  current: string;
  changelog: string;
}): Promise<SchemaContractReport> {
  const released = buildSchema(input.released);
  const current = buildSchema(input.current);
  const accepted = acceptedBreakingChanges(input.changelog);
  const report: SchemaContractReport = {
    unaccepted: [],
    accepted: [],
    dangerous: [],
    deprecationProblems: deprecationProblems(current),
  };
  for (const change of await diff(released, current)) {
    if (change.criticality.level === CriticalityLevel.Dangerous) {
      report.dangerous.push(`${coordinateOf(change)}: ${change.message}`);
    }
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const coordinate = coordinateOf(change);
    const reason = accepted.get(coordinate);
    const breaking = { coordinate, message: change.message, ...(reason ? { reason } : {}) };
    (reason ? report.accepted : report.unaccepted).push(breaking);
  }
  return report;
}

/** The coordinate a changelog line names a change by: `Type`, `Type.field` or `Type.field.arg`. */
function coordinateOf(change: Change): string {
  return change.path ?? change.type;
}

/** The report as the check prints it. */
export function formatSchemaContractReport(report: SchemaContractReport): string {
  const lines: string[] = [];
  for (const change of report.unaccepted) {
    lines.push(`BREAKING  ${change.coordinate}: ${change.message}`);
  }
  if (report.unaccepted.length > 0) {
    lines.push(
      '          accept each under "## Unreleased" in schema/CHANGELOG.md as',
      '          "- BREAKING <coordinate>: <reason>", or keep the old schema working',
    );
  }
  for (const problem of report.deprecationProblems) lines.push(`POLICY    ${problem}`);
  for (const change of report.accepted) {
    lines.push(`accepted  ${change.coordinate}: ${change.message} (${change.reason})`);
  }
  for (const change of report.dangerous) lines.push(`dangerous ${change}`);
  const failed = report.unaccepted.length + report.deprecationProblems.length;
  lines.push(
    failed === 0
      ? `schema contract holds: ${report.accepted.length} accepted breaking change(s), ` +
          `${report.dangerous.length} dangerous change(s) since the release`
      : `schema contract broken: ${failed} problem(s)`,
  );
  return lines.join('\n');
}

/** Checks the committed files: schema/api.graphql against schema/released/api.graphql. */
export function checkCommittedSchemaContract(): Promise<SchemaContractReport> {
  return checkSchemaContract({
    released: readFileSync(RELEASED_API_SCHEMA_PATH, 'utf8'),
    current: readFileSync(API_SCHEMA_PATH, 'utf8'),
    changelog: readFileSync(SCHEMA_CHANGELOG_PATH, 'utf8'),
  });
}

// `pnpm schema:check`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await checkCommittedSchemaContract();
  console.log(formatSchemaContractReport(report));
  if (report.unaccepted.length + report.deprecationProblems.length > 0) process.exitCode = 1;
}
