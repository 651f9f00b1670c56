import Handlebars from 'handlebars';

/**
 * Escapes an interpolated value for the inside of a YAML double-quoted scalar. YAML
 * double-quoted scalars accept JSON escapes, so quotes, backslashes, newlines, '#', ': ' and
 * '{{' all round-trip exactly.
 */
export function yamlEscape(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Handlebars.SafeString) return value.toHTML();
  if (isRecordOrList(value)) return printedMark(value);
  return JSON.stringify(String(value)).slice(1, -1);
}

/** Around what a template printed that is no text: a mapping or a list (expand.ts reports it at its line). */
export const PRINTED = '\uE00E';

/** A mapping (whose text would be "[object Object]") or a list (its items joined by commas). */
function isRecordOrList(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The mark left in the output for a mapping or list printed as text: what it is, and its fields. */
function printedMark(value: object): string {
  const what = Array.isArray(value) ? `a list of ${value.length}` : `a mapping (fields: ${Object.keys(value).slice(0, 8).join(', ') || 'none'})`;
  return `${PRINTED}${what.replace(/\uE00E/g, '')}${PRINTED}`;
}

/**
 * Handlebars has no per-environment escape: compiled templates call the shared
 * Handlebars.Utils.escapeExpression. Swap in the YAML escape for one synchronous render and
 * restore it, so other Handlebars users in the process keep escaping HTML.
 */
export function withYamlEscape<T>(render: () => T): T {
  const utils = Handlebars.Utils as { escapeExpression: (value: unknown) => string };
  const html = utils.escapeExpression;
  utils.escapeExpression = yamlEscape;
  try {
    return render();
  } finally {
    utils.escapeExpression = html;
  }
}
