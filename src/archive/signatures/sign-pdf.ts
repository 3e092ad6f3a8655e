// One signature on a PDF: the placeholder appended as an incremental update
// (incremental.ts), then @signpdf/signpdf computes the ByteRange, hands the
// covered bytes to docctl's CAdES signer and writes the CMS into /Contents.
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { cadesDetached, type CadesOptions } from './cades.js';
import { appendSignaturePlaceholder, type PlaceholderRequest } from './incremental.js';
import type { SigningIdentity } from './pkcs12.js';

/** @signpdf's extension point: it gives the bytes the ByteRange covers and takes the CMS. */
class CadesSigner extends Signer {
  constructor(
    private readonly identity: SigningIdentity,
    private readonly options: CadesOptions,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetached(this.identity, pdfBuffer, this.options);
  }
}

export async function signPdf(pdf: Buffer, identity: SigningIdentity, request: PlaceholderRequest, options: CadesOptions = {}): Promise<Buffer> {
  const prepared = await appendSignaturePlaceholder(pdf, request);
  // The result ends with %%EOF and no newline (@signpdf drops it): the ByteRange reaches the last byte.
  return new SignPdf().sign(prepared, new CadesSigner(identity, options));
}
