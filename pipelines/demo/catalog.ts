/** The product categories of the distributor, in a fixed order used by the affinity tables. */
export const CATEGORIES = ['Laticínios', 'Bebidas', 'Limpeza', 'Mercearia', 'Higiene', 'Frios', 'Congelados', 'Padaria', 'Hortifrúti', 'Descartáveis'] as const;

/** One of the ten categories. */
export type Category = (typeof CATEGORIES)[number];

/** A product: id, description, category index, list price and cost ratio in November 2023. */
export interface Product {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly category: number;
  readonly priceCents: number;
  readonly costRatio: number;
}

// Sale units as a distributor invoices them (case, bale, bag), with list prices in BRL at the window start.
const ITEMS: Record<Category, readonly (readonly [string, number])[]> = {
  Laticínios: [
    ['Leite Integral UHT 1L cx 12', 64.9],
    ['Leite Desnatado UHT 1L cx 12', 66.9],
    ['Queijo Mussarela Peça 4kg', 139],
    ['Queijo Prato Fatiado 1kg', 49.9],
    ['Requeijão Cremoso Bisnaga 1,5kg', 42.5],
    ['Manteiga com Sal 500g', 27.9],
    ['Creme de Leite 200g cx 27', 89],
    ['Leite Condensado 395g cx 27', 162],
    ['Iogurte Natural Integral 170g cx 24', 52.8],
    ['Queijo Parmesão Ralado 1kg', 78],
    ['Margarina com Sal 3kg', 38.9],
    ['Bebida Láctea Morango 1L cx 12', 48],
    ['Doce de Leite Pastoso 4,8kg', 69.9],
    ['Queijo Minas Frescal 500g', 21.9],
    ['Queijo Coalho Espeto pct 10', 34.9],
  ],
  Bebidas: [
    ['Refrigerante Cola 2L fd 6', 47.4],
    ['Refrigerante Guaraná 2L fd 6', 39.9],
    ['Água Mineral sem Gás 500ml fd 12', 15.6],
    ['Água Mineral com Gás 500ml fd 12', 19.2],
    ['Suco de Uva Integral 1,5L cx 6', 89.4],
    ['Néctar de Laranja 1L cx 12', 62.4],
    ['Cerveja Pilsen Lata 350ml fd 12', 42.9],
    ['Energético Lata 250ml fd 6', 41.9],
    ['Chá Mate Gelado 1,5L fd 6', 32.4],
    ['Água de Coco 1L cx 12', 95],
    ['Refrigerante Limão Lata 350ml fd 12', 34.8],
    ['Isotônico Limão 500ml fd 6', 29.9],
    ['Vinho Tinto Seco 750ml cx 6', 179],
    ['Cachaça Prata 965ml cx 12', 168],
    ['Suco Concentrado de Caju 500ml cx 12', 58.8],
  ],
  Limpeza: [
    ['Detergente Líquido Neutro 500ml cx 24', 52.8],
    ['Água Sanitária 5L', 14.9],
    ['Desinfetante Lavanda 5L', 24.9],
    ['Sabão em Pó 5kg', 54.9],
    ['Limpador Multiuso 500ml cx 12', 46.8],
    ['Saco de Lixo 100L pct 100', 39.9],
    ['Esponja Dupla Face pct 10', 12.9],
    ['Álcool 70% 1L cx 12', 71.4],
    ['Amaciante de Roupas 5L', 32.9],
    ['Desengordurante 5L', 49.9],
    ['Pano de Chão Alvejado pct 12', 36],
    ['Lustra-Móveis 200ml cx 12', 58.8],
    ['Sabão em Barra Glicerinado 5x200g', 12.9],
    ['Limpa-Vidros 500ml cx 12', 54],
    ['Cloro Ativo 5L', 19.9],
  ],
  Mercearia: [
    ['Arroz Branco Tipo 1 5kg fd 6', 159],
    ['Feijão Carioca Tipo 1 1kg fd 10', 79.9],
    ['Feijão Preto Tipo 1 1kg fd 10', 84.9],
    ['Açúcar Cristal 5kg fd 6', 126],
    ['Óleo de Soja 900ml cx 20', 139],
    ['Café Torrado e Moído 500g fd 10', 189],
    ['Macarrão Espaguete 500g fd 20', 69.9],
    ['Farinha de Mandioca Torrada 1kg fd 10', 59.9],
    ['Molho de Tomate Sachê 340g cx 24', 45.6],
    ['Sal Refinado 1kg fd 10', 19.9],
    ['Azeite de Oliva Extra Virgem 500ml cx 12', 359],
    ['Milho Verde em Conserva 170g cx 24', 62.4],
    ['Extrato de Tomate Lata 1,7kg', 21.5],
    ['Maionese Balde 3kg', 32.9],
    ['Flocão de Milho 500g fd 20', 52],
  ],
  Higiene: [
    ['Papel Higiênico Folha Dupla 30m pct 12', 21.9],
    ['Sabonete em Barra 85g pct 12', 19.8],
    ['Creme Dental 90g cx 12', 35.4],
    ['Shampoo 350ml cx 12', 118.8],
    ['Condicionador 350ml cx 12', 124.8],
    ['Desodorante Aerossol 150ml cx 12', 155.4],
    ['Sabonete Líquido Refil 5L', 39.9],
    ['Absorvente com Abas pct 8 cx 24', 79.2],
    ['Fralda Descartável G pct 30', 54.9],
    ['Lenço Umedecido pct 100 cx 12', 95.4],
    ['Escova Dental Macia cx 12', 30],
    ['Álcool em Gel 70% 500g cx 12', 83.4],
    ['Protetor Solar FPS 50 120ml', 39.9],
    ['Fio Dental 50m cx 12', 42],
    ['Aparelho de Barbear Descartável pct 24', 38.4],
  ],
  Frios: [
    ['Presunto Cozido Peça 3,5kg', 84],
    ['Mortadela Bologna Peça 5kg', 79.5],
    ['Salame Italiano 1kg', 89.9],
    ['Peito de Peru Defumado 2,5kg', 149],
    ['Apresuntado Fatiado 1kg', 29.9],
    ['Salsicha Hot Dog 3kg', 38.7],
    ['Linguiça Calabresa Defumada 2,5kg', 64.9],
    ['Bacon em Manta 1kg', 42.9],
    ['Lombo Canadense 1kg', 54.9],
    ['Linguiça Toscana 5kg', 89.5],
    ['Paio Defumado 2,5kg', 72.4],
    ['Blanquet de Peru 1,5kg', 69.9],
    ['Mortadela Defumada Fatiada 1kg', 24.9],
    ['Copa Fatiada 500g', 44.9],
    ['Pastrame Bovino 1kg', 89],
  ],
  Congelados: [
    ['Batata Pré-Frita Palito 2,5kg', 29.9],
    ['Hambúrguer Bovino 56g cx 36', 59.9],
    ['Filé de Peito de Frango IQF 1kg', 21.9],
    ['Coxinha de Frango Congelada 1kg', 28.9],
    ['Pão de Queijo Congelado 1kg', 24.9],
    ['Polpa de Açaí 1kg', 29.9],
    ['Polpa de Maracujá 1kg', 19.9],
    ['Pizza Congelada Mussarela 460g cx 10', 129],
    ['Lasanha à Bolonhesa 600g cx 8', 119.2],
    ['Sorvete de Creme 2L', 26.9],
    ['Empanado de Frango 1kg', 32.9],
    ['Filé de Tilápia 1kg', 54.9],
    ['Camarão Cinza Descascado 400g', 39.9],
    ['Seleta de Legumes 1,05kg', 18.9],
    ['Acém Moído Congelado 1kg', 34.9],
  ],
  Padaria: [
    ['Farinha de Trigo Especial 25kg', 109],
    ['Fermento Biológico Fresco 500g', 9.9],
    ['Fermento Biológico Seco 500g', 22.9],
    ['Reforçador para Pão 5kg', 74.9],
    ['Mistura para Bolo Chocolate 5kg', 49.9],
    ['Gordura Vegetal Hidrogenada 15kg', 189],
    ['Chocolate Granulado 1kg', 26.9],
    ['Coco Ralado 1kg', 39.9],
    ['Leite em Pó Integral 1kg', 39.9],
    ['Pão de Forma Tradicional 500g', 8.9],
    ['Recheio Forneável de Chocolate 4kg', 84.9],
    ['Essência de Baunilha 960ml', 17.9],
    ['Chantili Vegetal 1L cx 12', 179],
    ['Ovos Brancos Tipo Grande cx 30 dúzias', 259],
    ['Mistura para Pão Francês 25kg', 129],
  ],
  Hortifrúti: [
    ['Batata Lavada saco 25kg', 89],
    ['Cebola Nacional saco 20kg', 69],
    ['Tomate Italiano cx 20kg', 99],
    ['Alho Nacional cx 10kg', 229],
    ['Banana Prata cx 20kg', 65],
    ['Laranja Pera saco 20kg', 45],
    ['Limão Tahiti cx 20kg', 79],
    ['Alface Crespa cx 24 pés', 48],
    ['Cenoura cx 20kg', 59],
    ['Maçã Gala cx 18kg', 129],
    ['Mamão Formosa cx 15kg', 54],
    ['Pimentão Verde cx 10kg', 49],
    ['Abacaxi Pérola cx 12 un', 66],
    ['Mandioca Descascada 5kg', 29],
    ['Cheiro-Verde Maço cx 20', 30],
  ],
  Descartáveis: [
    ['Copo Plástico 200ml cx 2500', 149],
    ['Guardanapo de Papel 22x23 fd 40 pct', 89],
    ['Papel Toalha Interfolhado 1000 fls', 22.9],
    ['Marmitex Alumínio nº 8 cx 100', 52.9],
    ['Filme PVC 28cm x 300m', 44.9],
    ['Papel Alumínio 30cm x 100m', 69.9],
    ['Sacola Plástica Reciclada 40x50 pct 1kg', 12.9],
    ['Embalagem de Isopor para Hambúrguer cx 500', 119],
    ['Garfo Descartável Refeição pct 50', 6.9],
    ['Canudo de Papel Embalado cx 500', 39.9],
    ['Luva Descartável Vinil cx 100', 29.9],
    ['Touca Descartável TNT pct 100', 14.9],
    ['Pote com Tampa 500ml cx 250', 129],
    ['Saco de Papel Kraft para Pão pct 500', 38.9],
    ['Bobina Plástica Picotada 30x40', 24.9],
  ],
};

/** The 150 products, ids P0001… in category order; cost ratios drawn once from the seed (60-78% of price). */
export function buildCatalog(random: () => number): Product[] {
  const products: Product[] = [];
  CATEGORIES.forEach((category, categoryIndex) => {
    for (const [name, price] of ITEMS[category]) {
      const index = products.length;
      products.push({
        index,
        id: `P${String(index + 1).padStart(4, '0')}`,
        name,
        category: categoryIndex,
        priceCents: Math.round(price * 100),
        costRatio: 0.6 + random() * 0.18,
      });
    }
  });
  return products;
}
