import type { Rng } from './random.ts';
import type { Segment } from './affinity.ts';

const FEMALE_NAMES = [
  'Maria',
  'Ana',
  'Francisca',
  'Adriana',
  'Juliana',
  'Márcia',
  'Fernanda',
  'Patrícia',
  'Aline',
  'Luíza',
  'Letícia',
  'Conceição',
  'Vitória',
  'Jéssica',
  'Bruna',
  'Camila',
  'Débora',
  'Iracema',
  'Benedita',
  'Simone',
  'Cláudia',
  'Helena',
];
const MALE_NAMES = [
  'José',
  'João',
  'Antônio',
  'Carlos',
  'Paulo',
  'Luiz',
  'Sebastião',
  'Raimundo',
  'Gabriel',
  'Lucas',
  'Rafael',
  'Thiago',
  'Mateus',
  'Cícero',
  'Joaquim',
  'Rogério',
  'Édson',
  'Marcelo',
  'Francisco',
  'Otávio',
];
const FEMALE_MIDDLE = ['Aparecida', 'de Fátima', 'Cristina', 'das Graças', 'Luíza', 'de Jesus'];
const MALE_MIDDLE = ['Henrique', 'Eduardo', 'Augusto', 'Vitor', 'Carlos', 'de Jesus'];
const FAMILY_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Pereira',
  'Costa',
  'Rodrigues',
  'Almeida',
  'Nascimento',
  'Lima',
  'Araújo',
  'Fernandes',
  'Carvalho',
  'Gomes',
  'Martins',
  'Rocha',
  'Ribeiro',
  'Alves',
  'Monteiro',
  'Mendes',
  'Barros',
  'Freitas',
  'Barbosa',
  'Pinto',
  'Moura',
  'Cavalcanti',
  'Dias',
  'Castro',
  'Campos',
  'Cardoso',
  'Teixeira',
  'Vieira',
  'Conceição',
  'Brandão',
  'Magalhães',
  'Peixoto',
  'Gonçalves',
  'Assunção',
  'Falcão',
  'Sá',
];
const CORES = [
  'Bom Preço',
  'Pão Dourado',
  'São Jorge',
  'Santa Luzia',
  'Nossa Senhora Aparecida',
  'Boa Vista',
  'Estrela',
  'Primavera',
  'do Povo',
  'Central',
  'Sol Nascente',
  'Bela Vista',
  'Vitória',
  'Ipê Amarelo',
  'Tropical',
  'Real',
  'Família',
  'Econômico',
  'da Praça',
  'Recanto',
  'Sabor da Terra',
  'Maré Alta',
  'Pôr do Sol',
  'Serra Verde',
  'Três Irmãos',
  "D'Ávila",
  "Sant'Ana",
  'Irmãos Rocha',
  'Dona Maria',
  'Seu João',
  'Cidade Nova',
  'Avenida',
  'Paraíso',
  'Jardim',
  'Aliança',
  'União',
  'Esperança',
  'Planalto',
  'Litoral',
  'Pantanal',
  'Amazônia',
  'Beira-Mar',
  'Açaí',
  'Ouro Branco',
  'Bom Jesus',
  'São Cristóvão',
  'Nova Era',
  'Girassol',
  'Cantinho Mineiro',
];
const PREFIXES: Record<Segment, readonly string[]> = {
  Supermercado: ['Supermercado', 'Supermercados', 'Mercado', 'Atacarejo'],
  Mercearia: ['Mercearia', 'Empório', 'Armazém', 'Mercadinho'],
  Restaurante: ['Restaurante', 'Churrascaria', 'Cantina', 'Bistrô'],
  Padaria: ['Padaria', 'Panificadora', 'Padaria e Confeitaria'],
  Lanchonete: ['Lanchonete', 'Bar e Lanchonete', 'Pastelaria', 'Lanches'],
  Hotel: ['Hotel', 'Pousada', 'Hotel Fazenda'],
  Farmácia: ['Farmácia', 'Drogaria'],
};
const SUFFIXES = ['Ltda', 'Ltda', 'Ltda', 'Ltda', 'ME', 'ME', 'EPP', 'Eireli', 'S.A.', 'Comércio de Alimentos Ltda'];

/** A personal name such as "Maria Aparecida Santos Oliveira". */
export function personName(rng: Rng): string {
  const female = rng.chance(0.5);
  const parts = [rng.pick(female ? FEMALE_NAMES : MALE_NAMES)];
  if (rng.chance(0.4)) parts.push(rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE));
  const family = rng.pick(FAMILY_NAMES);
  const second = rng.pick(FAMILY_NAMES);
  if (rng.chance(0.6) && second !== family) parts.push(second);
  parts.push(family);
  return parts.join(' ');
}

/**
 * A Razão Social for a company of the segment, e.g. "Mercado Bom Preço Ltda", "Padaria D'Ávila ME" or
 * "Santos, Lima & Cia Ltda": accents, apostrophes, ampersands, commas and quotes all occur, as in real
 * exports. `style` 0-3 forces a comma, an ampersand, quotes or an apostrophe.
 */
export function companyName(rng: Rng, segment: Segment, style?: number): string {
  const draw = style ?? (rng.chance(0.08) ? rng.int(0, 1) : rng.chance(0.005) ? 2 : 4);
  const prefix = rng.pick(PREFIXES[segment]);
  if (draw === 0) return `${rng.pick(FAMILY_NAMES)}, ${rng.pick(FAMILY_NAMES)} & Cia Ltda`;
  if (draw === 1) return `${prefix} ${rng.pick(FAMILY_NAMES)} & Filhos Ltda`;
  if (draw === 2) return `${prefix} "${rng.pick(CORES)}" Ltda`;
  if (draw === 3) return `${prefix} D'Ávila ${rng.pick(SUFFIXES)}`;
  return `${prefix} ${rng.pick(CORES)} ${rng.pick(SUFFIXES)}`;
}

/** Lowercase ASCII letters and digits only: "Pão D'Ávila" → "paodavila". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A fake address on the reserved example.com.br domain (RFC 2606 style), unique thanks to the number. */
export function emailFor(rng: Rng, name: string, number: number, isPerson: boolean): string {
  const words = name.split(/[\s,&]+/).filter((w) => slug(w).length > 2 && !/^(ltda|me|epp|eireli|cia)$/i.test(slug(w)));
  const local = isPerson
    ? `${slug(words[0] ?? 'cliente')}.${slug(words[words.length - 1] ?? '')}`
    : `${rng.pick(['compras', 'contato', 'financeiro', 'pedidos'])}.${slug((words.length > 1 ? words.slice(1, 3) : words).join(''))}`;
  return `${local}${number}@example.com.br`;
}

/** A phone number with the city's DDD: landline `(11) 3456-7890` or mobile `(11) 98765-4321`. */
export function phoneFor(rng: Rng, ddd: number): string {
  if (rng.chance(0.55)) return `(${ddd}) 9${rng.int(6000, 9999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  return `(${ddd}) ${rng.int(2, 3)}${rng.int(100, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
