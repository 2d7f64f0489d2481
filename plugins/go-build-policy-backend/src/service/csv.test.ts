import { csvCell, csvLine } from './csv';

describe('csv', () => {
  it('quotes text and doubles embedded quotes', () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(
      `"'=HYPERLINK(""http://evil"")"`,
    );
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-cmd')).toBe(`"'-cmd"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
  });

  it('writes numbers and booleans bare and missing values empty', () => {
    expect(csvLine([42, true, null, undefined, 'a'])).toBe('42,true,,,"a"\r\n');
  });
});
