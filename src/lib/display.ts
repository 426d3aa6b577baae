// How addresses appear on a page: readable for people (umlauts instead of percent signs and punycode),
// while links keep the exact address.
import { domainToUnicode } from 'node:url';

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "https://de.wikipedia.org/wiki/Gr%C3%BCne_Liste" → "de.wikipedia.org/wiki/Grüne_Liste". */
export function displayUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    const host = domainToUnicode(parsed.hostname) || parsed.hostname;
    const rest = decodeSafely(parsed.pathname + parsed.search + parsed.hash).replace(/^\/$/, '');
    return `${host}${parsed.port ? `:${parsed.port}` : ''}${rest}`;
  } catch {
    return url;
  }
}

/** "max@xn--mller-kva.de" → "max@müller.de". */
export function displayEmail(address: string | null | undefined): string {
  if (!address) return '';
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${domainToUnicode(address.slice(at + 1)) || address.slice(at + 1)}`;
}
