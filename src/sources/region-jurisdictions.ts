// Where a cloud region lies: its country and bloc, so a gateway's `eu-central-1` or
// `europe-west4` can be judged against a data class's residency (`eu`, `de`, a region code).

/** Region code -> [country, bloc]. Regions not listed fall back to their prefix. */
const REGIONS: Record<string, [string, string]> = {
  // AWS
  'eu-central-1': ['de', 'eu'], 'eu-central-2': ['ch', 'europe'], 'eu-west-1': ['ie', 'eu'], 'eu-west-2': ['uk', 'europe'],
  'eu-west-3': ['fr', 'eu'], 'eu-north-1': ['se', 'eu'], 'eu-south-1': ['it', 'eu'], 'eu-south-2': ['es', 'eu'],
  'us-east-1': ['us', 'us'], 'us-east-2': ['us', 'us'], 'us-west-1': ['us', 'us'], 'us-west-2': ['us', 'us'],
  'ca-central-1': ['ca', 'ca'], 'ap-northeast-1': ['jp', 'apac'], 'ap-southeast-1': ['sg', 'apac'], 'ap-southeast-2': ['au', 'apac'],
  'ap-south-1': ['in', 'apac'],
  // Google Cloud
  'europe-west1': ['be', 'eu'], 'europe-west2': ['uk', 'europe'], 'europe-west3': ['de', 'eu'], 'europe-west4': ['nl', 'eu'],
  'europe-west6': ['ch', 'europe'], 'europe-west8': ['it', 'eu'], 'europe-west9': ['fr', 'eu'], 'europe-north1': ['fi', 'eu'],
  'europe-southwest1': ['es', 'eu'], 'europe-central2': ['pl', 'eu'],
  'us-central1': ['us', 'us'], 'us-east1': ['us', 'us'], 'us-east4': ['us', 'us'], 'us-east5': ['us', 'us'], 'us-west1': ['us', 'us'],
  'us-west4': ['us', 'us'], 'us-south1': ['us', 'us'], 'asia-northeast1': ['jp', 'apac'], 'asia-southeast1': ['sg', 'apac'],
  // Azure
  westeurope: ['nl', 'eu'], northeurope: ['ie', 'eu'], swedencentral: ['se', 'eu'], francecentral: ['fr', 'eu'],
  germanywestcentral: ['de', 'eu'], italynorth: ['it', 'eu'], polandcentral: ['pl', 'eu'], spaincentral: ['es', 'eu'],
  norwayeast: ['no', 'europe'], switzerlandnorth: ['ch', 'europe'], switzerlandwest: ['ch', 'europe'], uksouth: ['uk', 'europe'],
  ukwest: ['uk', 'europe'], eastus: ['us', 'us'], eastus2: ['us', 'us'], westus: ['us', 'us'], westus2: ['us', 'us'],
  westus3: ['us', 'us'], centralus: ['us', 'us'], northcentralus: ['us', 'us'], southcentralus: ['us', 'us'],
  canadacentral: ['ca', 'ca'], canadaeast: ['ca', 'ca'], japaneast: ['jp', 'apac'], australiaeast: ['au', 'apac'],
};

const PREFIX_BLOCS: [RegExp, string][] = [
  [/^us[-.]|^us$|^(east|west|central|northcentral|southcentral)us/, 'us'],
  [/^(ap|asia)[-.]|^apac$/, 'apac'],
  [/^ca[-.]/, 'ca'],
];

/** The places a region counts as: itself, its country and its bloc (eu regions count as europe too). */
export function jurisdictionsOf(region: string): string[] {
  const r = region.toLowerCase();
  const known = REGIONS[r];
  const places = known ? [r, known[0], known[1]] : [r, ...PREFIX_BLOCS.filter(([re]) => re.test(r)).map(([, bloc]) => bloc)];
  if (places.includes('eu')) places.push('europe');
  return [...new Set(places)];
}
