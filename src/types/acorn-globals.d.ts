// acorn-globals ships no types; only what lib/views.ts uses.
declare module 'acorn-globals' {
  /** The names a script uses without declaring them. */
  export default function findGlobals(source: string): { name: string }[];
}
