// Kubernetes files and folders: what the reader observes of vLLM and TGI Deployments and KServe
// InferenceServices, and the drift findings they give against a platform manifest.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { buildObserved, normaliseModel } from '../../src/input/observed.ts';
import { loadDocuments } from '../../src/load/load-documents.ts';
import { readKubernetes } from '../../src/sources/kubernetes.ts';
import { observeSources, parseSourceFlag } from '../../src/sources/read-sources.ts';
import type { Manifest } from '../../src/manifest/manifest.ts';

const FOLDER = 'test/fixtures/drift/kubernetes';
const MANIFEST = `${FOLDER}/routewise.yaml`;

const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const built = createRegoEngine({ sources: files.modules, data: files.data });
if (!built.ok) throw new Error(JSON.stringify(built.problems));
const engine = built.value;

function load(file: string) {
  const loaded = loadDocuments(file, readFileSync(file));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

function check(source: string) {
  const flag = parseSourceFlag(`kubernetes=${source}`, process.cwd());
  if (!flag.ok) throw new Error('bad flag');
  const report = judgeManifest(MANIFEST, readFileSync(MANIFEST), {
    engine,
    today: '2026-11-27',
    observe: (manifest, doc) => observeSources(manifest, doc, resolve(MANIFEST), [flag.value]),
  });
  expect(report.problems).toEqual([]);
  return report.findings.filter((f) => f.id.startsWith('RW-DRIFT-'));
}

describe('Kubernetes reader', () => {
  it('reads a vLLM Deployment: --model argument, GPUs per pod, replicas, GPU label; skips the Service', () => {
    const facts = readKubernetes('cluster', [load(`${FOLDER}/cluster/vllm-llama.yaml`)]);
    expect(facts.deployments).toHaveLength(1);
    expect(facts.deployments[0]).toMatchObject({
      kind: 'Deployment',
      name: 'llama-70b',
      namespace: 'llm',
      server: 'vllm',
      model: 'meta-llama/Llama-3.1-70B-Instruct',
      modelLocation: { line: 26, column: 15 },
      gpusPerPod: 4,
      replicas: 2,
      gpuType: 'NVIDIA-H100-80GB-HBM3',
      autoscaling: null,
    });
  });

  it('reads an SGLang Deployment: the model after --model-path, in either form', () => {
    const deployment = (args: string) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: qwen, namespace: llm }',
        'spec:',
        '  replicas: 1',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: sglang',
        '          image: lmsysorg/sglang:v0.4.6',
        `          command: [python3, -m, sglang.launch_server, ${args}, --tp, "4"]`,
        '          resources: { limits: { nvidia.com/gpu: 4 } }',
        '',
      ].join('\n');
    for (const args of ['--model-path, Qwen/Qwen2.5-72B-Instruct', '--model-path=Qwen/Qwen2.5-72B-Instruct']) {
      const loaded = loadDocuments('sglang.yaml', Buffer.from(deployment(args)));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      const [found] = readKubernetes('cluster', [loaded.value]).deployments;
      expect(found, args).toMatchObject({ server: 'sglang', model: 'Qwen/Qwen2.5-72B-Instruct', gpusPerPod: 4, replicas: 1 });
    }
  });

  it('reads a KServe InferenceService: storageUri, annotation, GPU accelerator and min/max replicas', () => {
    const facts = readKubernetes('cluster', [load(`${FOLDER}/cluster/kserve-mistral.yaml`)]);
    expect(facts.deployments[0]).toMatchObject({
      kind: 'InferenceService',
      server: 'kserve',
      model: 'hf://mistralai/Mistral-7B-Instruct-v0.3',
      targetAnnotation: 'kserve-mistral',
      gpusPerPod: 2,
      gpuType: 'nvidia-l4',
      autoscaling: { minReplicas: 1, maxReplicas: 4 },
    });
  });

  it('reads TGI from MODEL_ID, the GPU type from node affinity, and autoscaling from an HPA in the same file', () => {
    const facts = readKubernetes('cluster', [load(`${FOLDER}/cluster/tgi-qwen.yaml`)]);
    expect(facts.deployments[0]).toMatchObject({
      server: 'tgi',
      model: 'Qwen/Qwen2.5-Coder-32B-Instruct',
      gpuType: 'NVIDIA-A100-SXM4-80GB',
      autoscaling: { minReplicas: 1, maxReplicas: 3 },
    });
  });

  it('reads `vllm serve MODEL` from the command, and a KServe service without bounds as fixed', () => {
    const facts = readKubernetes('c', [load('test/fixtures/drift/kubernetes-drift/cluster.yaml')]);
    expect(facts.deployments.map((d) => [d.name, d.model, d.autoscaling])).toEqual([
      ['llama-70b', 'meta-llama/Llama-3.3-70B-Instruct', null],
      ['mistral-7b', 'hf://mistralai/Mistral-7B-Instruct-v0.3', null],
    ]);
  });

  it('matches by annotation first, else by the normalised model', () => {
    const manifest = { deployment: { targets: [{ id: 'a', type: 'on-premises', model: 'llama-3.1-70b-instruct' }] } } as unknown as Manifest;
    const facts = readKubernetes('cluster', [load(`${FOLDER}/cluster/vllm-llama.yaml`)]);
    const [matched] = buildObserved(manifest, [{ type: 'kubernetes', facts }]).clusterDeployments;
    expect(matched).toMatchObject({ target: 'a', matchedBy: 'model', normalisedModel: 'llama-3.1-70b-instruct', gpus: 8, gpuFamily: 'h100' });
    expect(normaliseModel('hf://meta-llama/Llama-3.1-70B-Instruct')).toBe(normaliseModel('llama-3.1-70b-instruct'));
  });
});

