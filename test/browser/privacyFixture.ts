import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Personal data hidden everywhere an export can hide it, added to a copy of the demo exports (second
 * files of each entity, read together with the demo's) so that every page has data around it: a CPF as
 * customer and as seller code, persons without a document, with an invalid CPF or CNPJ, with "CPF …"
 * in the document, an e-mail as name, phones in the city column, a shifted line, a person's name as the
 * customer code of an order.
 */
const CUSTOMERS = [
  'customer_id,name,document,segment,city,state,seller_id,created_at,email,phone',
  '529.982.247-25,Joana Prado Vasconcelos,529.982.247-25,Mercearia,Recife,PE,V001,2024-01-10,joana.vasconcelos@exemplo.com,(81) 99876-5432',
  'H002,Rosângela Tavares Quintino,,Padaria,Olinda,PE,111.444.777-35,2024-01-10,,81 3721-9090',
  'H003,Edvaldo Brito Sarmento,123.456.789-00,Restaurante,Recife,PE,V001,2024-01-10,edvaldo.sarmento@exemplo.com.br,',
  'H004,Quitéria Lemos Bastos,CPF 390.533.447-05,Mercearia,Natal,RN,V001,2024-01-10,,+55 84 98701-2233',
  'H005,gilberto.nogueira@exemplo.com.br,,Lanchonete,Recife,PE,V001,2024-01-10,,',
  'H006,Padaria Pão Nosso Ltda,11.222.333/0001-81,Padaria,"Caruaru fone (81) 3721-4455",PE,V001,2024-01-10,,',
  'H007,Maria José Farias Lacerda,,Mercearia,"São Paulo tel 11 98888-7777",SP,V001,2024-01-10,,',
  'H008,Irene Sobral Macedo,11.222.333/0001-82,Mercearia,Recife,PE,V001,2024-01-10,,',
  // one column too many: the name was split at a comma nobody quoted
  'H009,Severino,Ramos Cordeiro,987.654.321-00,Mercearia,Recife,PE,V001,2024-01-10,severino.cordeiro@exemplo.com,(81) 98123-4567',
];

const SELLERS = ['seller_id,name,team,state,hired_at,active', '111.444.777-35,Beatriz Nunes Falcão,Key Accounts,PE,2022-01-01,true'];

const BUYERS = ['529.982.247-25', 'H002', 'H003', 'H004', 'H005', 'H006', 'H007', 'H008'];

const ORDERS = [
  'order_id,customer_id,order_date,seller_id,status,channel,amount',
  ...BUYERS.flatMap((customer, i) => [
    `PH${i}A,${customer},2025-03-1${i},${customer === 'H002' ? '111.444.777-35' : 'V001'},invoiced,,${9000 + i * 100}.00`,
    `PH${i}B,${customer},2025-09-1${i},${customer === 'H002' ? '111.444.777-35' : 'V001'},invoiced,,${8000 + i * 100}.00`,
  ]),
  // a customer known by name only, as small exports have it: the code is the person's name
  'PHN,Cícero Amaral Bezerra,2025-09-20,V001,invoiced,,7000.00',
];

const CONTRACTS = ['contract_id,customer_id,start_date,end_date,monthly_value,product_id,status', 'KH1,529.982.247-25,2025-01-01,2026-12-31,900.00,,active'];

/** Every personal value of the fixture; none may be published, in any spelling. */
export const PERSONAL_VALUES = [
  '529.982.247-25',
  '52998224725',
  '529-982-247-25',
  '111.444.777-35',
  '11144477735',
  '111-444-777-35',
  '123.456.789-00',
  '12345678900',
  '390.533.447-05',
  '39053344705',
  '987.654.321-00',
  '98765432100',
  '11.222.333/0001-82',
  '11222333000182',
  'joana.vasconcelos',
  'edvaldo.sarmento',
  'gilberto.nogueira',
  'severino.cordeiro',
  '@exemplo.com',
  '99876-5432',
  '3721-9090',
  '98701-2233',
  '3721-4455',
  '98888-7777',
  '98123-4567',
  'Joana Prado Vasconcelos',
  'Rosângela Tavares Quintino',
  'Edvaldo Brito Sarmento',
  'Quitéria Lemos Bastos',
  'Maria José Farias Lacerda',
  'Irene Sobral Macedo',
  'Ramos Cordeiro',
  'Cícero Amaral Bezerra',
];

/** The fixture's company, which keeps its name and CNPJ. */
export const FIXTURE_COMPANY = { name: 'Padaria Pão Nosso Ltda', cnpj: '11.222.333/0001-81' };

/** Writes the fixture's files beside the demo exports in `exportsDir`. */
export function addPrivacyFixture(exportsDir: string): void {
  const files = { 'customers-2.csv': CUSTOMERS, 'sellers-2.csv': SELLERS, 'orders-2.csv': ORDERS, 'contracts-2.csv': CONTRACTS };
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(exportsDir, name), `${lines.join('\n')}\n`);
}
