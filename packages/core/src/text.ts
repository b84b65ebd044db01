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

/**
 * Text as a person meant it: the vertical tab and form feed that word processors paste for line and page breaks become
 * line breaks, other control characters go, and the ends are trimmed.
 */
export function cleanText(value: string): string {
  let cleaned = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code === 0x0b || code === 0x0c) cleaned += '\n';
    else if (!isDisallowedControl(code)) cleaned += char;
  }
  return cleaned.trim();
}
