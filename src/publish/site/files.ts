// Facts about published files the site prints: digest, size, where they go.
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** "245 KB", "1,2 MB": Colombian decimal comma, binary units, never "0 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

export const FILE_KIND_LABELS = { pdf: 'PDF', docx: 'DOCX' } as const;

// Slugs, codes and file names are validated long before; these checks are
// the last line of defence that no path leaves the site folder.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function checkSegment(kind: 'entity' | 'code' | 'file', value: string): string {
  const pattern = kind === 'entity' ? SLUG : kind === 'code' ? CODE : FILE_NAME;
  if (!pattern.test(value) || value.includes('..')) throw new Error(`internal: unsafe ${kind} for a site path: ${JSON.stringify(value)}`);
  return value;
}

/** Where a document's page lives in the site: "<entidad>/<CÓDIGO>/index.html" (for links and QR codes). */
export function documentPagePath(entitySlug: string, code: string): string {
  return `${checkSegment('entity', entitySlug)}/${checkSegment('code', code)}/index.html`;
}

/** "../../" for a page two folders below the site root. */
export function toRoot(pagePath: string): string {
  return '../'.repeat(pagePath.split('/').length - 1);
}
