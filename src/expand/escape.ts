import Handlebars from 'handlebars';

/**
 * Escapes an interpolated value for the inside of a YAML double-quoted scalar. YAML
 * double-quoted scalars accept JSON escapes, so quotes, backslashes, newlines, '#', ': ' and
 * '{{' all round-trip exactly.
 */
export function yamlEscape(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Handlebars.SafeString) return value.toHTML();
  return JSON.stringify(String(value)).slice(1, -1);
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
