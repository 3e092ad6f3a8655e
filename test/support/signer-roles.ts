// The three signers of a version as the data names them and as messages
// print them. Written out here, not taken from src/, so a test that expects
// "Revisó" fails when the code's own table is wrong.
export const SIGNER_ROLES = [
  ['elaboro', 'Elaboró'],
  ['reviso', 'Revisó'],
  ['aprobo', 'Aprobó'],
] as const;
