/**
 * The short code printed next to an approved week so an examiner can check it (Prüfcode). The database derives it from
 * the approval's id and the content hash it signed (bh_verification_code, migration 0007), so the same content signed
 * twice still gets two codes and a code made up for other content names no approval; 80 bits of SHA-256 cannot be
 * guessed at any rate the server allows.
 */
export const VERIFICATION_CODE = {
  /** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or typed from paper cannot be misread. */
  alphabet: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
  length: 16,
  groupLength: 4,
} as const;

/** `ABCD-EFGH-JKMN-PQRS`: how a code is printed and shown. */
export function formatVerificationCode(code: string): string {
  return code.match(new RegExp(`.{1,${VERIFICATION_CODE.groupLength}}`, 'g'))?.join('-') ?? code;
}

/**
 * A code as someone typed or scanned it, in its stored form, or null when it cannot be one: case, spaces and dashes
 * do not matter, and the letters Crockford reads as digits (O → 0, I and L → 1) are taken as those digits.
 */
export function normalizeVerificationCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== VERIFICATION_CODE.length) return null;
  for (const char of cleaned) if (!VERIFICATION_CODE.alphabet.includes(char)) return null;
  return cleaned;
}
