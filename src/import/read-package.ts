// Import stage 1: the Word file as a package. Everything that makes a file
// unfit to import is refused here, before any reader sees it, with a Spanish
// message that says what the file is and what would be right: not a DOCX at
// all, an encrypted (password-protected) file, a legacy .doc, a document with
// macros, a zip bomb or a file too large to be a document.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { readUserFile, type UserFileKind } from '../load/read-user-file.js';

/** Larger than any controlled document with its figures; a bigger file is not read at all. */
export const MAX_DOCX_BYTES = 25 * 1024 * 1024;
const WORD_FILE: UserFileKind = {
  what: 'el documento de Word',
  maxBytes: MAX_DOCX_BYTES,
  whenTooBig:
    'un documento controlado pesa mucho menos: reduzca o quite las imágenes grandes en Word (Archivo → Comprimir imágenes) y vuelva a importarlo',
};
/** What the parts may add up to once unpacked: a small file that unpacks to more is a zip bomb. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: a legacy .doc, or an encrypted Office file (encryption wraps the package in one). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface DocxPackage {
  /** Where the file is, as messages show it. */
  readonly shownPath: string;
  readonly bytes: Uint8Array;
  /** Every part of the package by its name ("word/document.xml"). */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

export function readDocxPackage(path: string): DocxPackage {
  const shownPath = displayPath(path);
  const bytes = new Uint8Array(readUserFile(path, WORD_FILE));
  if (bytes.length === 0) throw new UserError(`${shownPath} está vacío (0 bytes); no es un documento de Word`);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UserError(
      `${shownPath} está protegido con contraseña (cifrado) o es un .doc de Word 97-2003; docctl solo importa .docx sin contraseña: ábralo en Word, quite la contraseña (Archivo → Información → Proteger documento) o guárdelo como "Documento de Word (.docx)" y vuelva a importarlo`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UserError(`${shownPath} no es un documento de Word (.docx): su contenido no es un paquete de Office; guárdelo en Word como "Documento de Word (.docx)"`);
  }
  const parts = unpack(bytes, shownPath);
  const contentTypes = parts.get('[Content_Types].xml');
  if (!contentTypes || !parts.has('word/document.xml')) {
    throw new UserError(`${shownPath} es un archivo comprimido pero no un documento de Word (.docx): le falta word/document.xml; guárdelo en Word como "Documento de Word (.docx)"`);
  }
  const types = new TextDecoder().decode(contentTypes);
  const hasMacros = [...parts.keys()].some((name) => /vbaProject\.bin$|vbaData\.xml$/i.test(name)) || /macroEnabled/i.test(types);
  if (hasMacros) {
    throw new UserError(
      `${shownPath} contiene macros (VBA, como un .docm); docctl no importa documentos con macros porque pueden ejecutar código: en Word, guárdelo como "Documento de Word (.docx)" (sin macros) y vuelva a importarlo`,
    );
  }
  return { shownPath, bytes, parts };
}

function unpack(bytes: Uint8Array, shownPath: string): Map<string, Uint8Array> {
  let declared = 0;
  const filter = (file: UnzipFileInfo) => {
    declared += file.originalSize;
    if (declared > MAX_UNPACKED_BYTES) {
      throw new UserError(`${shownPath} se descomprime en más de ${megabytes(MAX_UNPACKED_BYTES)} MB; no parece un documento de Word normal y no se importa`);
    }
    return true;
  };
  try {
    return new Map(Object.entries(unzipSync(bytes, { filter })));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${shownPath} no se puede leer como documento de Word (.docx): el paquete está dañado (${error instanceof Error ? error.message : String(error)}); ábralo en Word y guárdelo de nuevo`);
  }
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
