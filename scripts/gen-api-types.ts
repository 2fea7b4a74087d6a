/**
 * Writes `src/action/catalogue-api.ts` from the catalogue and the seed-method table: one interface method per
 * action and per seed method, with named parameters and the
 * row's doc, note and backend support as TSDoc, so editors explain every method on hover. The catalogue stays
 * the one source: the file is checked against this generator by a test (`npm run docs:actions` rewrites it).
 *
 *   npx tsx scripts/gen-api-types.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as t from 'io-ts';
import { CATALOGUE } from '../src/action/catalogue/index';
import type { ActionDef, BackendName, Support } from '../src/action/define';
import { type Binding, SEED_BINDINGS } from '../src/action/methods';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the generated file goes. */
export const API_TYPES_FILE = join(ROOT, 'src', 'action', 'catalogue-api.ts');
/** Modules whose exported codecs with a same-named exported type are referenced by name. */
const TYPE_SOURCES = ['src/action/catalogue', 'src/codec/event/guild.ts', 'src/codec/event/request.ts', 'src/codec/id.ts', 'src/codec/segment.ts', 'src/message/message.ts'];
/** Codecs whose TypeScript type has another name. */
const RENAMED: Readonly<Record<string, string>> = { IdParam: 'IdInput', SegmentArray: 'Segment[]', Message: 'Message' };
/** Where the renamed types live. */
const RENAMED_FROM: Readonly<Record<string, string>> = {
  IdInput: 'src/codec/id.ts',
  Segment: 'src/codec/segment.ts',
  Message: 'src/message/message.ts',
};

const BACKENDS: readonly (readonly [BackendName, string])[] = [
  ['napcat', 'NapCat'],
  ['go-cqhttp', 'go-cqhttp'],
  ['lagrange', 'Lagrange'],
];
const SUPPORT_WORDS: Readonly<Record<Support, string>> = {
  supported: 'yes',
  slight: 'slight differences',
  serious: 'serious differences',
  extension: 'its extension',
  unsupported: 'no',
  unknown: 'unknown',
};

interface NamedType {
  readonly name: string;
  readonly module: string;
}

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(path, entry.name)) : entry.name.endsWith('.ts') ? [join(full, entry.name)] : [],
  );
}

/** Codec object → the exported type of the same name beside it (`export const X = …; export interface X …`). */
async function namedTypes(): Promise<Map<unknown, NamedType>> {
  const named = new Map<unknown, NamedType>();
  for (const file of TYPE_SOURCES.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    const types = new Set([...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof t.Type && types.has(name) && !named.has(value)) named.set(value, { name, module: file });
    }
  }
  return named;
}

/** Renders codecs as TypeScript type text, collecting the named types it references. */
class TypeWriter {
  /** Imported types: `module → name → local name` (a second type of the same name gets a numbered alias). */
  readonly used = new Map<string, Map<string, string>>();
  private readonly locals = new Set<string>();
  constructor(private readonly named: Map<unknown, NamedType>) {}

  private use(name: string, module: string): string {
    const names = this.used.get(module) ?? new Map<string, string>();
    this.used.set(module, names);
    const known = names.get(name);
    if (known !== undefined) return known;
    // A second type of the same name is named after its folder (`napcat/common.ts` → `NapcatGroupNotice`).
    const folder = basename(dirname(module));
    let local = name;
    if (this.locals.has(local)) local = `${folder.charAt(0).toUpperCase()}${folder.slice(1)}${name}`;
    for (let n = 2; this.locals.has(local); n += 1) local = `${name}${n}`;
    this.locals.add(local);
    names.set(name, local);
    return local;
  }

