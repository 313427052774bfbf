/**
 * A walk over a parsed JSON value (a request body, the bot's `meta` part) without recursion: a
 * body nested 5,000 levels deep overflowed the call stack of a recursive walk (a 500), and
 * copying the path at every level made the walk quadratic. Here each node points at its parent,
 * and the dotted path is built only for the node a caller reports.
 */

export type JsonNode = {
  value: unknown;
  /** The key or array index under the parent; null at the root. */
  key: string | null;
  parent: JsonNode | null;
  /** How many keys lead from the root to this node (the root: 0). */
  depth: number;
};

/** The keys from the root to `node`. */
export function pathOf(node: JsonNode): string[] {
  const keys: string[] = [];
  for (let n: JsonNode | null = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  return keys.reverse();
}

/**
 * Every node under `root`, depth first in document order. `enter(node)` answers false to skip a
 * node's children (the caller has seen enough of it).
 */
export function* walkJson(root: unknown, enter: (node: JsonNode) => boolean = () => true): Generator<JsonNode> {
  const stack: JsonNode[] = [{ value: root, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const v = node.value;
    if (!v || typeof v !== 'object' || !enter(node)) continue;
    const children = Array.isArray(v) ? v.map((inner, i) => [String(i), inner] as const) : Object.entries(v);
    // pushed last-first, so the first child comes off the stack first
    for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], key: children[i]![0], parent: node, depth: node.depth + 1 });
  }
}
