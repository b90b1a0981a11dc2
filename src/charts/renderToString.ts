import * as Plot from '@observablehq/plot';
import { createServerDocument } from './serverDocument.ts';

/** A chart: a pure function of rows and options that draws with the given document. */
export type ChartFunction<Row, Options> = (rows: Row[], options: Options, document: Document) => SVGElement | HTMLElement;

/** A fresh server-side document, one per chart so nothing is shared between renders. */
export function createDocument(): Document {
  return createServerDocument();
}

/** Renders Plot options to an SVG (or a figure, with legends) string at build time. */
export function renderToString(options: Plot.PlotOptions): string {
  return Plot.plot({ ...options, document: createDocument() }).outerHTML;
}

/** Renders a chart function to a string at build time; the browser calls the same function with its document. */
export function renderChart<Row, Options>(chart: ChartFunction<Row, Options>, rows: Row[], options: Options): string {
  return chart(rows, options, createDocument()).outerHTML;
}
