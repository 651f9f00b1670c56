/** mujaz: the public API. */
export { buildDeck, buildDecks, describeAudiences, listAudiences, scaffoldAudience, DEFAULT_AUDIENCE } from './api.js';
export type { AudienceInfo, BuildDeckOptions, BuildDecksOptions, WrittenDeck } from './api.js';
export { compileAudience, prepareContent } from './build.js';
export type { DeckResult, PreparedContent, CompileOptions } from './build.js';
export type { Diagnostic, Severity, Location, Position } from './diagnostics/diagnostic.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export { DeckSpecSchema } from './spec/schema.js';
export type { DeckSpec, Slide } from './spec/schema.js';
export { ThemeSchema } from './audience/theme.js';
export type { Theme } from './audience/theme.js';
