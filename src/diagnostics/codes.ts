/**
 * The catalog of permanent diagnostic codes. A code is never reused for another meaning.
 * Each entry: a title (what happened) and a default hint (what to do).
 */
export const CODES = {
  MJZ100: { title: 'YAML syntax error', hint: 'Check the indentation and quoting around the marked place.' },
  MJZ101: { title: 'YAML problem', hint: 'Fix the YAML at the marked place.' },
  MJZ102: { title: 'Empty file', hint: 'The file must contain a YAML mapping.' },
  MJZ103: { title: 'File is not UTF-8', hint: 'Save the file as UTF-8.' },
  MJZ104: { title: 'Character a slide cannot hold', hint: 'Remove the character (often an invisible control character pasted with the text): PowerPoint rejects a deck that holds it.' },
  MJZ105: { title: 'Nested too deeply', hint: 'Content needs only a few levels of nesting; check the brackets and the indentation.' },
  MJZ106: { title: 'Reserved key', hint: 'Rename the key: __proto__ and constructor are reserved names.' },
  MJZ110: { title: 'Unknown key', hint: 'Remove the key or fix its spelling.' },
  MJZ111: { title: 'Wrong value', hint: 'Give a value of the expected type.' },
  MJZ112: { title: 'Missing field', hint: 'Add the field.' },
  MJZ120: { title: 'File not found', hint: 'Create the file or check the --root folder.' },
  MJZ121: { title: 'Cannot read the file', hint: 'Check that the file is readable (its permissions).' },
  MJZ122: { title: 'Path outside the project', hint: 'Keep every file of the project inside it: no absolute paths, no .. and no symbolic links that lead out.' },
  MJZ123: { title: 'No project at that folder', hint: 'Give --root the folder that holds content/ and templates/.' },
  MJZ130: { title: 'Unknown source', hint: 'Add the source to content/sources.yaml or fix the id.' },
  MJZ131: { title: 'Unknown fact', hint: 'Add the fact to content/facts.yaml or fix the key.' },
  MJZ132: { title: 'Basis not found in the article', hint: 'Copy the sentence verbatim from the article text.' },
  MJZ133: { title: 'Duplicate id', hint: 'Give each entry its own id.' },
  MJZ134: { title: 'Invalid fact', hint: 'A fact has either a value with a source, or a derivation from data.' },
  MJZ135: { title: 'Figure in the outline its basis does not state', hint: 'Make it a fact ([[key]]) with its source, or quote the sentence that states it in the basis.' },
  MJZ136: { title: 'Source cited by nothing', hint: 'Cite it from a fact or a template, or remove it from content/sources.yaml.' },
  MJZ137: { title: "Figure typed where a fact's reference belongs", hint: 'Write the fact as [[key]]: a typed figure does not follow the fact when it changes.' },
  MJZ140: { title: 'Stated figure disagrees with the data', hint: 'Check both places: correct the data or the stated figure.' },
  MJZ141: { title: 'Unknown data figure', hint: 'Use one of the figures the data provides.' },
  MJZ142: { title: 'Member outside the grouping, or of an unknown group', hint: 'Adjust the match rules in content/data/groups.yaml so that every member falls in exactly one group.' },
  MJZ143: { title: 'Unused fact', hint: 'Show the fact on a slide or remove it.' },
  MJZ144: { title: 'Figure without a source', hint: 'Add the source that states it: stated: { value: ..., source: A1 }.' },
  MJZ145: { title: 'Stated value not in its quote', hint: 'Correct the value, or quote the sentence that states it.' },
  MJZ146: { title: 'Member listed twice', hint: 'Keep one entry per member: each entry counts once in every figure.' },
  MJZ147: { title: 'Member also listed after the article', hint: 'Remove it from after_article now that it is in members.' },
  MJZ148: { title: 'Point no longer matches its basis', hint: "Read the point again, then record the new figure's source under the fact's stated in content/facts.yaml." },
  MJZ149: { title: 'Join date the build cannot read or place', hint: "Write the date a member joined YYYY-MM-DD, e.g. '2025-11-11'." },
  MJZ150: { title: 'Unknown audience, or none at all', hint: 'Use one of the audiences under templates/.' },
  MJZ151: { title: 'Audience incomplete', hint: 'An audience folder needs deck.hbs and theme.yaml.' },
  MJZ152: { title: 'Audiences extend each other in a circle', hint: 'Remove one of the `extends` lines.' },
  MJZ153: { title: 'Cannot create the audience', hint: 'Choose a new, valid name.' },
  MJZ154: { title: 'Font not installed here', hint: "Install the theme's font, or name one that is installed." },
  MJZ155: { title: 'Logo not usable', hint: "Name a PNG or JPEG of the audience's folder in the theme's logo.file." },
  MJZ156: { title: "Audience with another audience's label", hint: "Write who the deck is for on the theme's label line." },
  MJZ157: { title: 'Font without Arabic letters', hint: 'Name a font with Arabic and Latin glyphs under fonts: in the theme.' },
  MJZ160: { title: 'Template syntax error', hint: 'Fix the Handlebars syntax at the marked place.' },
  MJZ161: { title: 'Template error', hint: 'The template refers to something the context does not have.' },
  MJZ162: { title: 'Unquoted interpolation', hint: 'Write the interpolation inside double quotes: key: "{{value}}".' },
  MJZ163: { title: 'Unknown helper', hint: 'Use one of the helpers mujaz provides.' },
  MJZ164: { title: 'Unknown partial', hint: 'Add the partial under partials/ or fix its name.' },
  MJZ165: { title: 'Figure typed into a template', hint: 'Print figures from the facts.' },
  MJZ166: { title: 'Template reaches for a prototype', hint: 'Templates read the fields of the context only; name a field, e.g. {{article.title}}.' },
  MJZ167: { title: 'Helper called with the wrong arguments', hint: 'Give the helper the arguments it takes.' },
  MJZ168: { title: 'Slide text cut by a YAML comment', hint: 'Put the text in double quotes.' },
  MJZ169: { title: "Audience's partial never included", hint: 'Name it after the partial it replaces, include it, or remove it.' },
  MJZ170: { title: 'Deck spec is not valid YAML', hint: 'The template produced broken YAML; check the template lines around the marked place.' },
  MJZ171: { title: 'List too long for its slide', hint: 'Split the list over slides, e.g. {{#each (chunk sources 10)}} around the slide, as the shipped sources partials do.' },
  MJZ172: { title: 'Table too tall for its slide', hint: 'Give the table fewer rows (split them over two table slides with the same columns) or shorter cells.' },
  MJZ173: { title: 'Quote mark with no opening one', hint: 'Add the opening quote where the text begins: title: "…".' },
  MJZ190: { title: 'Cannot write output', hint: 'Check that the output folder is writable.' },
  MJZ900: { title: 'Internal error', hint: 'This is a bug in mujaz. Please report it with the stack trace (--debug).' },
} as const satisfies Record<string, { title: string; hint: string }>;

export type Code = keyof typeof CODES;

/** The hint a diagnostic shows: its own, or its code's default. */
export function hintOf(d: { code: string; hint?: string }): string | undefined {
  return d.hint ?? CODES[d.code as Code]?.hint;
}
