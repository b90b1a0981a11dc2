import * as Plot from '@observablehq/plot';
import { createServerDocument } from './serverDocument.ts';

/** A chart: a pure function of rows and options that draws with the given document. */
export type ChartFunction<Row, Options> = (rows: Row[], options: Options, document: Document) => SVGElement | HTMLElement;

const SVG_NS = 'http://www.w3.org/2000/svg';
const VOID_HTML = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/** A fresh server-side document, one per chart so nothing is shared between renders. */
export function createDocument(): Document {
  return createServerDocument();
}

/**
 * Serializes a node as HTML, escaping every text and attribute, so a label like "P&amp;D" in an aria-label
 * or title reads back as written (the server DOM has no outerHTML of its own).
 * Style elements keep their CSS as is (Plot's own, never user text) except for a closing tag.
 */
export function serialize(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const name = element.localName;
  const attributes = Array.from(element.attributes, (a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
  if (name === 'style' || name === 'script') {
    return `<${name}${attributes}>${(element.textContent ?? '').replace(/<\//g, '<\\/')}</${name}>`;
  }
  const children = Array.from(element.childNodes, serialize).join('');
  if (element.namespaceURI === SVG_NS && !children) return `<${name}${attributes}/>`;
  if (VOID_HTML.has(name)) return `<${name}${attributes}>`;
  return `<${name}${attributes}>${children}</${name}>`;
}

/** Renders Plot options to an SVG (or a figure, with legends) string at build time. */
export function renderToString(options: Plot.PlotOptions): string {
  return serialize(Plot.plot({ ...options, document: createDocument() }));
}

/** Renders a chart function to a string at build time; the browser calls the same function with its document. */
export function renderChart<Row, Options>(chart: ChartFunction<Row, Options>, rows: Row[], options: Options): string {
  return serialize(chart(rows, options, createDocument()));
}
