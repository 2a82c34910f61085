// result.json: the AuditResult itself, validated against its schema so nothing malformed is ever
// written (or read back by rescore, diff and the UI). Format documented in docs/result-format.md.
import { z } from 'zod';
import { AuditResult, RESULT_SCHEMA_VERSION } from '../audit/result.ts';
import { UserError } from '../util/errors.ts';

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${path}: ${issue.message}${more}`;
}

/** Pretty JSON (2-space indent, trailing newline) of a validated AuditResult. */
export function renderJson(result: AuditResult): string {
  const parsed = AuditResult.safeParse(result);
  if (!parsed.success) {
    throw new UserError(`audit result does not match the result schema: ${firstIssue(parsed.error)}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}

/** Read result.json text back; a one-line UserError names the file and the first problem. */
export function parseResultJson(text: string, file = 'result.json'): AuditResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== RESULT_SCHEMA_VERSION) {
    throw new UserError(`${file}: result schema version ${version} is not supported (this tool reads version ${RESULT_SCHEMA_VERSION})`);
  }
  const parsed = AuditResult.safeParse(data);
  if (!parsed.success) throw new UserError(`${file}: not an oit-audit result: ${firstIssue(parsed.error)}`);
  return parsed.data;
}
