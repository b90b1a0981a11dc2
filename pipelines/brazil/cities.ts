import type { Uf } from './ufs.ts';

/** A real municipality and its telephone area code (DDD). */
export interface City {
  readonly name: string;
  readonly ddd: number;
}

const c = (name: string, ddd: number): City => ({ name, ddd });

/**
 * A handful of real cities per UF, the capital first: 7-10 for the largest economies, 2-5 elsewhere.
 * The Distrito Federal has a single municipality (Brasília); Taguatinga and Ceilândia are its
 * administrative regions, listed because exports use them as the city of an address.
 */
export const CITIES: Readonly<Record<Uf, readonly City[]>> = {
  RO: [c('Porto Velho', 69), c('Ji-Paraná', 69), c('Ariquemes', 69)],
  AC: [c('Rio Branco', 68), c('Cruzeiro do Sul', 68)],
  AM: [c('Manaus', 92), c('Parintins', 92), c('Itacoatiara', 92)],
  RR: [c('Boa Vista', 95), c('Rorainópolis', 95)],
  PA: [c('Belém', 91), c('Ananindeua', 91), c('Santarém', 93), c('Marabá', 94)],
  AP: [c('Macapá', 96), c('Santana', 96)],
  TO: [c('Palmas', 63), c('Araguaína', 63), c('Gurupi', 63)],
  MA: [c('São Luís', 98), c('Imperatriz', 99), c('Caxias', 99)],
  PI: [c('Teresina', 86), c('Parnaíba', 86), c('Picos', 89)],
  CE: [c('Fortaleza', 85), c('Caucaia', 85), c('Juazeiro do Norte', 88), c('Sobral', 88)],
  RN: [c('Natal', 84), c('Mossoró', 84), c('Parnamirim', 84)],
  PB: [c('João Pessoa', 83), c('Campina Grande', 83), c('Santa Rita', 83)],
  PE: [c('Recife', 81), c('Jaboatão dos Guararapes', 81), c('Olinda', 81), c('Caruaru', 81), c('Petrolina', 87)],
  AL: [c('Maceió', 82), c('Arapiraca', 82)],
  SE: [c('Aracaju', 79), c('Nossa Senhora do Socorro', 79), c('Lagarto', 79)],
  BA: [c('Salvador', 71), c('Feira de Santana', 75), c('Vitória da Conquista', 77), c('Camaçari', 71), c('Itabuna', 73), c('Juazeiro', 74), c('Ilhéus', 73)],
  MG: [
    c('Belo Horizonte', 31),
    c('Uberlândia', 34),
    c('Contagem', 31),
    c('Juiz de Fora', 32),
    c('Montes Claros', 38),
    c('Uberaba', 34),
    c('Governador Valadares', 33),
    c('Ipatinga', 31),
  ],
  ES: [c('Vitória', 27), c('Vila Velha', 27), c('Serra', 27), c('Cariacica', 27), c('Cachoeiro de Itapemirim', 28)],
  RJ: [
    c('Rio de Janeiro', 21),
    c('Niterói', 21),
    c('São Gonçalo', 21),
    c('Duque de Caxias', 21),
    c('Nova Iguaçu', 21),
    c('Petrópolis', 24),
    c('Campos dos Goytacazes', 22),
    c('Volta Redonda', 24),
  ],
  SP: [
    c('São Paulo', 11),
    c('Campinas', 19),
    c('Guarulhos', 11),
    c('Santos', 13),
    c('Ribeirão Preto', 16),
    c('São José dos Campos', 12),
    c('Sorocaba', 15),
    c('São José do Rio Preto', 17),
    c('Bauru', 14),
    c('Piracicaba', 19),
  ],
  PR: [c('Curitiba', 41), c('Londrina', 43), c('Maringá', 44), c('Ponta Grossa', 42), c('Cascavel', 45), c('Foz do Iguaçu', 45), c('São José dos Pinhais', 41)],
  SC: [
    c('Florianópolis', 48),
    c('Joinville', 47),
    c('Blumenau', 47),
    c('São José', 48),
    c('Chapecó', 49),
    c('Itajaí', 47),
    c('Criciúma', 48),
    c('Balneário Camboriú', 47),
  ],
  RS: [c('Porto Alegre', 51), c('Caxias do Sul', 54), c('Pelotas', 53), c('Canoas', 51), c('Santa Maria', 55), c('Passo Fundo', 54), c('Novo Hamburgo', 51)],
  MS: [c('Campo Grande', 67), c('Dourados', 67), c('Três Lagoas', 67)],
  MT: [c('Cuiabá', 65), c('Várzea Grande', 65), c('Rondonópolis', 66), c('Sinop', 66)],
  GO: [c('Goiânia', 62), c('Aparecida de Goiânia', 62), c('Anápolis', 62), c('Rio Verde', 64)],
  DF: [c('Brasília', 61), c('Taguatinga', 61), c('Ceilândia', 61)],
};

/** The capital of a UF (the first city listed). */
export function capitalOf(uf: Uf): City {
  return CITIES[uf][0]!;
}
