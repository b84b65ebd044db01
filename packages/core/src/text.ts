/**
 * Control characters other than tab and line breaks: invisible in the record, and PostgreSQL cannot store NUL.
 * Inputs refuse them; the elements clean pasted text before it is sent.
 */
function isDisallowedControl(code: number): boolean {
  const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
  return (code < 0x20 && !allowed) || code === 0x7f;
}

export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (isDisallowedControl(value.charCodeAt(i))) return true;
  }
  return false;
}

/** A lone half of a surrogate pair: no character at all, which UTF-8 cannot carry and a database would store as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogates(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * Whether a string can be stored and shown as it is: no control characters but tab and line breaks, no lone
 * surrogates. Inputs and the token claims that name a person are held to the same rule.
 */
export function isCleanText(value: string): boolean {
  return !hasControlCharacters(value) && !hasLoneSurrogates(value);
}

/**
 * Text as a person meant it: the vertical tab and form feed that word processors paste for line and page breaks become
 * line breaks, other control characters and lone surrogates go, and the ends are trimmed.
 */
export function cleanText(value: string): string {
  let cleaned = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code === 0x0b || code === 0x0c) cleaned += '\n';
    else if (!isDisallowedControl(code) && !LONE_SURROGATE.test(char)) cleaned += char;
  }
  return cleaned.trim();
}
