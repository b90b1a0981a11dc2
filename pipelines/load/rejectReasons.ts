import type { ColumnKind } from '../contract/columns.ts';

/** A stable reason code with its plain-Portuguese explanation and fix. */
export interface RejectReason {
  code: string;
  reason_pt: string;
}

/** Every reason the loader can give, keyed by its stable code. */
export const rejectReasons = {
  missing_required: 'valor obrigatório ausente; preencha a coluna',
  bad_date: 'data inválida; use dd/mm/aaaa ou aaaa-mm-dd (ano entre 1900 e 2100)',
  bad_month: 'mês inválido; use aaaa-mm, mm/aaaa ou uma data',
  excel_date_serial:
    'número de série de data do Excel (45678 é 20/01/2025), não uma data: a coluna estava formatada como número ao salvar; formate-a como data (dd/mm/aaaa) no Excel e salve o CSV de novo',
  scientific_notation:
    'código em notação científica (1,23457E+13): o Excel converteu o código em número e perdeu os últimos dígitos, e códigos diferentes ficam iguais; ' +
    'formate a coluna como Texto no Excel antes de salvar, ou exporte o CSV direto do sistema',
  bad_number: 'número inválido; use 1.234,56 ou 1234.56 (R$ é aceito)',
  percent_in_amount:
    'percentual numa coluna em reais (um desconto de 10%, por exemplo): a coluna é um valor em R$; exporte o valor em reais (quantidade × preço × percentual)',
  negative_value: 'valor negativo não é aceito nesta coluna; corrija o sinal ou lance uma devolução como pedido devolvido',
  unknown_uf: 'UF desconhecida; use a sigla de 2 letras (SP, RJ, MG, ...) ou o nome do estado',
  invalid_document: 'CPF/CNPJ com dígitos verificadores inválidos ou número impossível; confira o documento',
  unknown_value: 'valor não reconhecido; use um dos valores aceitos listados no README',
  bad_boolean: 'valor lógico não reconhecido; use sim/não, true/false ou 1/0',
  duplicate_id: 'código repetido com conteúdo diferente; mantida a primeira ocorrência (ordem de nome de arquivo, depois de linha)',
  items_in_other_file:
    'itens de um pedido que vieram, diferentes, também em outro arquivo de itens (exportações que se sobrepõem); mantidos os do último arquivo (ordem de nome: a exportação mais recente), ' +
    'para não somar o pedido duas vezes; confira qual exportação está certa',
  unknown_order: 'item de um pedido que não existe no arquivo de pedidos; inclua o pedido ou remova o item',
  amount_out_of_range:
    'item que vale R$ 1 quatrilhão ou mais (quantidade × preço unitário, ou × custo unitário), impossível numa venda; confira a quantidade e o preço (um código colado na coluna da quantidade, por exemplo)',
  isolated_date:
    'pedido com data isolada de todos os outros (mais de 1 ano depois, ou mais de 2 anos antes, sem nenhum pedido no meio): provavelmente um ano digitado errado (2062 ou 2016 por 2026); ' +
    'corrija a data (um pedido assim levaria a data de referência para o futuro, ou o início de todos os gráficos para o passado)',
  end_before_start: 'contrato que termina antes de começar, sem nenhum mês de vigência; confira as datas de início e fim (o ano, provavelmente)',
  order_rejected: 'item de um pedido que foi rejeitado; corrija o pedido (veja a rejeição dele)',
  unknown_product: 'produto não cadastrado; item mantido na categoria "Sem categoria"',
  unknown_customer:
    'cliente que não está no arquivo de clientes; pedido mantido, o cliente aparece como "Cliente não cadastrado"; confira se o arquivo de clientes é o certo e se os códigos coincidem (zeros à esquerda, código por pedido)',
  unknown_seller:
    'vendedor que não está no arquivo de vendedores; linha mantida, o vendedor aparece só pelo código; confira se o arquivo de vendedores é o certo e se os códigos coincidem (V01 e V1, zeros à esquerda)',
  missing_amount:
    'pedido sem valor: nenhum item utilizável (ou nenhum arquivo de itens) e sem valor total (amount); pedido rejeitado, informe o amount ou os itens',
  negative_amount:
    'valor total negativo (uma devolução ou nota de crédito): contado como devolvido, ou cancelado se a situação diz, pelo valor sem o sinal e fora do faturamento; a venda original continua no faturamento',
  order_without_items: 'pedido sem itens no arquivo de itens; usado o valor total do pedido (amount)',
  return_without_value:
    'nota de cancelamento ou devolução (situação cancelada/devolvida, ou itens só com quantidade negativa) sem valor total nem itens utilizáveis; ' +
    'contada como devolução de valor desconhecido, não como venda de R$ 0',
  mixed_date_order:
    'coluna com datas que só podem ser dd/mm e outras que só podem ser mm/dd; este valor foi lido na ordem da maioria ou pela sua própria prova, confira-o ' +
    '(as contagens estão nas notas do resumo da carga); force a ordem com "date_format" no arquivo de mapeamento',
  mixed_decimal_separators:
    'coluna com números de vírgula decimal e outros de ponto decimal; este valor é da minoria ou ambíguo (como 1.500), confira-o ' +
    '(as contagens estão nas notas do resumo da carga); force o separador com "decimal" no arquivo de mapeamento',
  total_row:
    'linha de total ou subtotal do relatório, não um registro: deixada de fora, sem contar no limite de rejeições; para não vê-la aqui, exporte sem a linha de totais ou apague-a',
  header_row:
    'o cabeçalho repetido no meio do arquivo (exportações coladas uma depois da outra), não um registro: deixado de fora, sem contar no limite de rejeições; para não vê-lo aqui, apague a linha',
  too_many_columns: 'linha com mais colunas que o cabeçalho; verifique separadores dentro de textos sem aspas',
  unterminated_quote:
    'aspas que abrem um campo e não fecham (ou texto logo depois das aspas de fechamento); a linha ficou de fora e as seguintes foram lidas; ' +
    'feche as aspas, ou dobre as aspas que fazem parte do texto ("")',
  line_too_long:
    'registro com mais de 512 KB, grande demais para uma linha de exportação (provavelmente um texto colado por engano); a linha ficou de fora; encurte ou apague o campo',
  stray_carriage_return:
    'quebra de linha solta (CR) no meio de um campo sem aspas; lida como espaço e a linha mantida; exporte os textos entre aspas ou remova a quebra',
  mixed_encoding:
    'byte que não é UTF-8 num arquivo UTF-8 (provavelmente texto colado de outro sistema); lido como Windows-1252, confira o valor; salve o arquivo inteiro em UTF-8',
  invalid_encoding: 'caracteres inválidos para a codificação do arquivo; exporte em UTF-8 ou Windows-1252',
  malformed_row: 'linha malformada que o leitor de CSV não conseguiu interpretar',
} as const satisfies Record<string, string>;

export type RejectCode = keyof typeof rejectReasons;

/** The reason code for a value of this kind that could not be read. */
export function badValueCode(kind: ColumnKind): RejectCode {
  switch (kind) {
    case 'date':
      return 'bad_date';
    case 'month':
      return 'bad_month';
    case 'money':
    case 'quantity':
    case 'integer':
    case 'percent':
      return 'bad_number';
    case 'uf':
      return 'unknown_uf';
    case 'document':
      return 'invalid_document';
    case 'enum':
    case 'company_size':
      return 'unknown_value';
    case 'boolean':
      return 'bad_boolean';
    case 'id':
      return 'scientific_notation';
    default:
      return 'missing_required';
  }
}

/** Maps DuckDB's CSV reader error types to reason codes. */
export function csvErrorCode(errorType: string): RejectCode {
  if (errorType === 'TOO MANY COLUMNS') return 'too_many_columns';
  if (errorType === 'UNQUOTED VALUE') return 'unterminated_quote';
  if (errorType === 'INVALID UNICODE' || errorType === 'INVALID ENCODING') return 'invalid_encoding';
  return 'malformed_row';
}
