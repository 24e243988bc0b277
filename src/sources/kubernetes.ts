// Reads Kubernetes YAML (several documents per file, many files) into cluster facts: vLLM, TGI
// and SGLang Deployments and KServe InferenceServices, with the served model, GPUs, GPU type from node
// selection, and autoscaling from HorizontalPodAutoscalers or KServe replica bounds.
import type { LoadedFile, LoadedPart } from '../load/load-documents.ts';
import type { SourcePosition } from '../problems/problem.ts';
import type { ClusterDeployment, ClusterFacts } from './observed.ts';

/** Node labels that name the GPU model on common clouds and with the NVIDIA GPU operator. */
export const GPU_LABELS = [
  'nvidia.com/gpu.product',
  'cloud.google.com/gke-accelerator',
  'karpenter.k8s.aws/instance-gpu-name',
  'k8s.amazonaws.com/accelerator',
  'accelerator',
  'gpu-type',
  'nvidia.com/gpu.family',
];
const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu'];
const TARGET_ANNOTATION = 'routewise.dev/target';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

interface Autoscaler {
  kind: string;
  name: string;
  namespace: string | null;
  minReplicas: number | null;
  maxReplicas: number | null;
  location: SourcePosition;
}

export function readKubernetes(source: string, files: readonly LoadedFile[]): ClusterFacts {
  const deployments: (ClusterDeployment & { autoscalingKey: string | null })[] = [];
  const autoscalers: Autoscaler[] = [];
  for (const file of files) {
    for (const part of file.parts) {
      const kind = text(part.data.kind);
      if (kind === 'Deployment' || kind === 'StatefulSet') {
        const read = readWorkload(part);
        if (read) deployments.push(read);
      } else if (kind === 'InferenceService') {
        deployments.push({ ...readInferenceService(part), autoscalingKey: null });
      } else if (kind === 'HorizontalPodAutoscaler') {
        const hpa = readAutoscaler(part);
        if (hpa) autoscalers.push(hpa);
      }
    }
  }
  for (const d of deployments) {
    if (d.autoscalingKey === null || d.autoscaling !== null) continue;
    const hpa = autoscalers.find((a) => `${a.kind}/${a.namespace ?? ''}/${a.name}` === d.autoscalingKey);
    if (hpa) d.autoscaling = { minReplicas: hpa.minReplicas, maxReplicas: hpa.maxReplicas, location: hpa.location };
  }
  return { file: source, deployments: deployments.map(({ autoscalingKey: _, ...d }) => d) };
}

function readWorkload(part: LoadedPart): (ClusterDeployment & { autoscalingKey: string }) | null {
  const data = part.data;
  const kind = text(data.kind) === 'StatefulSet' ? 'StatefulSet' : 'Deployment';
  const pod = obj(obj(obj(data.spec).template).spec);
  const containers = Array.isArray(pod.containers) ? pod.containers : [];
  const podPath: Path = ['spec', 'template', 'spec'];
  let server: ClusterDeployment['server'] | null = null;
  let model: { value: string; location: SourcePosition } | null = null;
  containers.forEach((c, i) => {
    const container = obj(c);
    const at: Path = [...podPath, 'containers', i];
    const kindOfServer = serverOf(container);
    if (kindOfServer === null) return;
    server ??= kindOfServer;
    model ??= modelOfContainer(part, container, at);
  });
  if (server === null) return null;
  const metadata = obj(data.metadata);
  const name = text(metadata.name) ?? '(unnamed)';
  const namespace = text(metadata.namespace);
  const replicas = typeof obj(data.spec).replicas === 'number' ? (obj(data.spec).replicas as number) : 1;
  const gpu = gpuTypeOf(part, pod, podPath);
  const found = model as { value: string; location: SourcePosition } | null;
  return {
    kind,
    name,
    namespace,
    server,
    model: found?.value ?? null,
    modelLocation: found?.location ?? null,
    gpusPerPod: gpusOf(containers),
    replicas,
    gpuType: gpu?.value ?? null,
    gpuLocation: gpu?.location ?? null,
    autoscaling: null,
    targetAnnotation: annotationOf(data),
    location: part.positionOf(['metadata', 'name']),
    autoscalingKey: `${kind}/${namespace ?? ''}/${name}`,
  };
}

function readInferenceService(part: LoadedPart): ClusterDeployment {
  const data = part.data;
  const predictor = obj(obj(data.spec).predictor);
  const predictorPath: Path = ['spec', 'predictor'];
  const modelSpec = obj(predictor.model);
  let model: { value: string; location: SourcePosition } | null = null;
  let gpusPerPod: number | null = null;
  if (Object.keys(modelSpec).length > 0) {
    const args = Array.isArray(modelSpec.args) ? modelSpec.args : [];
    model = argModel(part, args, [...predictorPath, 'model', 'args']);
    if (model === null && text(modelSpec.storageUri) !== null) {
      model = { value: text(modelSpec.storageUri)!, location: part.valuePositionOf([...predictorPath, 'model', 'storageUri']) };
    }
    gpusPerPod = gpusOf([modelSpec]);
  } else {
    const containers = Array.isArray(predictor.containers) ? predictor.containers : [];
    containers.forEach((c, i) => (model ??= modelOfContainer(part, obj(c), [...predictorPath, 'containers', i])));
    gpusPerPod = gpusOf(containers);
  }
  if (model === null && text(predictor.storageUri) !== null) {
    model = { value: text(predictor.storageUri)!, location: part.valuePositionOf([...predictorPath, 'storageUri']) };
  }
  const min = typeof predictor.minReplicas === 'number' ? predictor.minReplicas : null;
  const max = typeof predictor.maxReplicas === 'number' ? predictor.maxReplicas : null;
  // KServe scales between minReplicas and maxReplicas; equal bounds (or none) mean a fixed size.
  const scales = max !== null && max !== (min ?? 1);
  const gpu = gpuTypeOf(part, predictor, predictorPath);
  const metadata = obj(data.metadata);
  const found = model as { value: string; location: SourcePosition } | null;
  return {
    kind: 'InferenceService',
    name: text(metadata.name) ?? '(unnamed)',
    namespace: text(metadata.namespace),
    server: 'kserve',
    model: found?.value ?? null,
    modelLocation: found?.location ?? null,
    gpusPerPod,
    replicas: min ?? 1,
    gpuType: gpu?.value ?? null,
    gpuLocation: gpu?.location ?? null,
    autoscaling: scales
      ? { minReplicas: min, maxReplicas: max, location: part.positionOf([...predictorPath, 'maxReplicas']) }
      : null,
    targetAnnotation: annotationOf(data),
    location: part.positionOf(['metadata', 'name']),
  };
}

