import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './csv';

describe('CSV cells', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutralise(evil)).toBe(`'${evil}`);
    for (const plain of ['Woodgrove Bank', '10', '6.00', 'a=b', '']) expect(neutralise(plain)).toBe(plain);
    expect(neutralise(null)).toBe('');
    expect(neutralise(12.5)).toBe('12.5');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), CRLF rows, UTF-8 BOM', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', '=bad'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=bad\r\n');
  });
});
