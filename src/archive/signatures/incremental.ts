// Adds a signature field to a PDF as an INCREMENTAL UPDATE (ISO 32000-1
// §7.5.6): the bytes given are kept exactly and the new objects, the
// changed page and form, a cross-reference section and a trailer pointing
// back (/Prev) are appended after them. That is what keeps the approved PDF
// byte-identical inside the signed file, and each signer's revision inside
// the next one's.
//
// pdf-lib reads the file (pages, form, trailer) and serialises every object
// docctl adds, including the embedded font of the visible mark; the
// appending itself is done here because no well-kept npm library writes an
// incremental update with a visible, printable appearance on a chosen page
// (@signpdf/placeholder-plain always uses the first page, writes no
// appearance stream and no /ID in its trailer, and drops the file's last
// newline; pdf-lib's save rewrites the whole file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { FONT_DIR } from '../../write/pdf/fonts.js';

/** Room for the CMS signature in hex: the certificates, a timestamp token and its own chain fit. */
export const SIGNATURE_BYTES = 24_000;
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

export interface PlaceholderRequest {
  readonly pageIndex: number;
  /** [x1, y1, x2, y2] in the page's user space. */
  readonly rect: readonly [number, number, number, number];
  /** The visible mark, one string a line. */
  readonly lines: readonly string[];
  readonly fieldName: string;
  readonly signerName: string;
  readonly reason: string;
  readonly signingTime: Date;
}

