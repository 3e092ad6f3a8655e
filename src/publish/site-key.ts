// What the site is made from, as one hash (siteKey), apart from the site's
// builder: a build that changed nothing checks it without loading the HTML
// writer, the Markdown parser and pdfmake (publish-site.ts brings them).
import { createHash } from 'node:crypto';
import type { EntityArchive } from '../archive/verify.js';
import { todayInColombia } from '../dates.js';
import type { PublicationInputs } from './publication-inputs.js';
import { programHash } from './render-cache.js';

/** Today's date for the instruments, or the one SOURCE_DATE_EPOCH fixes (reproducible builds). */
export function generationDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : todayInColombia();
}

/** What the site is made from, as one hash: when it is the one the site was last written from, the site is left alone. */
export function siteKey(inputs: PublicationInputs, archives: readonly EntityArchive[]): string {
  const hash = createHash('sha256').update(programHash());
  hash.update(generationDate());
  for (const entity of inputs.entities) {
    hash.update(JSON.stringify([entity.slug, entity.versionFormat, [...entity.classifications].sort(), entity.name, entity.parentName, entity.siteUrl, entity.menu, [...entity.instrumentFields].sort(), entity.publishesSignedCopy]));
    hash.update(entity.logo?.bytes ?? new Uint8Array());
  }
  for (const archive of archives) {
    hash.update(archive.register.text);
    for (const version of archive.versions) hash.update(`${version.dir}\0${version.manifestSha256}\0${version.intact}`);
  }
  return hash.digest('hex');
}
