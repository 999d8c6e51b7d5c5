/**
 * PDF names by their text, each made once. pdf-lib's PDFName.of runs a regular expression over the text on every
 * call before it looks the name up in its own pool, and its parser makes every name it reads that way: a long
 * report's structure tree is hundreds of thousands of names, and that regular expression was a quarter of the
 * parse. The memo answers with the very object pdf-lib's pool holds (PDFName.of is a pure function of its text),
 * so it is installed as PDFName.of for the parser too.
 */
import { PDFName } from 'pdf-lib';

const made = new Map<string, PDFName>();
const pooled = PDFName.of;

export function N(text: string): PDFName {
  let name = made.get(text);
  if (name === undefined) made.set(text, (name = pooled(text)));
  return name;
}

PDFName.of = N;