describe('Kubernetes drift', () => {
  it('a folder that matches the manifest gives only the autoscaling notes (HPA and KServe bounds)', () => {
    const found = check(`${FOLDER}/cluster`);
    expect(found.map((f) => [f.id, f.severity, f.location?.file])).toEqual([
      ['RW-DRIFT-012', 'info', `${FOLDER}/cluster/kserve-mistral.yaml`],
      ['RW-DRIFT-012', 'info', `${FOLDER}/cluster/tgi-qwen.yaml`],
    ]);
  });

  it('another model behind the annotation, and fewer and other GPUs, are reported at their lines', () => {
    const found = check('test/fixtures/drift/kubernetes-drift/cluster.yaml');
    expect(found.map((f) => [f.id, f.location?.line])).toEqual([
      ['RW-DRIFT-011', 6],
      ['RW-DRIFT-011', 19],
      ['RW-DRIFT-010', 23],
    ]);
    expect(found.find((f) => f.id === 'RW-DRIFT-010')!.message).toContain('declares llama-3.1-70b-instruct');
  });
});

describe('templates in a Kubernetes source', () => {
  function problemsOf(source: string) {
    const flag = parseSourceFlag(`kubernetes=${source}`, process.cwd());
    if (!flag.ok) throw new Error('bad flag');
    return judgeManifest(MANIFEST, readFileSync(MANIFEST), {
      engine,
      today: '2026-11-27',
      observe: (manifest, doc) => observeSources(manifest, doc, resolve(MANIFEST), [flag.value]),
    }).problems;
  }

  it('refuses a Helm chart, at its template, and says to render it', () => {
    const [problem, ...rest] = problemsOf(`${FOLDER}/chart`);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'source-invalid', position: { file: `${FOLDER}/chart/templates/deployment.yaml`, line: 12, column: 30 } });
    expect(problem!.message).toContain('Helm chart template');
    expect(problem!.hint).toContain('helm template');
  });

  it('refuses a file whose values are template actions, at the first one', () => {
    const [problem] = problemsOf(`${FOLDER}/templated`);
    expect(problem).toMatchObject({ code: 'source-invalid', position: { file: `${FOLDER}/templated/deployment.yaml`, line: 6, column: 13 } });
  });

  it('reads braces inside alert text as text', () => {
    expect(problemsOf(`${FOLDER}/alerts`)).toEqual([]);
    expect(check(`${FOLDER}/alerts`).map((f) => f.id)).toEqual([]);
  });
});
