/**
 * A minimal DOM for drawing charts at build time: the few node, element, attribute, style and selector
 * calls Plot and d3-selection make to build an SVG, and nothing else (no events, no layout, no parsing).
 * The build draws several charts per page on a thousand seller pages; with a general-purpose DOM
 * (linkedom) every node also registered an event-listener table, and that bookkeeping and its garbage
 * collection cost more than Plot itself. The trees it builds serialize (`outerHTML`) to exactly the
 * markup the general DOM gave; the browser draws the same chart functions with its own document.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const FRAGMENT_NODE = 11;

abstract class ServerNode {
  parentNode: ServerNode | null = null;
  readonly childNodes: ServerNode[] = [];

  constructor(
    readonly ownerDocument: ServerDocument,
    readonly nodeType: number,
  ) {}

  get parentElement(): ServerElement | null {
    return this.parentNode instanceof ServerElement ? this.parentNode : null;
  }

  get firstChild(): ServerNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): ServerNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }

  get nextSibling(): ServerNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) + 1] ?? null) : null;
  }

  get previousSibling(): ServerNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) - 1] ?? null) : null;
  }

  get children(): ServerElement[] {
    return this.childNodes.filter((n): n is ServerElement => n instanceof ServerElement);
  }

  get isConnected(): boolean {
    return false;
  }

  get textContent(): string {
    return this.childNodes.map((n) => n.textContent).join('');
  }

  set textContent(text: unknown) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes.length = 0;
    if (text != null && text !== '') this.appendChild(new ServerText(this.ownerDocument, String(text)));
  }

  appendChild<T extends ServerNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  insertBefore<T extends ServerNode>(child: T, reference: ServerNode | null): T {
    if (child.nodeType === FRAGMENT_NODE) {
      for (const node of [...child.childNodes]) this.insertBefore(node, reference);
      return child;
    }
    child.parentNode?.removeChild(child);
    const at = reference ? this.childNodes.indexOf(reference) : -1;
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }

  removeChild<T extends ServerNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error('serverDocument: removeChild of a node that is not a child');
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }

  append(...nodes: (ServerNode | string)[]): void {
    for (const node of nodes) this.appendChild(typeof node === 'string' ? new ServerText(this.ownerDocument, node) : node);
  }

  prepend(...nodes: (ServerNode | string)[]): void {
    const first = this.firstChild;
    for (const node of nodes) this.insertBefore(typeof node === 'string' ? new ServerText(this.ownerDocument, node) : node, first);
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  replaceWith(...nodes: (ServerNode | string)[]): void {
    const parent = this.parentNode;
    if (!parent) return;
    const next = this.nextSibling;
    parent.removeChild(this);
    for (const node of nodes) parent.insertBefore(typeof node === 'string' ? new ServerText(this.ownerDocument, node) : node, next);
  }

  contains(other: ServerNode | null): boolean {
    for (let node = other; node; node = node.parentNode) if (node === this) return true;
    return false;
  }

  /** Only the following/preceding bits d3's selection.order() asks for. */
  compareDocumentPosition(other: ServerNode): number {
    const path = (node: ServerNode) => {
      const nodes: ServerNode[] = [];
      for (let n: ServerNode | null = node; n; n = n.parentNode) nodes.unshift(n);
      return nodes;
    };
    const a = path(this);
    const b = path(other);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length) return 16 | 4; // other is inside this node, so follows it
    if (i === b.length) return 8 | 2; // this node is inside other, which precedes it
    if (i === 0) return 1;
    const siblings = a[i - 1]!.childNodes;
    return siblings.indexOf(b[i]!) > siblings.indexOf(a[i]!) ? 4 : 2;
  }

  addEventListener(): void {}

  removeEventListener(): void {}

  dispatchEvent(): boolean {
    return true;
  }

  abstract cloneNode(deep?: boolean): ServerNode;
}

class ServerText extends ServerNode {
  constructor(
    ownerDocument: ServerDocument,
    public nodeValue: string,
  ) {
    super(ownerDocument, TEXT_NODE);
  }

  get data(): string {
    return this.nodeValue;
  }

  override get textContent(): string {
    return this.nodeValue;
  }

  override set textContent(text: unknown) {
    this.nodeValue = String(text ?? '');
  }

  cloneNode(): ServerText {
    return new ServerText(this.ownerDocument, this.nodeValue);
  }
}

class ServerFragment extends ServerNode {
  constructor(ownerDocument: ServerDocument) {
    super(ownerDocument, FRAGMENT_NODE);
  }

