/** Writes the benchmark's synthetic project (an outline of `n` parts, audience "bench") into a new temporary folder and returns the folder. */
export function syntheticProject(n: number): string;