function readAutoscaler(part: LoadedPart): Autoscaler | null {
  const spec = obj(part.data.spec);
  const ref = obj(spec.scaleTargetRef);
  const name = text(ref.name);
  if (name === null) return null;
  return {
    kind: text(ref.kind) ?? 'Deployment',
    name,
    namespace: text(obj(part.data.metadata).namespace),
    minReplicas: typeof spec.minReplicas === 'number' ? spec.minReplicas : 1,
    maxReplicas: typeof spec.maxReplicas === 'number' ? spec.maxReplicas : null,
    location: part.positionOf(['spec', 'scaleTargetRef', 'name']),
  };
}

function serverOf(container: Obj): ClusterDeployment['server'] | null {
  const words = [text(container.image) ?? '', ...list(container.command), ...list(container.args)].join(' ').toLowerCase();
  if (/vllm/.test(words)) return 'vllm';
  if (/text-generation-inference|text-generation-launcher/.test(words)) return 'tgi';
  if (/sglang/.test(words)) return 'sglang';
  return null;
}

/**
 * `--model X`, `--model=X`, `vllm serve X`, `--model-id X` (TGI), `--model-path X` (SGLang) (not
 * `--model_name`, the name it is served under), or the MODEL_ID / MODEL_NAME environment.
 */
function modelOfContainer(part: LoadedPart, container: Obj, at: Path): { value: string; location: SourcePosition } | null {
  for (const key of ['args', 'command'] as const) {
    const args = Array.isArray(container[key]) ? (container[key] as unknown[]) : [];
    const found = argModel(part, args, [...at, key]);
    if (found) return found;
  }
  const env = Array.isArray(container.env) ? container.env : [];
  for (const [i, e] of env.entries()) {
    const entry = obj(e);
    if ((entry.name === 'MODEL_ID' || entry.name === 'MODEL_NAME') && text(entry.value) !== null) {
      return { value: text(entry.value)!, location: part.valuePositionOf([...at, 'env', i, 'value']) };
    }
  }
  return null;
}

function argModel(part: LoadedPart, args: readonly unknown[], at: Path): { value: string; location: SourcePosition } | null {
  for (let i = 0; i < args.length; i++) {
    const arg = text(args[i]) ?? '';
    // A shell line (`vllm serve meta-llama/... --port 8000`) is one argument holding several words.
    const words = arg.split(/\s+/).filter((w) => w !== '');
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const eq = /^--(?:model|model[-_]id|model[-_]path)=(.+)$/.exec(word);
      if (eq) return { value: eq[1]!, location: part.valuePositionOf([...at, i]) };
      if (/^--(?:model|model[-_]id|model[-_]path)$/.test(word) || word === 'serve') {
        const next = words[w + 1];
        if (next !== undefined && !next.startsWith('-')) return { value: next, location: part.valuePositionOf([...at, i]) };
        const following = text(args[i + 1]);
        if (next === undefined && following !== null && !following.startsWith('-')) {
          return { value: following.trim(), location: part.valuePositionOf([...at, i + 1]) };
        }
      }
    }
  }
  return null;
}

function gpusOf(containers: readonly unknown[]): number | null {
  let total = 0;
  let seen = false;
  for (const c of containers) {
    const resources = obj(obj(c).resources);
    for (const group of [obj(resources.limits), obj(resources.requests)]) {
      const key = GPU_RESOURCES.find((r) => group[r] !== undefined);
      if (key === undefined) continue;
      const n = Number(group[key]);
      if (Number.isFinite(n)) {
        total += n;
        seen = true;
      }
      break;
    }
  }
  return seen ? total : null;
}

function gpuTypeOf(part: LoadedPart, pod: Obj, at: Path): { value: string; location: SourcePosition } | null {
  const selector = obj(pod.nodeSelector);
  for (const label of GPU_LABELS) {
    const value = text(selector[label]);
    if (value !== null) return { value, location: part.valuePositionOf([...at, 'nodeSelector', label]) };
  }
  const terms = obj(obj(obj(pod.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms;
  const termList = Array.isArray(terms) ? terms : [];
  for (const [t, term] of termList.entries()) {
    const expressions = Array.isArray(obj(term).matchExpressions) ? (obj(term).matchExpressions as unknown[]) : [];
    for (const [e, expression] of expressions.entries()) {
      const ex = obj(expression);
      const key = text(ex.key);
      const values = list(ex.values);
      if (key !== null && GPU_LABELS.includes(key) && text(ex.operator) === 'In' && values.length > 0) {
        const path = [...at, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms', t, 'matchExpressions', e, 'values', 0];
        return { value: values[0]!, location: part.valuePositionOf(path) };
      }
    }
  }
  return null;
}

function annotationOf(data: Obj): string | null {
  return text(obj(obj(data.metadata).annotations)[TARGET_ANNOTATION]);
}

function obj(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
