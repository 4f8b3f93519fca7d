import type { Core } from './deps.js';

/**
 * Masks each value, and each line of a multi-line one, once. Keeps the set of masked
 * values so any text bound for the log can be redacted against it as well.
 */
export class Masker {
  readonly values = new Set<string>();

  constructor(private readonly core: Core) {}

  mask(...values: Array<string | undefined>): void {
    for (const value of values) {
      if (!value) continue;
      for (const v of [value, ...value.split(/\r\n|\r|\n/).map((l) => l.trim())]) {
        // A line such as `{` would mask every brace in the log: only lines with substance.
        if (v !== value && (v.length < 8 || !/[A-Za-z0-9]{4}/.test(v))) continue;
        if (this.values.has(v)) continue;
        this.values.add(v);
        this.core.setSecret(v);
      }
    }
  }
}
