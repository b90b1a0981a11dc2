import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { ExitCode, Failure } from '../run/failure.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import { serveStatic } from './staticServer.ts';

import { REPORT_PDF } from './reportPdfName.ts';

export { REPORT_PDF };

/** The list of pages the site declares for the printed report (src/pages/relatorio-paginas.json.ts). */
const PAGE_LIST = 'relatorio-paginas.json';

/**
 * Prints the overview and every seller's page of a built site to one A4 PDF, with Debian's chromium and
 * the site's print stylesheet (the browser's own print-to-PDF, as a director would do by hand), one page
 * after the other, and writes it to `file` (default `<dist>/relatorio.pdf`). Returns the number of report
 * pages printed and of A4 sheets they took.
 */
export async function writeReportPdf(
  dist: string,
  { file = join(dist, REPORT_PDF), log = () => {} }: { file?: string; log?: (line: string) => void } = {},
): Promise<{ pages: number; sheets: number }> {
  if (!existsSync(CHROMIUM)) {
    throw new Failure(
      ExitCode.site,
      `o PDF precisa do chromium do Debian em ${CHROMIUM}, que não está instalado`,
      'instale com apt-get install -y chromium, ou rode sem --pdf',
    );
  }
  const { pages } = JSON.parse(await readFile(join(dist, PAGE_LIST), 'utf8')) as { pages: string[] };
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const tab = await (await browser.newContext({ viewport: { width: 794, height: 1123 } })).newPage();
    await tab.emulateMedia({ media: 'print' });
    const report = await PDFDocument.create();
    report.setTitle('Carteira: relatório da carteira de clientes');
    report.setLanguage('pt-BR');
    for (const [index, page] of pages.entries()) {
      const response = await tab.goto(`${server.url}${page}`, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`${page}: HTTP ${response?.status()}`);
      const printed = await tab.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:right;padding:0 12mm;color:#555"><span class="title"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
      });
      const part = await PDFDocument.load(printed);
      for (const sheet of await report.copyPages(part, part.getPageIndices())) report.addPage(sheet);
      if ((index + 1) % 25 === 0) log(`PDF: ${index + 1} de ${pages.length} páginas`);
    }
    await writeFile(file, await report.save());
    return { pages: pages.length, sheets: report.getPageCount() };
  } finally {
    await browser.close();
    await server.close();
  }
}
