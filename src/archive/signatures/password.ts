// The certificate's password: from DOCCTL_CLAVE_CERTIFICADO, or asked on the
// terminal without echo. Never an option: a command line is visible to every
// user of the machine (ps) and kept in the shell's history.
import { UserError } from '../../errors.js';

export const PASSWORD_VARIABLE = 'DOCCTL_CLAVE_CERTIFICADO';

export async function readPassword(certificateFile: string): Promise<string> {
  const fromEnvironment = process.env[PASSWORD_VARIABLE];
  if (fromEnvironment !== undefined) return fromEnvironment;
  const input = process.stdin;
  if (!input.isTTY) throw new UserError(`${certificateFile}: falta la contraseña del certificado; defina la variable de entorno ${PASSWORD_VARIABLE} o ejecute docctl firmar en una terminal, que la pide sin mostrarla`);
  process.stderr.write(`Contraseña de ${certificateFile}: `);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const character of chunk) {
          if (character === '\r' || character === '\n' || character === '\u0004') {
            input.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (character === '\u0003') {
            input.off('data', onData);
            process.stderr.write('\n');
            reject(new UserError('firma cancelada; nada se escribió'));
            return;
          }
          if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
          else typed += character;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}
