import { ExitCode, Failure } from './failure.ts';

const problems: Record<string, [problem: string, fix: string]> = {
  ENOENT: ['o caminho não existe, ou o sistema não deixa criar nada ali', 'confira o caminho, ou escolha uma pasta num disco comum'],
  EACCES: ['sem permissão', 'confira as permissões da pasta (ou rode com um usuário que possa gravar nela), ou escolha outra pasta'],
  EPERM: ['operação não permitida', 'confira as permissões da pasta, ou escolha outra pasta'],
  EROFS: ['o disco é somente leitura', 'escolha uma pasta num disco gravável'],
  ENOSPC: ['o disco está cheio', 'libere espaço (a execução precisa de algumas vezes o tamanho das exportações) ou escolha outro disco'],
  EDQUOT: ['a cota de disco acabou', 'libere espaço ou escolha outro disco'],
  ENOTDIR: ['uma parte do caminho é um arquivo, não uma pasta', 'confira o caminho'],
  EISDIR: ['esperava um arquivo e encontrou uma pasta', 'confira o caminho'],
  ENAMETOOLONG: ['o caminho é longo demais', 'use uma pasta com caminho mais curto'],
  EMFILE: ['arquivos abertos demais ao mesmo tempo', 'aumente o limite (ulimit -n) ou reduza o número de arquivos de exportação'],
};

/**
 * A file-system refusal (permissions, a full or read-only disk) is the user's to fix, not a bug: it
 * becomes a Failure naming the path and the operation. Anything else gives null.
 */
export function fileSystemFailure(error: unknown): Failure | null {
  const err = error as NodeJS.ErrnoException;
  const known = err && typeof err.code === 'string' ? problems[err.code] : undefined;
  if (!known) return null;
  const dest = (err as { dest?: string }).dest;
  const where = err.path ? `${err.path}${dest ? ` → ${dest}` : ''}` : undefined;
  return new Failure(ExitCode.input, `${known[0]} (${err.syscall ?? 'acesso'}, ${err.code})`, known[1], where);
}
