/**
 * A letter as a print-ready PDF: A4, the recipient's address where a DL window envelope shows
 * it (DIN 5008 / C5-6 window), then the subject and the text, wrapped to the page and continued on
 * as many pages as it needs. Standard PDF fonts, so nothing is embedded and the file stays small.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const MARGIN_LEFT = 25 * MM;
const MARGIN_RIGHT = 20 * MM;
const ADDRESS_TOP = 45 * MM + 12;
const BODY_TOP = 105 * MM;
const BOTTOM = 25 * MM;
const SIZE = 10.5;
const LEADING = 14;

export interface LetterContent {
  /** The postal address as one line, parts separated by commas. */
  to: string;
  subject?: string;
  body: string;
  /** The local date printed on the letter. */
  date: string;
  /** Printed in the footer of every page, for the mail room. */
  reference: string;
}

/** The standard fonts speak Windows-1252: anything else (a narrow no-break space) is replaced. */
function printable(text: string): string {
  return text
    .replace(/[\u202f\u2009\u00a0]/gu, ' ')
    .replace(/[\u2018\u2019]/gu, "'")
    .replace(/[\u201c\u201d]/gu, '"')
    .replace(/[^\n\x20-\x7e\u00a1-\u00ff\u20ac\u2013\u2014\u2022\u2026]/gu, '?');
}

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/u)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, SIZE) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderLetterPdf(letter: LetterContent): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(printable(letter.subject ?? 'Letter'));
  document.setProducer('Recoup');
  document.setCreationDate(new Date(`${letter.date}T00:00:00Z`));
  document.setModificationDate(new Date(`${letter.date}T00:00:00Z`));
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - MARGIN_LEFT - MARGIN_RIGHT;

  let page = document.addPage([A4.width, A4.height]);
  let y = A4.height - ADDRESS_TOP;
  for (const line of printable(letter.to).split(/,\s*/u)) {
    page.drawText(line, { x: MARGIN_LEFT, y, size: SIZE, font: regular });
    y -= LEADING;
  }
  y = A4.height - BODY_TOP + 2 * LEADING;
  const dateWidth = regular.widthOfTextAtSize(letter.date, SIZE);
  page.drawText(letter.date, { x: A4.width - MARGIN_RIGHT - dateWidth, y, size: SIZE, font: regular });
  y = A4.height - BODY_TOP;
  if (letter.subject) {
    for (const line of wrap(printable(letter.subject), bold, width)) {
      page.drawText(line, { x: MARGIN_LEFT, y, size: SIZE, font: bold });
      y -= LEADING;
    }
    y -= LEADING;
  }
  const footer = (target: typeof page, number: number) =>
    target.drawText(`${printable(letter.reference)} - ${number}`, {
      x: MARGIN_LEFT,
      y: BOTTOM / 2,
      size: 7,
      font: regular,
    });
  let pages = 1;
  for (const line of wrap(printable(letter.body), regular, width)) {
    if (y < BOTTOM) {
      footer(page, pages);
      page = document.addPage([A4.width, A4.height]);
      pages += 1;
      y = A4.height - 25 * MM;
    }
    if (line) page.drawText(line, { x: MARGIN_LEFT, y, size: SIZE, font: regular });
    y -= LEADING;
  }
  footer(page, pages);
  return document.save({ useObjectStreams: true });
}
