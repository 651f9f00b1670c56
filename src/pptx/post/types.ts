/** Options of finalizePackage: the facts the post-processing stage cannot read from the package. */
export interface FinalizeOptions {
  /** BCP 47 tag of all text, e.g. 'ar-SA'. */
  lang: string;
  /** BCP 47 tag of the paragraphs the renderer marked as Latin text (English source titles: rtl.ts, isolateLatin). */
  latinLang?: string;
  /** true for Arabic decks: every paragraph right-to-left and right-aligned. */
  rtl: boolean;
  /** Theme fonts: major = headings, minor = body; `cs` is the complex-script (Arabic) face. */
  fonts: { major: { latin: string; cs: string }; minor: { latin: string; cs: string } };
  /** ISO 8601; written as dcterms:created/modified (deck and embedded workbooks) and as the zip entry dates. */
  fixedDate: string;
  /** docProps/core.xml dc:title, when given. */
  title?: string;
  /** docProps/app.xml: the slides' titles, in order (when given, with the theme's fonts as the fonts used). */
  slideTitles?: readonly string[];
  /** Named text properties written to docProps/custom.xml (e.g. the build manifest). */
  customProperties?: Record<string, string>;
}

/**
 * A package in memory: XML parts (`.xml`, `.rels`) as text, every other part as bytes.
 * Part names are zip entry names (no leading '/'); folder entries are not kept.
 */
export interface PartMap {
  xml: Map<string, string>;
  bin: Map<string, Uint8Array>;
}
