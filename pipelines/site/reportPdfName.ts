/** The printed report inside the site, beside index.html. */
export const REPORT_PDF = 'relatorio.pdf';