  /** The type text of `codec`, or `undefined` when this writer cannot say it exactly. */
  render(codec: t.Mixed, top = false): string | undefined {
    const named = this.named.get(codec);
    if (named !== undefined && !(top && codec instanceof t.InterfaceType && /Params$/.test(named.name))) {
      return this.use(named.name, named.module);
    }
    const renamed = RENAMED[codec.name];
    if (renamed !== undefined) {
      const base = renamed.replace('[]', '');
      const module = RENAMED_FROM[base];
      return module === undefined ? undefined : (this.use(base, join(ROOT, module)), renamed);
    }
    if (codec instanceof t.InterfaceType) return this.object(codec.props as t.Props);
    if (codec instanceof t.UnionType) return this.union(codec.types as t.Mixed[]);
    if (codec instanceof t.KeyofType) return Object.keys(codec.keys as object).map((key) => JSON.stringify(key)).join(' | ');
    if (codec instanceof t.LiteralType) return JSON.stringify(codec.value);
    if (codec instanceof t.ArrayType) {
      const item = this.render(codec.type as t.Mixed);
      return item === undefined ? undefined : /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
    }
    if (codec instanceof t.AnyDictionaryType) return '{ [key: string]: unknown }';
    const primitive: Readonly<Record<string, string>> = {
      StringType: 'string',
      NumberType: 'number',
      BooleanType: 'boolean',
      NullType: 'null',
      UndefinedType: 'undefined',
      UnknownType: 'unknown',
    };
    return primitive[(codec as { _tag?: string })._tag ?? ''];
  }

  private union(types: readonly t.Mixed[]): string | undefined {
    const parts = types.map((member) => this.render(member));
    return parts.some((part) => part === undefined) ? undefined : [...new Set(parts)].join(' | ');
  }

  /** `{ key: T; other?: U }` for a struct's props (a field accepting `undefined` is optional). */
  object(props: t.Props, allOptional = false): string | undefined {
    const fields = Object.entries(props).map(([key, codec]) => {
      const field = optionalField(codec);
      const type = this.render(field.codec);
      return type === undefined ? undefined : `${safeKey(key)}${field.optional || allOptional ? '?' : ''}: ${type}`;
    });
    if (fields.some((field) => field === undefined)) return undefined;
    return fields.length === 0 ? '{}' : `{ ${fields.join('; ')} }`;
  }
}

const safeKey = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/** An `optional(codec)` field as `codec` and `optional: true`. */
function optionalField(codec: t.Mixed): { codec: t.Mixed; optional: boolean } {
  if (codec instanceof t.UnionType) {
    const members = (codec.types as t.Mixed[]).filter((member) => member !== t.undefined);
    if (members.length < codec.types.length) {
      return { codec: members.length === 1 ? (members[0] as t.Mixed) : t.union(members as [t.Mixed, t.Mixed]), optional: true };
    }
  }
  return { codec, optional: false };
}

const camel = (field: string): string => field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Escapes text for a TSDoc comment. */
const comment = (text: string): string => text.replaceAll('*/', '*\\/').replaceAll('@', '\\@');

function supportLine(row: ActionDef): string {
  return `Support: ${BACKENDS.map(([backend, label]) => `${label} ${SUPPORT_WORDS[row.support[backend]]}`).join(', ')}.`;
}

function docBlock(lines: readonly string[], indent = '  '): string {
  const body = lines.flatMap((line) => (line === '' ? [''] : wrap(comment(line), 110 - indent.length)));
  return [`${indent}/**`, ...body.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`), `${indent} */`].join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

const resultOf = (writer: TypeWriter, name: string, row: ActionDef): string =>
  writer.render(row.result as t.Mixed, true) ?? `ResultOf<Catalogue[${JSON.stringify(name)}]>`;

function paramsOf(writer: TypeWriter, name: string, row: ActionDef): string {
  return writer.render(row.params as t.Mixed, true) ?? `ParamsOf<Catalogue[${JSON.stringify(name)}]>`;
}

/** Whether callers may leave the params out (every field optional). */
const paramsOptional = (row: ActionDef): boolean => (row.params as t.Mixed).is({});

function actionMethod(writer: TypeWriter, name: string, row: ActionDef): string {
  const params = `params${paramsOptional(row) ? '?' : ''}: ${paramsOf(writer, name, row)}`;
  const doc = docBlock([
    row.doc,
    ...(row.note ? [row.note] : []),
    '',
    `Sends \`${name}\`${row.reply === 'stream' ? ' (a stream reply: many frames, then the response)' : ''}. ${supportLine(row)}`,
  ]);
  return `${doc}\n  ${safeKey(name)}(${params}, options?: CallOptions): Observable<${resultOf(writer, name, row)}>;`;
}

