// The three roles that sign a version, in the order they sign, with the
// label the signature page shows and the file each signature produces.

export const SIGNATURE_ROLES = ['elaboro', 'reviso', 'aprobo'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

export const ROLE_LABELS: Record<SignatureRole, string> = { elaboro: 'Elaboró', reviso: 'Revisó', aprobo: 'Aprobó' };

export const isSignatureRole = (value: string): value is SignatureRole => (SIGNATURE_ROLES as readonly string[]).includes(value);

/** The signed file a signature writes: CÓDIGO-vN-firma-1-elaboro.pdf, one per signature, each written once. */
export const signedFileName = (code: string, version: number, ordinal: number, role: SignatureRole) => `${code}-v${version}-firma-${ordinal}-${role}.pdf`;
