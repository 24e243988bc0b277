// Azure region names, to read a region out of an endpoint host (`swedencentral.api.cognitive.
// microsoft.com`, `contoso-westeurope.openai.azure.com`). Most resource hosts carry no region.

const AZURE_REGIONS = [
  'eastus', 'eastus2', 'westus', 'westus2', 'westus3', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus',
  'canadacentral', 'canadaeast', 'brazilsouth', 'northeurope', 'westeurope', 'swedencentral', 'francecentral',
  'germanywestcentral', 'italynorth', 'norwayeast', 'polandcentral', 'spaincentral', 'switzerlandnorth', 'switzerlandwest',
  'uksouth', 'ukwest', 'australiaeast', 'japaneast', 'japanwest', 'koreacentral', 'southindia', 'centralindia',
  'southeastasia', 'eastasia', 'uaenorth', 'southafricanorth',
];
const BY_LENGTH = [...AZURE_REGIONS].sort((a, b) => b.length - a.length);

export function azureRegionOfHost(host: string): string | null {
  const label = host.split('.')[0] ?? '';
  for (const token of label.split('-')) if (AZURE_REGIONS.includes(token)) return token;
  return BY_LENGTH.find((r) => label.endsWith(r) || label.startsWith(r)) ?? null;
}