function seedMethod(writer: TypeWriter, method: string, binding: Binding): string {
  const row = CATALOGUE[binding.action] as ActionDef;
  const params = row.params as t.Mixed;
  const lines = [row.doc, ...(row.note ? [row.note] : []), ''];
  let args: string[] | undefined;
  if (binding.kind === 'params') {
    args = [`params: ${paramsOf(writer, binding.action, row)}`];
    lines.push(`Sends \`${binding.action}\` with \`params\`.`);
  } else if (params instanceof t.InterfaceType) {
    const props = params.props as t.Props;
    const defaults = binding.defaults as Readonly<Record<string, unknown>>;
    let optionalFromHere = false;
    args = binding.args.map((field) => {
      const { codec, optional } = optionalField(props[field] as t.Mixed);
      // A required argument after an optional one stays optional in the list, as `MethodOf` types it.
      optionalFromHere ||= optional || field in defaults;
      const type = writer.render(codec);
      return `${camel(field)}${optionalFromHere || optional || field in defaults ? '?' : ''}: ${type ?? `ParamsOf<Catalogue[${JSON.stringify(binding.action)}]>[${JSON.stringify(field)}]`}`;
    });
    if (binding.rest) {
      const others = Object.fromEntries(Object.entries(props).filter(([key]) => !binding.args.includes(key)));
      args.push(`rest?: ${writer.object(others, true) ?? '{}'}`);
    }
    const sent = binding.args.map((field) => `${field}: ${camel(field)}`);
    lines.push(`Sends \`${binding.action}\` { ${[...sent, ...(binding.rest ? ['...rest'] : [])].join(', ')} }.`);
    for (const [field, value] of Object.entries(defaults)) lines.push(`\`${camel(field)}\` defaults to \`${JSON.stringify(value)}\`.`);
    for (const [field, value] of Object.entries(binding.fixed)) lines.push(`Always sends \`${field}: ${JSON.stringify(value)}\`.`);
  }
  lines.push(supportLine(row));
  if (args === undefined) throw new Error(`${method}: positional arguments need a struct params codec`);
  const docs = docBlock(lines);
  return `${docs}\n  ${method}(${[...args, 'options?: CallOptions'].join(', ')}): Observable<${resultOf(writer, binding.action, row)}>;`;
}

/** Whether `backend` implements `row` (so its variants too, where it has them). */
const implemented = (row: ActionDef, backend: BackendName): boolean => !['unsupported', 'unknown'].includes(row.support[backend]);

/**
 * The variants of one action, a doc each: NapCat answers both suffixes of what it implements, go-cqhttp `_async` only, Lagrange neither
 * (the simulator's backend profiles).
 */
function variantMembers(name: string, row: ActionDef): string[] {
  const backends: Readonly<Record<string, readonly BackendName[]>> = { _async: ['napcat', 'go-cqhttp'], _rate_limited: ['napcat'] };
  return Object.entries(backends).map(([suffix, candidates]) => {
    const on = BACKENDS.filter(([backend]) => candidates.includes(backend) && implemented(row, backend)).map(([, label]) => label);
    const doc = docBlock([
      `Fire-and-forget variant of \`${name}\`: the server queues it and answers at once; emits \`undefined\` once accepted.`,
      `Answered by: ${on.length === 0 ? 'no profiled backend' : on.join(', ')}.`,
    ]);
    return `${doc}\n  ${safeKey(`${name}${suffix}`)}: AsyncVariantOf<${JSON.stringify(name)}>;`;
  });
}

