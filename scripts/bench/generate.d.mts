// Types for the benchmark's document generator (tests reuse it).
export function rng(seed?: number): () => number;
export function generateDocument(bytes: number, seed?: number): string;
export function pathological(name: string): string;
export const PATHOLOGICAL: readonly string[];
