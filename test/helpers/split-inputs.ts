import type { Metafile } from 'esbuild';

/**
 * The inputs of a split build's initial chunks (the entry and what it imports statically) and of its lazy
 * chunks (reached only by `import()`), from esbuild's metafile.
 */
export function splitInputsOf(metafile: Metafile): { initial: string[]; lazy: string[] } {
  const outputs = metafile.outputs;
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const i of outputs[name]?.imports ?? []) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined) ?? '');
  const inputsOf = (names: string[]): string[] => names.flatMap((name) => Object.keys(outputs[name]?.inputs ?? {}));
  return { initial: inputsOf([...initial]), lazy: inputsOf(Object.keys(outputs).filter((name) => !initial.has(name))) };
}