/** The generated module's text. */
export async function renderApiTypes(): Promise<string> {
  const writer = new TypeWriter(await namedTypes());
  const rows = Object.entries(CATALOGUE as Readonly<Record<string, ActionDef>>);
  const actions = rows.map(([name, row]) => actionMethod(writer, name, row));
  // Only the sending actions' variants (where fire-and-forget is used) are declared one by one: a doc on each of
  // the ~400 variants would add ~100 kB to the package; the others come from a mapped type in api.ts.
  const variants = rows.filter(([, row]) => row.sends !== undefined).flatMap(([name, row]) => variantMembers(name, row));
  const seeds = Object.entries(SEED_BINDINGS as Readonly<Record<string, Binding>>).map(([method, binding]) =>
    seedMethod(writer, method, binding),
  );
  const imports = [...writer.used]
    .map(([module, names]) => {
      const path = relative(join(ROOT, 'src', 'action'), module).replace(/\.ts$/, '').replace(/^(?!\.)/, './');
      const specifiers = [...names].map(([name, local]) => (name === local ? name : `${name} as ${local}`)).sort();
      return `import type { ${specifiers.join(', ')} } from '${path}';`;
    })
    .sort();
  const body = [...actions, ...seeds].join('\n');
  const helpers = [
    ...(body.includes('Catalogue[') ? ["import type { Catalogue } from './catalogue/index';"] : []),
    ...definedTypesImport(body),
  ];
  // The catalogue's own result and field types are part of the public API through these methods.
  const reexported = [...writer.used]
    .filter(([module]) => module.includes(`${join('src', 'action', 'catalogue')}`))
    .flatMap(([, names]) => [...names.values()])
    .sort();
  return [
    '// Generated by scripts/gen-api-types.ts from the catalogue and the seed-method table: do not edit by hand.',
    '// `npm run docs:actions` rewrites it; test/action/catalogue-api.test.ts checks it is current.',
    "import type { Observable } from 'rxjs';",
    ...helpers,
    "import type { CallOptions } from './types';",
    ...imports,
    '',
    '/**',
    ' * Every catalogued action as a method of `client.api`: named params, the result type, and the row\'s doc',
    ' * and backend support (see `docs/actions.md`).',
    ' */',
    'export interface CatalogueApi {',
    actions.join('\n'),
    '}',
    '',
    '/** A fire-and-forget variant of action `K`: the same parameters, `undefined` once the server accepted the call. */',
    'export type AsyncVariantOf<K extends keyof CatalogueApi> = (...args: Parameters<CatalogueApi[K]>) => Observable<undefined>;',
    '',
    '/**',
    ' * The `_async` and `_rate_limited` variants of the sending actions: the server queues the call and answers',
    ' * at once (go-cqhttp `status: \'async\'`, NapCat after doing the work); the method emits `undefined` once the',
    ' * call is accepted. NapCat answers both suffixes, go-cqhttp `_async` only, Lagrange neither.',
    ' */',
    'export interface AsyncVariants {',
    variants.join('\n'),
    '}',
    '',
    '/**',
    ' * The seed-named methods (`client.setGroupBan(groupId, userId, duration)`, …): positional arguments for',
    ' * the action\'s params fields, defaults sent explicitly, then one optional `CallOptions`.',
    ' */',
    'export interface SeedMethods {',
    seeds.join('\n'),
    '}',
    '',
    `export type {\n  ${reexported.join(',\n  ')},\n};`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(API_TYPES_FILE, await renderApiTypes());
  console.log(`wrote ${relative(ROOT, API_TYPES_FILE)}`);
}

/** The `./define` type import the generated body needs: `ParamsOf` and / or `ResultOf`, only those it uses. */
function definedTypesImport(body: string): string[] {
  const used = ['ParamsOf', 'ResultOf'].filter((name) => new RegExp(`\\b${name}<`).test(body));
  return used.length === 0 ? [] : [`import type { ${used.join(', ')} } from './define';`];
}
