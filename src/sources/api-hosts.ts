// Hosts of public inference APIs that speak OpenAI's protocol. Behind `openai/` (or another
// OpenAI-compatible prefix) an api_base on one of these is that company's cloud API; an api_base on
// a public host not listed here may be your own server under your own domain, or a provider this
// list does not know, and the file alone cannot tell which.

/** Exact hosts, and suffixes that begin with a dot. Sources: each provider's API reference. */
const API_HOSTS = [
  'api.openai.com',
  '.openai.azure.com',
  '.services.ai.azure.com',
  '.inference.ai.azure.com',
  'api.anthropic.com',
  'api.mistral.ai',
  'generativelanguage.googleapis.com',
  'aiplatform.googleapis.com',
  '.aiplatform.googleapis.com',
  '.amazonaws.com',
  'api.together.xyz',
  'api.together.ai',
  'api.groq.com',
  'api.fireworks.ai',
  'api.deepinfra.com',
  'openrouter.ai',
  'api.perplexity.ai',
  'api.deepseek.com',
  'api.x.ai',
  'api.cerebras.ai',
  'api.sambanova.ai',
  'integrate.api.nvidia.com',
  'router.huggingface.co',
  'api-inference.huggingface.co',
  '.endpoints.huggingface.cloud',
  'api.hyperbolic.xyz',
  'api.novita.ai',
  'api.cohere.com',
  'api.cohere.ai',
  'api.moonshot.ai',
  'dashscope.aliyuncs.com',
  'dashscope-intl.aliyuncs.com',
  'api.scaleway.ai',
  'api.studio.nebius.com',
];

export function isPublicApiHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return API_HOSTS.some((known) => (known.startsWith('.') ? h.endsWith(known) : h === known));
}
