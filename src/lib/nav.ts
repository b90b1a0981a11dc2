import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './readMart.ts';

/** A report page in the navigation. */
export interface NavPage {
  href: string;
  label: string;
}

/** Every page of the report, in reading order. */
export const reportPages: NavPage[] = [
  { href: '/', label: 'Visão geral' },
  { href: '/periodos/', label: 'Trimestres e anos' },
  { href: '/carteira/', label: 'Carteira' },
  { href: '/segmentacao/', label: 'Segmentação' },
  { href: '/carteirizacao/', label: 'Carteirização' },
  { href: '/risco/', label: 'Risco de churn' },
  { href: '/oportunidades/', label: 'Oportunidades' },
  { href: '/produtos/', label: 'Produtos' },
  { href: '/geografia/', label: 'Geografia' },
  { href: '/ticket-medio/', label: 'Ticket médio' },
  { href: '/vendedores/', label: 'Vendedores' },
  { href: '/metas/', label: 'Metas' },
  { href: '/prospeccao/', label: 'Prospecção' },
  { href: '/renovacoes/', label: 'Renovações' },
  { href: '/coortes/', label: 'Coortes' },
  { href: '/dados/', label: 'Dados' },
];

/** Whether src/pages holds the page for `href` (as `name.astro` or `name/index.astro`). */
function pageExists(href: string): boolean {
  const slug = href.replace(/^\/|\/$/g, '');
  const pages = join(projectRoot(), 'src', 'pages');
  const candidates = slug ? [`${slug}.astro`, join(slug, 'index.astro')] : ['index.astro'];
  return candidates.some((file) => existsSync(join(pages, file)));
}

/** The pages that exist in this build, so the navigation never links to a 404 while pages are added. */
export function builtPages(): NavPage[] {
  return reportPages.filter((page) => pageExists(page.href));
}
