import fc from 'fast-check';
import { csvDocument, figure } from '../../../shared/domain/exports/csv';
import { moneyColumns } from '../../../shared/domain/exports/money-columns';
import { parseCsv } from '../../support/csv';

describe('CSV', () => {
  it('quotes as RFC 4180 says, with CRLF line ends', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
          [null, 42],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n,42\r\n');
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+49 30 123', "'+49 30 123"],
    ['-5', "'-5"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
  ])('defuses the typed text %j', (cell, written) => {
    expect(csvDocument(['c'], [[cell]])).toBe(`c\r\n${written}\r\n`);
  });

  it('keeps the minus sign of numbers and computed amounts', () => {
    expect(csvDocument(['n', 'm'], [[-5, figure('-12.50')]])).toBe('n,m\r\n-5,-12.50\r\n');
  });

  it('reads back every text cell as written, formula starts prefixed with one quote', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 10 }),
        (rows) => {
          const parsed = parseCsv(csvDocument(['x', 'y', 'z'], rows));
          expect(parsed.map((row) => [row.x, row.y, row.z])).toEqual(
            rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))),
          );
        },
      ),
    );
  });
});

describe('money columns', () => {
  it.each([
    [150000, 'JPY', '150000'],
    [125050, 'EUR', '1250.50'],
    [5, 'EUR', '0.05'],
    [1234567, 'KWD', '1234.567'],
    [7, 'KWD', '0.007'],
    [-50000, 'JPY', '-50000'],
    [-1, 'EUR', '-0.01'],
  ])('writes %d %s as %s beside its minor units', (amount, currency, decimal) => {
    expect(csvDocument(['amount', 'amount_minor'], [moneyColumns(amount, currency)])).toBe(
      `amount,amount_minor\r\n${decimal},${amount}\r\n`,
    );
  });
});