  cloneNode(deep = false): ServerFragment {
    const copy = new ServerFragment(this.ownerDocument);
    if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
    return copy;
  }
}

const VOID_HTML = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TEXT_SPECIALS = /[&<>]/;
const ATTRIBUTE_SPECIALS = /[&<>"]/;

const escapeText = (text: string): string => (TEXT_SPECIALS.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text);
const escapeAttribute = (text: string): string => (ATTRIBUTE_SPECIALS.test(text) ? escapeText(text).replace(/"/g, '&quot;') : text);

/** camelCase → kebab-case, as style.maxWidth names max-width. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * An element's style, kept in its style attribute as "name:value;name:value" (the general DOM's form):
 * each change re-reads the attribute, so a style set through setAttribute and one set property by
 * property end up in the same text.
 */
function styleOf(element: ServerElement): Record<string, unknown> {
  const read = () => {
    const properties = new Map<string, string>();
    for (const rule of (element.getAttribute('style') ?? '').split(/\s*;\s*/)) {
      const [key, ...rest] = rule.split(':');
      const value = rest.join(':').trim();
      if (rest.length && key!.trim() && value) properties.set(key!.trim(), value);
    }
    return properties;
  };
  const write = (name: string, value: unknown) => {
    const properties = read();
    if (value == null) properties.delete(name);
    else properties.set(name, String(value));
    element.setAttribute('style', [...properties].map(([k, v]) => `${k}:${v}`).join(';'));
  };
  const methods: Record<string, unknown> = {
    setProperty: (name: string, value: unknown) => write(name, value),
    removeProperty: (name: string) => write(name, null),
    getPropertyValue: (name: string) => read().get(name) ?? '',
  };
  return new Proxy(methods, {
    get: (target, name) => (typeof name !== 'string' ? undefined : name in target ? target[name] : (read().get(kebab(name)) ?? '')),
    set: (_target, name, value) => {
      if (typeof name !== 'string') return false;
      if (name === 'cssText') element.setAttribute('style', String(value));
      else write(kebab(name), value);
      return true;
    },
  });
}

class ServerElement extends ServerNode {
  // Attributes in the order first set (an element has a handful: arrays beat a Map here).
  private readonly attributeNames: string[] = [];
  private readonly attributeValues: string[] = [];
  private styleProxy: Record<string, unknown> | null = null;

  constructor(
    ownerDocument: ServerDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {
    super(ownerDocument, ELEMENT_NODE);
  }

  get tagName(): string {
    return this.namespaceURI === XHTML_NS ? this.localName.toUpperCase() : this.localName;
  }

  get nodeName(): string {
    return this.tagName;
  }

  /** Newest attribute first, as linkedom (the DOM the charts were drawn on before) listed them, so the markup stayed byte for byte the same. */
  get attributes(): { name: string; value: string }[] {
    return this.attributeNames.map((name, i) => ({ name, value: this.attributeValues[i]! })).reverse();
  }

  /**
   * The element as HTML, escaping every text and attribute, so a label like "P&amp;D" in an aria-label or
   * title reads back as written. SVG elements without children close themselves; style and script elements
   * keep their CSS as is (Plot's own, never user text) except for a closing tag.
   */
  get outerHTML(): string {
    return this.writeMarkup('');
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  set className(value: string) {
    this.setAttribute('class', value);
  }

  get style(): Record<string, unknown> {
    this.styleProxy ??= styleOf(this);
    return this.styleProxy;
  }

  set style(text: unknown) {
    this.setAttribute('style', String(text));
  }

  getAttribute(name: string): string | null {
    const i = this.attributeNames.indexOf(name);
    return i < 0 ? null : this.attributeValues[i]!;
  }

  hasAttribute(name: string): boolean {
    return this.attributeNames.includes(name);
  }

  setAttribute(name: string, value: unknown): void {
    const i = this.attributeNames.indexOf(name);
    if (i < 0) {
      this.attributeNames.push(name);
      this.attributeValues.push(String(value));
    } else this.attributeValues[i] = String(value);
  }

  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  removeAttribute(name: string): void {
    const i = this.attributeNames.indexOf(name);
    if (i < 0) return;
    this.attributeNames.splice(i, 1);
    this.attributeValues.splice(i, 1);
  }

  removeAttributeNS(_namespace: string | null, name: string): void {
    this.removeAttribute(name);
  }

  querySelector(selector: string): ServerElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  querySelectorAll(selector: string): ServerElement[] {
    const matcher = compileSelector(selector);
    const found: ServerElement[] = [];
    const walk = (node: ServerNode) => {
      for (const child of node.childNodes) {
        if (!(child instanceof ServerElement)) continue;
        if (matcher(child, this)) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }

  matches(selector: string): boolean {
    return compileSelector(selector)(this, null);
  }

  /** The element's markup after `out`: attributes newest first, text and attribute values escaped. */
  writeMarkup(out: string): string {
    const name = this.localName;
    let start = `${out}<${name}`;
    for (let i = this.attributeNames.length - 1; i >= 0; i--) start += ` ${this.attributeNames[i]}="${escapeAttribute(this.attributeValues[i]!)}"`;
    if (name === 'style' || name === 'script') return `${start}>${this.textContent.replace(/<\//g, '<\\/')}</${name}>`;
    let children = '';
    for (const child of this.childNodes) {
      if (child instanceof ServerElement) children = child.writeMarkup(children);
      else if (child instanceof ServerText) children += escapeText(child.nodeValue);
    }
    if (!children && this.namespaceURI === SVG_NS) return `${start}/>`;
    if (VOID_HTML.has(name)) return `${start}>`;
    return `${start}>${children}</${name}>`;
  }

  cloneNode(deep = false): ServerElement {
    const copy = new ServerElement(this.ownerDocument, this.namespaceURI, this.localName);
    for (const [i, name] of this.attributeNames.entries()) copy.setAttribute(name, this.attributeValues[i]);
    if (deep) for (const child of this.childNodes) copy.appendChild(child.cloneNode(true));
    return copy;
  }
}

type Matcher = (element: ServerElement, scope: ServerElement | null) => boolean;

/** One compound selector (`g`, `.tick`, `line.grid`, `*`) as a test of one element. */
function compound(text: string): (element: ServerElement) => boolean {
  const match = /^(\*|[a-zA-Z][\w-]*)?((?:\.[\w-]+)*)$/.exec(text);
  if (!match) throw new Error(`serverDocument: unsupported selector "${text}"`);
  const tag = match[1] && match[1] !== '*' ? match[1] : null;
  const classes = match[2] ? match[2].slice(1).split('.') : [];
  return (element) => {
    if (tag && element.localName !== tag) return false;
    if (!classes.length) return true;
    const own = (element.getAttribute('class') ?? '').split(/\s+/);
    return classes.every((c) => own.includes(c));
  };
}

/** Selectors of compound parts joined by descendant (space) or child (>) combinators, in comma-separated groups. */
function compileSelector(selector: string): Matcher {
  const groups = selector.split(',').map((group) => {
    const tokens = group
      .trim()
      .replace(/\s*>\s*/g, ' > ')
      .split(/\s+/);
    const parts: { test: (e: ServerElement) => boolean; child: boolean }[] = [];
    let child = false;
    for (const token of tokens) {
      if (token === '>') child = true;
      else {
        parts.push({ test: compound(token), child });
        child = false;
      }
    }
    return parts;
  });
  // right to left: the element matches the last part, its ancestors (below the scope) the earlier ones
  const matchFrom = (element: ServerElement, parts: (typeof groups)[number], i: number, scope: ServerElement | null): boolean => {
    if (!parts[i]!.test(element)) return false;
    if (i === 0) return true;
    for (let up = element.parentNode; up && up !== scope && up instanceof ServerElement; up = up.parentNode) {
      if (matchFrom(up, parts, i - 1, scope)) return true;
      if (parts[i]!.child) return false;
    }
    return false;
  };
  return (element, scope) => groups.some((parts) => matchFrom(element, parts, parts.length - 1, scope));
}

class ServerDocument {
  readonly documentElement: ServerElement;
  readonly body: ServerElement;
  readonly defaultView = null;

  constructor() {
    this.documentElement = new ServerElement(this, XHTML_NS, 'html');
    this.body = this.documentElement.appendChild(new ServerElement(this, XHTML_NS, 'body'));
  }

  createElement(name: string): ServerElement {
    return new ServerElement(this, XHTML_NS, name.toLowerCase());
  }

  createElementNS(namespace: string | null, name: string): ServerElement {
    return new ServerElement(this, namespace ?? XHTML_NS, name);
  }

  createTextNode(text: string): ServerText {
    return new ServerText(this, String(text));
  }

  createDocumentFragment(): ServerFragment {
    return new ServerFragment(this);
  }
}

/** A fresh document for one chart. */
export function createServerDocument(): Document {
  return new ServerDocument() as unknown as Document;
}

export { SVG_NS };
