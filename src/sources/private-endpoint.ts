// Whether an endpoint host is your own: loopback, private address ranges, cluster-internal and
// single-label names. Such an api_base behind `openai/` is a self-hosted server, not OpenAI.

const INTERNAL_SUFFIXES = ['.svc', '.svc.cluster.local', '.cluster.local', '.internal', '.local', '.lan', '.corp', '.home.arpa'];

export function isPrivateEndpoint(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '' || h === 'localhost' || h === 'host.docker.internal') return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(h);
  if (ipv4) {
    const a = Number(ipv4[1]);
    const b = Number(ipv4[2]);
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (h.includes(':')) return h === '::1' || h.startsWith('fc') || h.startsWith('fd') || h.startsWith('fe80');
  if (!h.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => h.endsWith(suffix));
}
