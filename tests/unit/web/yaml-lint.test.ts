import { describe, expect, it } from 'vitest';
import { isYamlFile, yamlProblems } from '../../../src/web/editor/yaml-lint.ts';

describe('yamlProblems', () => {
  it('accepts valid multi-document YAML', () => {
    expect(yamlProblems('apiVersion: v1\nkind: Pod\n---\nkind: Service\n')).toEqual([]);
  });

  it('underlines a bad indentation from the error to the end of its line', () => {
    const text = 'metadata:\n  name: web\n   labels: x\n';
    const [p] = yamlProblems(text);
    expect(p!.message).toMatch(/^bad indentation of a mapping entry \(3:\d+\)$/);
    expect(text.slice(p!.from, p!.to).length).toBeGreaterThan(0);
    expect(text.slice(0, p!.from).split('\n').length).toBe(3);
  });

  it('reports an unclosed flow sequence at the end of the text', () => {
    const [p] = yamlProblems('args: [a, b');
    expect(p!.to).toBe(11);
    expect(p!.from).toBeLessThan(p!.to);
  });
});

describe('isYamlFile', () => {
  it('lints YAML, JSON and extension-less files, not scripts', () => {
    expect(isYamlFile('pod.yaml')).toBe(true);
    expect(isYamlFile('/tmp/kubectl-edit-123.yml')).toBe(true);
    expect(isYamlFile('notes')).toBe(true);
    expect(isYamlFile('run.sh')).toBe(false);
  });
});
