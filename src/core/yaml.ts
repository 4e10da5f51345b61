import { Document, isMap, isScalar, isSeq, type Scalar } from 'yaml';

/**
 * YAML is built as data and serialised by the `yaml` library, never as text.
 * Output follows YAML 1.1 quoting rules, so strings such as "yes", "on" or
 * "8000:80" are quoted and read back as the same strings by YAML 1.1 readers
 * (docker-compose v1, PyYAML) and YAML 1.2 readers (Compose v2, kubectl) alike.
 */
export type Path = readonly (string | number)[];

export interface YamlOptions {
  /** Comment lines at the top of the file. */
  header?: readonly string[];
  /** Comments above keys, by path. */
  comments?: ReadonlyArray<[Path, string]>;
  /** Paths of sequences whose string items should be double-quoted (e.g. port mappings). */
  quoted?: readonly Path[];
  /** Paths of sequences written on one line, like an exec-form command: ["a", "b"]. */
  flow?: readonly Path[];
}

export function toYaml(data: unknown, options: YamlOptions = {}): string {
  // No anchors or aliases: each value is written out where it is used.
  const doc = new Document(data, { version: '1.1', aliasDuplicateObjects: false });
  if (options.header?.length) doc.commentBefore = options.header.map((l) => ` ${l}`).join('\n');
  for (const [path, text] of options.comments ?? []) commentOn(doc, path, text);
  for (const path of [...(options.quoted ?? []), ...(options.flow ?? [])]) {
    const node = doc.getIn(path, true);
    if (isSeq(node)) {
      for (const item of node.items) if (isScalar(item) && typeof item.value === 'string') item.type = 'QUOTE_DOUBLE';
    }
  }
  for (const path of options.flow ?? []) {
    const node = doc.getIn(path, true);
    if (isSeq(node)) node.flow = true;
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

function commentOn(doc: Document, path: Path, text: string): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const key = path[path.length - 1];
  if (!isMap(parent)) return;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair && isScalar(pair.key)) (pair.key as Scalar).commentBefore = ` ${text}`;
}

/** Several YAML documents in one file (Kubernetes style). */
export function toYamlStream(docs: readonly unknown[], header?: readonly string[]): string {
  return docs.map((d, i) => toYaml(d, i === 0 && header ? { header } : {})).join('---\n');
}
