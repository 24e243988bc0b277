// A URI split into the fields of Go's url.URL, as Go marshals it to JSON: certificate SAN URIs
// reach policies in that shape. Covers absolute URIs (scheme://authority/path?query#fragment and
// opaque ones such as urn:...), which is what certificates carry.

export interface GoUrl {
  Scheme: string;
  Opaque: string;
  /** Go's Userinfo has no exported fields: `{}` when the URI names a user, else null. */
  User: Record<string, never> | null;
  Host: string;
  Path: string;
  RawPath: string;
  OmitHost: boolean;
  ForceQuery: boolean;
  RawQuery: string;
  Fragment: string;
  RawFragment: string;
}

export class UrlError extends Error {}

/** Parses like Go's url.Parse; throws UrlError with Go's wording (without the `parse "..."` prefix). */
export function parseGoUrl(raw: string): GoUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError('net/url: invalid control character in URL');
  const u: GoUrl = {
    Scheme: '',
    Opaque: '',
    User: null,
    Host: '',
    Path: '',
    RawPath: '',
    OmitHost: false,
    ForceQuery: false,
    RawQuery: '',
    Fragment: '',
    RawFragment: '',
  };
  let rest = raw;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    const frag = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
    u.Fragment = unescape(frag);
    if (escape(u.Fragment, 'fragment') !== frag) u.RawFragment = frag;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest);
  if (rest.startsWith(':')) throw new UrlError('missing protocol scheme');
  if (scheme) {
    u.Scheme = scheme[1]!.toLowerCase();
    rest = rest.slice(scheme[0].length);
  }
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    u.ForceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.RawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.Scheme !== '') {
      u.Opaque = rest;
      return u;
    }
    const colon = rest.indexOf(':');
    const slash = rest.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) throw new UrlError('first path segment in URL cannot contain colon');
  }
  if (rest.startsWith('//') && !rest.startsWith('///')) {
    const body = rest.slice(2);
    const slash = body.indexOf('/');
    const authority = slash < 0 ? body : body.slice(0, slash);
    rest = slash < 0 ? '' : body.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) u.User = {};
    u.Host = unescape(authority.slice(at + 1));
  } else if (u.Scheme !== '' && rest.startsWith('/')) {
    u.OmitHost = true;
  }
  u.Path = unescape(rest);
  if (escape(u.Path, 'path') !== rest) u.RawPath = rest;
  return u;
}

function unescape(s: string): string {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new UrlError(`invalid URL escape "${s.slice(i, i + 3)}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(s[i]!, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function shouldEscape(c: number, mode: 'path' | 'fragment'): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_.~]/.test(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) return mode === 'path' && ch === '?';
  if (mode === 'fragment' && '!()*'.includes(ch)) return false;
  return true;
}

function escape(s: string, mode: 'path' | 'fragment'): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    out += shouldEscape(b, mode) ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
  }
  return out;
}