/** PDF date string (ISO 32000-1 §7.9.4), in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with its mark, as a hex string. */
function textString(text: string): string {
  if (/^[\x20-\x7E]*$/.test(text)) return PDFString.of(text.replace(/([\\()])/g, '\\$1')).toString();
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** A line cut into pieces no wider than `width`, at spaces when it can, else between characters. */
function breakToWidth(line: string, measure: (text: string) => number, width: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (measure(rest) > width && rest.length > 1) {
    let cut = rest.length - 1;
    while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
    const space = rest.lastIndexOf(' ', cut);
    if (space > 0) cut = space;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return [...pieces, rest];
}

function lastStartXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('internal: the PDF does not end with startxref and %%EOF');
  return Number(match[1]);
}

function serialise(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

const refIn = (value: PDFObject | undefined) => (value instanceof PDFRef ? value : undefined);

/**
 * The PDF with an empty signature field appended (ByteRange and Contents
 * placeholders for @signpdf/signpdf to fill), its widget on the page with
 * its appearance stream.
 */
export async function appendSignaturePlaceholder(pdf: Buffer, request: PlaceholderRequest): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context } = doc;
  const firstNew = context.largestObjectNumber + 1;
  const changed = new Map<number, { ref: PDFRef; object: PDFObject }>();

  const page = doc.getPage(request.pageIndex);
  const [x1, y1, x2, y2] = request.rect;
  const width = x2 - x1;
  const height = y2 - y1;

  // The mark's text in an embedded font: PDF/A forbids fonts that are not embedded.
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(join(FONT_DIR, 'Roboto-Regular.ttf')), { subset: true });
  // The largest size up to 7 pt at which the lines fit the cell's height; a line too wide is broken where it must.
  const size = Math.max(4, Math.min(7, (height - 4) / (request.lines.length * 1.25)));
  const markLines = request.lines.flatMap((line) => breakToWidth(line, (text) => font.widthOfTextAtSize(text, size), width - 4));
  const leading = Math.min(size * 1.25, (height - 4) / markLines.length);
  const operators = ['q', '0 0 0 rg', 'BT', `/F1 ${size.toFixed(2)} Tf`, `${leading.toFixed(2)} TL`, `2 ${(height - 2 - size).toFixed(2)} Td`];
  markLines.forEach((line, index) => operators.push(`${index === 0 ? '' : 'T* '}${font.encodeText(line).toString()} Tj`));
  operators.push('ET', 'Q');
  const appearance = context.flateStream(operators.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  const appearanceRef = context.register(appearance);
  await doc.flush();

  // The signature dictionary is written by hand: @signpdf/signpdf finds its
  // ByteRange placeholder and the /Contents after it as text.
  const signatureRef = context.nextRef();
  const signatureText =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} ` +
    `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}> /M ${textString(pdfDate(request.signingTime))} ` +
    `/Name ${textString(request.signerName)} /Reason ${textString(request.reason)} >>`;

  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(request.fieldName),
    V: signatureRef,
    Rect: [x1, y1, x2, y2],
    F: 4, // Print: PDF/A wants printable annotations.
    P: page.ref,
    AP: { N: appearanceRef },
  });
  const widgetRef = context.register(widget);

  // The page's /Annots gains the widget: the array object if it is indirect, else the page.
  const annots = page.node.get(PDFName.of('Annots'));
  const annotsRef = refIn(annots);
  if (annotsRef) {
    const array = context.lookup(annotsRef, PDFArray);
    array.push(widgetRef);
    changed.set(annotsRef.objectNumber, { ref: annotsRef, object: array });
  } else {
    const array = annots instanceof PDFArray ? annots : context.obj([]);
    array.push(widgetRef);
    page.node.set(PDFName.of('Annots'), array);
    changed.set(page.ref.objectNumber, { ref: page.ref, object: page.node });
  }

  // The form gains the field and says signatures exist, append only (SigFlags 3).
  const catalogRef = refIn(context.trailerInfo.Root);
  if (!catalogRef) throw new Error('internal: the PDF trailer has no /Root reference');
  const catalog = context.lookup(catalogRef, PDFDict);
  const formEntry = catalog.get(PDFName.of('AcroForm'));
  const formRef = refIn(formEntry);
  const form = formRef ? context.lookup(formRef, PDFDict) : formEntry instanceof PDFDict ? formEntry : context.obj({});
  const fieldsEntry = form.get(PDFName.of('Fields'));
  const fieldsRef = refIn(fieldsEntry);
  const fields = fieldsRef ? context.lookup(fieldsRef, PDFArray) : fieldsEntry instanceof PDFArray ? fieldsEntry : context.obj([]);
  fields.push(widgetRef);
  if (fieldsRef) changed.set(fieldsRef.objectNumber, { ref: fieldsRef, object: fields });
  else form.set(PDFName.of('Fields'), fields);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (formRef) changed.set(formRef.objectNumber, { ref: formRef, object: form });
  else {
    const newFormRef = context.register(form);
    catalog.set(PDFName.of('AcroForm'), newFormRef);
    changed.set(catalogRef.objectNumber, { ref: catalogRef, object: catalog });
  }

  // Every object numbered past the file's last is new (the font's, the mark's, the widget's, the form's).
  const written = new Map<number, { ref: PDFRef; object: PDFObject | string }>();
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNew && ref.objectNumber !== signatureRef.objectNumber) written.set(ref.objectNumber, { ref, object });
  }
  for (const [number, entry] of changed) written.set(number, entry);
  written.set(signatureRef.objectNumber, { ref: signatureRef, object: signatureText });

  const parts: Buffer[] = [pdf];
  let offset = pdf.length;
  // The previous revision ends with %%EOF and maybe a newline: start on a fresh line.
  if (pdf[pdf.length - 1] !== 0x0a) {
    parts.push(Buffer.from('\n'));
    offset += 1;
  }
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const number of [...written.keys()].sort((a, b) => a - b)) {
    const { ref, object } = written.get(number)!;
    const body = typeof object === 'string' ? Buffer.from(object, 'latin1') : serialise(object);
    const chunk = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.set(number, { offset, generation: ref.generationNumber });
    parts.push(chunk);
    offset += chunk.length;
  }
  const xrefOffset = offset;
  // One subsection per run of consecutive object numbers; every entry exactly 20 bytes.
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const lines = ['xref'];
  for (let start = 0; start < numbers.length; ) {
    let end = start;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++;
    lines.push(`${numbers[start]} ${end - start + 1}`);
    for (let i = start; i <= end; i++) {
      const entry = offsets.get(numbers[i]!)!;
      lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r`);
    }
    start = end + 1;
  }
  const trailer = context.obj({});
  trailer.set(PDFName.of('Size'), PDFNumber.of(context.largestObjectNumber + 1));
  trailer.set(PDFName.of('Root'), catalogRef);
  if (context.trailerInfo.Info) trailer.set(PDFName.of('Info'), context.trailerInfo.Info);
  if (context.trailerInfo.ID) trailer.set(PDFName.of('ID'), context.trailerInfo.ID);
  trailer.set(PDFName.of('Prev'), PDFNumber.of(lastStartXref(pdf)));
  parts.push(Buffer.from(`${lines.join('\n')}\ntrailer\n${trailer.toString()}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
