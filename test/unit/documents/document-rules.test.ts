import fc from 'fast-check';
import {
  announceDocument,
  attachmentOfId,
  completeUpload,
  documentObjectKey,
  parseDocumentObjectKey,
  type ScanVerdict,
  type StoredDocument,
} from '../../../shared/domain/documents/document';
import { sanitizeFileName } from '../../../shared/domain/documents/file-name';
import { declaredFileIssues, MAX_DOCUMENT_BYTES } from '../../../shared/domain/documents/file-rules';
import { detectContentType } from '../../../shared/domain/documents/file-signature';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));
const NOW = new Date('2027-03-01T09:00:00Z');
const actor = { sub: 'admin-1', tenantId: 'doc-co', roles: ['admin'] as const };

const announced = (): StoredDocument =>
  announceDocument(
    'doc_01JD7X2M4K8Q9R3S5T6V7W8X9Y',
    {
      tenantId: 'doc-co',
      debtorId: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Z',
      attachedTo: { kind: 'debtor', id: 'dbt_01JD7X2M4K8Q9R3S5T6V7W8X9Z' },
      fileName: 'scan.pdf',
      contentType: 'application/pdf',
      size: 100,
      category: 'invoice_copy',
    },
    actor,
    NOW,
  );

describe('declared files', () => {
  it('accepts PDF and images up to 10 MB', () => {
    for (const contentType of ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/heic']) {
      expect(declaredFileIssues({ contentType, size: MAX_DOCUMENT_BYTES })).toEqual([]);
    }
  });

  it('refuses other types, empty files and files over 10 MB, naming the field', () => {
    expect(declaredFileIssues({ contentType: 'text/html', size: 10 })).toEqual([
      { path: 'contentType', message: expect.stringContaining('application/pdf') },
    ]);
    expect(declaredFileIssues({ contentType: 'application/pdf', size: 0 })[0]?.path).toBe('size');
    expect(
      declaredFileIssues({ contentType: 'application/pdf', size: MAX_DOCUMENT_BYTES + 1 })[0]?.path,
    ).toBe('size');
  });
});

describe('file signatures', () => {
  it('knows each allowed type by its first bytes', () => {
    expect(detectContentType(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectContentType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(detectContentType(bytes(0x49, 0x49, 0x2a, 0x00))).toBe('image/tiff');
    expect(detectContentType(bytes(0x4d, 0x4d, 0x00, 0x2a))).toBe('image/tiff');
    expect(detectContentType(text('\0\0\0\x18ftypheic\0\0\0\0'))).toBe('image/heic');
  });

  it('knows nothing else: executables, HTML, a video container, empty files', () => {
    expect(detectContentType(text('MZ\x90\0'))).toBeUndefined();
    expect(detectContentType(text('<!doctype html>'))).toBeUndefined();
    expect(detectContentType(text('\0\0\0\x18ftypmp42\0\0\0\0'))).toBeUndefined();
    expect(detectContentType(bytes())).toBeUndefined();
  });
});

describe('file names', () => {
  it('keeps the last path part and drops what is unsafe in a header or a file system', () => {
    expect(sanitizeFileName('C:\\fakepath\\Rechnung "März".pdf')).toBe('Rechnung März.pdf');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..hidden\u0000\r\n.pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('   ')).toBe('document');
    expect(sanitizeFileName(`${'a'.repeat(300)}.pdf`)).toBe(`${'a'.repeat(116)}.pdf`);
  });

  it('always gives a short, non-empty name without separators, quotes or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (original) => {
        const name = sanitizeFileName(original);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(120);
        expect(name).not.toMatch(/[\\/"'<>:|?*;`\p{Cc}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(sanitizeFileName(name)).toBe(name);
      }),
    );
  });
});

describe('object keys', () => {
  it('name exactly the document they were made for', () => {
    const document = announced();
    expect(parseDocumentObjectKey(documentObjectKey(document))).toEqual({
      tenantId: 'doc-co',
      debtorId: document.debtorId,
      documentId: document.id,
    });
    expect(parseDocumentObjectKey('letters/doc-co/msg_1.pdf')).toBeUndefined();
    expect(parseDocumentObjectKey(`${documentObjectKey(document)}/../x`)).toBeUndefined();
  });

  it('tell an attachment by its id', () => {
    expect(attachmentOfId('inv_01JD7X2M4K8Q9R3S5T6V7W8X9Y')).toEqual({
      kind: 'invoice',
      id: 'inv_01JD7X2M4K8Q9R3S5T6V7W8X9Y',
    });
    expect(attachmentOfId('doc_01JD7X2M4K8Q9R3S5T6V7W8X9Y')).toBeUndefined();
  });
});

describe('completing an upload', () => {
  const later = new Date('2027-03-01T09:05:00Z');
  const pdfHead = text('%PDF-1.7\n');

  it('waits for the scan, then makes the document available', () => {
    const scanning = completeUpload(announced(), { size: 90, head: pdfHead }, 'pending', later);
    expect(scanning).toMatchObject({ status: 'pending_scan', size: 90, version: 2 });
    const available = completeUpload(scanning, { size: 90, head: pdfHead }, 'clean', later);
    expect(available).toMatchObject({ status: 'available', version: 3, decidedAt: later.toISOString() });
  });

  it('rejects empty, wrong and infected files, whatever the scan says of the first two', () => {
    expect(completeUpload(announced(), { size: 0, head: bytes() }, 'clean', later).rejectionReason).toBe(
      'empty',
    );
    expect(
      completeUpload(announced(), { size: 9, head: text('<html>') }, 'clean', later).rejectionReason,
    ).toBe('wrong_type');
    expect(completeUpload(announced(), { size: 90, head: pdfHead }, 'infected', later)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'infected',
    });
    expect(
      completeUpload(announced(), { size: 90, head: pdfHead }, 'unscannable', later).rejectionReason,
    ).toBe('unscannable');
  });

  it('rejects bytes uploaded again while the first ones were being checked', () => {
    const scanning = completeUpload(
      announced(),
      { size: 90, head: pdfHead, version: 'v1' },
      'pending',
      later,
    );
    expect(scanning.fileVersion).toBe('v1');
    const replaced = completeUpload(scanning, { size: 90, head: pdfHead, version: 'v2' }, 'clean', later);
    expect(replaced).toMatchObject({ status: 'rejected', rejectionReason: 'replaced' });
    const same = completeUpload(scanning, { size: 90, head: pdfHead, version: 'v1' }, 'clean', later);
    expect(same).toMatchObject({ status: 'available', fileVersion: 'v1' });
  });

  it('never changes a decided document, whatever events arrive after', () => {
    const verdicts: ScanVerdict[] = ['clean', 'infected', 'pending', 'unscannable', 'failed'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...verdicts), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (sequence, pdf) => {
          const stored = { size: 90, head: pdf ? pdfHead : text('GIF89a') };
          let document = announced();
          let decided: StoredDocument | undefined;
          for (const verdict of sequence) {
            document = completeUpload(document, stored, verdict, later);
            if (decided) expect(document).toBe(decided);
            if (document.status === 'available' || document.status === 'rejected') decided ??= document;
          }
          // Only a PDF the scan called clean is ever served.
          if (document.status === 'available') expect(pdf && sequence.includes('clean')).toBe(true);
        },
      ),
    );
  });
});
