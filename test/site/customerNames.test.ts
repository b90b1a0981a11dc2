import { describe, expect, it } from 'vitest';
import { customerName, distinctCustomerNames, placeText } from '../../src/lib/customerNames.ts';

describe('customer names in a list', () => {
  it('keeps a name no other customer of the list has alone', () => {
    const rows = [
      { customer_id: 'C1', name: 'Mercado Central Ltda', city: 'Recife', state: 'PE' },
      { customer_id: 'C2', name: 'Padaria Sol ME', city: 'Natal', state: 'RN' },
    ];
    expect(distinctCustomerNames(rows).map((r) => r.name)).toEqual(['Mercado Central Ltda', 'Padaria Sol ME']);
  });

  it('puts code and city/UF beside a name two customers of the list share, and only beside that one', () => {
    const rows = [
      { customer_id: 'C10', name: 'Mercado Bom Preço Ltda', city: 'Brasília', state: 'DF' },
      { customer_id: 'C11', name: 'Padaria Sol ME', city: 'Natal', state: 'RN' },
      { customer_id: 'C12', name: 'Mercado Bom Preço Ltda', city: 'Campinas', state: 'SP' },
    ];
    expect(distinctCustomerNames(rows).map((r) => r.name)).toEqual([
      'Mercado Bom Preço Ltda (C10 · Brasília/DF)',
      'Padaria Sol ME',
      'Mercado Bom Preço Ltda (C12 · Campinas/SP)',
    ]);
  });

  it('treats names differing only in case as the same name', () => {
    const rows = [
      { customer_id: 'C1', name: 'MERCADO AZUL LTDA', state: 'SP' },
      { customer_id: 'C2', name: 'Mercado Azul Ltda', state: 'RJ' },
    ];
    expect(distinctCustomerNames(rows).map((r) => r.name)).toEqual(['MERCADO AZUL LTDA (C1 · SP)', 'Mercado Azul Ltda (C2 · RJ)']);
  });

  it('does not count one customer on several rows (several suggestions) as a repeat', () => {
    const rows = [
      { customer_id: 'C1', name: 'Bistrô Lua Ltda', category: 'Bebidas' },
      { customer_id: 'C1', name: 'Bistrô Lua Ltda', category: 'Laticínios' },
    ];
    expect(distinctCustomerNames(rows).map((r) => r.name)).toEqual(['Bistrô Lua Ltda', 'Bistrô Lua Ltda']);
  });

  it('takes the place from the customers mart when the rows carry only the UF or nothing', () => {
    const places = new Map([
      ['C1', { city: 'Olinda', state: 'PE' }],
      ['C2', { city: 'Santana', state: 'AP' }],
    ]);
    const rows = [
      { customer_id: 'C1', customer_name: 'Atacarejo Tropical ME', state: 'PE' },
      { customer_id: 'C2', customer_name: 'Atacarejo Tropical ME' },
    ];
    expect(distinctCustomerNames(rows, places, 'customer_name').map((r) => r.customer_name)).toEqual([
      'Atacarejo Tropical ME (C1 · Olinda/PE)',
      'Atacarejo Tropical ME (C2 · Santana/AP)',
    ]);
  });

  it('identifies a customer without a name by code and place, never by a blank or a dash', () => {
    expect(distinctCustomerNames([{ customer_id: 'C0123', name: null, city: 'Sobral', state: 'CE' }])[0]!.name).toBe('Cliente C0123 (Sobral/CE)');
    expect(customerName('  ', 'C9')).toBe('Cliente C9');
    expect(customerName(null, null)).toBe('Cliente sem código');
    expect(placeText(null, 'CE')).toBe('CE');
    expect(placeText('', null)).toBeNull();
  });

  it('keeps the other fields of each row and does not change the rows given', () => {
    const rows = [{ customer_id: 'C1', name: null, value: 10 }];
    expect(distinctCustomerNames(rows)).toEqual([{ customer_id: 'C1', name: 'Cliente C1', value: 10 }]);
    expect(rows[0]!.name).toBeNull();
  });
});
