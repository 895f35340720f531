/** Module aliases of every bundle (see bundle-aliases.mjs). */
export declare const ALIASES: Record<string, string>;
