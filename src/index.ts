/** mujaz: the public API. */
export { buildDeck, buildDecks, checkProject, previewDecks, readProject, watchProject, describeAudiences, listAudiences, listFacts, readManifest, scaffoldAudience, DEFAULT_AUDIENCE, ManifestError } from './api.js';
export type { AudienceInfo, PreviewedDeck, ProjectSources, BuildDeckOptions, BuildDecksOptions, FactListing, WrittenDeck } from './api.js';
export { MissingToolError } from './preview/missing.js';
export { diffManifests, formatDiff } from './manifest/diff.js';
export type { ChartChange, DeckDiff, FactChange, LookChange, PointChange, SlideChange } from './manifest/diff.js';
export type { Manifest, ManifestChart, ManifestSlide } from './manifest/manifest.js';
export { compileAudience, prepareContent } from './build.js';
export type { DeckResult, BuiltDeck, UnbuiltDeck, PreparedContent, CompileOptions } from './build.js';
export type { Diagnostic, Severity, Location, Position } from './diagnostics/diagnostic.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export { DeckSpecSchema } from './spec/schema.js';
export type { DeckSpec, Slide, SourceItem } from './spec/schema.js';
export { ThemeSchema } from './audience/theme.js';
export type { Theme } from './audience/theme.js';
export type { WatchEvent, WatchOptions, Watcher } from './watch/watch.js';
