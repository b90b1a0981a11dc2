import { ExitCode, Failure } from '../run/failure.ts';
import { parseCommandLine, runMain, type CommandSpec, type FlagSpec } from './args.ts';
import { pipelineFlags, pipelineOptions } from './pipelineCommand.ts';
import { REPORT_PDF } from '../site/reportPdfName.ts';
import { runAstroBuild } from '../site/astroBuild.ts';
import { pseudonymKey } from '../privacy/pseudonymKey.ts';
import { fingerprintBuild, isPublished, recordBuild } from '../run/buildFingerprint.ts';

const flags = {
  ...pipelineFlags,
  dist: { type: 'string', value: 'PASTA', help: 'pasta onde o site estático é publicado', default: 'dist' },
  force: { type: 'boolean', help: 'refaz tudo mesmo quando exportações, configuração e código não mudaram desde o último build publicado' },
  pdf: { type: 'boolean', help: `grava também ${REPORT_PDF} no site: a visão geral e a página de cada vendedor em A4 (precisa do chromium do Debian)` },
} as const satisfies Record<string, FlagSpec>;

const spec = {
  name: 'build',
  summary:
    'O trabalho principal: carrega as exportações, calcula os marts e gera o site estático; marts e site são publicados juntos, só quando tudo deu certo.',
  flags,
} satisfies CommandSpec<typeof flags>;

await runMain(async () => {
  const args = parseCommandLine(spec);
  if (!args) return;
  const started = performance.now();
  const options = await pipelineOptions(args);
  const key = await pseudonymKey(options.pseudonymKeyFile);
  const outputs = { martsDir: options.outDir, siteDir: args.dist!, warehousePath: options.warehousePath ?? null };
  const fingerprint = await fingerprintBuild({
    ...outputs,
    exportsDir: options.exportsDir,
    mappingPath: options.mappingPath,
    configPath: options.configPath,
    pseudonymKey: key.key,
    flags: { asOf: options.asOf ?? null, acceptRejects: !!options.acceptRejects, pdf: !!args.pdf },
  });
  if (!args.force && (await isPublished(fingerprint, outputs))) {
    console.log(
      `Nada mudou desde o último build publicado (exportações, mapeamento, configuração, chave e código iguais): ${args.out}/ e ${args.dist}/ continuam valendo. Verificado em ${((performance.now() - started) / 1000).toFixed(1)} s; use --force para refazer.`,
    );
    return;
  }
  // Loaded only now, so that the check above stays quick.
  const { buildMarts, publicationPlan, publishTogether } = await import('../run/runPipeline.ts');
  const { printLoadSummary } = await import('./printLoadSummary.ts');
  const site = { kind: 'site', flag: '--dist', path: args.dist! } as const;
  const result = await publishTogether(publicationPlan(options, [site]), console.log, async (publication) => {
    const marts = await buildMarts(options, publication.staging('marts'), publication.warehouseStaging);
    printLoadSummary(marts.load);
    console.log('Gerando o site estático');
    await buildSite(publication.staging('marts'), publication.staging('site'));
    if (args.pdf) await printReport(publication.staging('site'));
    return marts;
  });
  await recordBuild(fingerprint, outputs);
  console.log(`Relatório em ${args.dist}/ (data de referência ${result.asOf}) em ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Para abrir: npx astro preview --outDir ${args.dist}  (ou sirva a pasta ${args.dist}/ em qualquer servidor estático)`);
});

/** Writes the PDF of the overview and the sellers' pages into the staged site; any failure fails the build (exit 6). */
async function printReport(site: string): Promise<void> {
  console.log(`Gerando ${REPORT_PDF} (visão geral e páginas dos vendedores)`);
  const started = performance.now();
  try {
    const { writeReportPdf } = await import('../site/reportPdf.ts');
    const { pages, sheets } = await writeReportPdf(site, { log: console.log });
    console.log(`${REPORT_PDF}: ${pages} páginas do relatório em ${sheets} folhas A4, em ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw new Failure(
      ExitCode.site,
      `o PDF não pôde ser gerado (${(error as Error).message.split('\n')[0]})`,
      'veja a mensagem acima; rode sem --pdf para publicar só o site',
    );
  }
}

/** Builds the site from the marts, relaying astro's output through this process's (masked) console. */
async function buildSite(martsDir: string, outDir: string): Promise<void> {
  const { code, signal } = await runAstroBuild({
    martsDir,
    outDir,
    onLine: (line, stream) => (stream === 'stdout' ? console.log(line) : console.error(line)),
  });
  if (code === 0) return;
  const how = signal ? `foi interrompida (sinal ${signal}; falta de memória, por exemplo)` : `falhou com o código ${code}`;
  throw new Failure(
    ExitCode.site,
    `a geração do site (astro build) ${how}`,
    'veja as mensagens acima; os marts e o site anteriores foram mantidos como estavam',
  );
}
