/** Types for the `hyphen` package's en-GB entry (it ships none): Liang patterns from the TeX hyphenation project. A CommonJS module, so it is imported whole. */
declare module 'hyphen/en-gb/index.js' {
  const enGb: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; debug?: boolean; exceptions?: string[] }): string;
  };
  export default enGb;
}
