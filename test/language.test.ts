import { describe, expect, it } from 'vitest';
import { isLikelyEnglish } from '../src/core/language.js';

describe('isLikelyEnglish', () => {
  it('accepts English prose', () => {
    expect(isLikelyEnglish('We are building a planner for small bakeries so that they can order flour before they run out of it, and we want it to be simple for the staff who use it every morning.')).toBe(true);
  });

  it('accepts English written as terse bullets and tables, where function words are rare', () => {
    const bullets = Array.from({ length: 12 }, (_, i) => `- Export report ${i}: CSV, PDF, shared link`).join('\n');
    expect(isLikelyEnglish(`${bullets}\n\nThe export is available for all plans and it is part of the main menu.`)).toBe(true);
  });

  it('rejects German, French, Spanish and Portuguese prose', () => {
    expect(isLikelyEnglish('Die Anwendung soll es den Mitarbeitern ermöglichen, ihre Arbeitszeit zu erfassen, und sie wird von der Personalabteilung für die monatliche Abrechnung genutzt, damit nicht jeder Bericht von Hand erstellt werden muss.')).toBe(false);
    expect(isLikelyEnglish("L'application permet aux équipes de suivre les commandes et de voir les stocks dans chaque magasin, pour que le responsable puisse décider plus vite et que les clients ne soient pas déçus par des ruptures.")).toBe(false);
    expect(isLikelyEnglish('La aplicación permite a los equipos seguir los pedidos y ver el inventario de cada tienda, para que el responsable pueda decidir más rápido y los clientes no se queden sin sus productos favoritos.')).toBe(false);
    expect(isLikelyEnglish('O sistema deve permitir que os funcionários registrem as horas de trabalho e que o gestor aprove os pedidos de férias, com uma visão clara de todas as equipes e dos projetos em andamento.')).toBe(false);
  });

  it('rejects text in a non-Latin script', () => {
    expect(isLikelyEnglish('Приложение помогает командам планировать поставки и следить за складом каждый день, чтобы клиенты всегда получали свои заказы вовремя и без ошибок в документах.')).toBe(false);
    expect(isLikelyEnglish('本产品帮助小型面包店管理面粉库存，并在库存不足时自动提醒店主下订单，让员工每天早上都能轻松完成准备工作。')).toBe(false);
  });

  it('gives short texts the benefit of the doubt', () => {
    expect(isLikelyEnglish('Objetivos del producto')).toBe(true);
    expect(isLikelyEnglish('')).toBe(true);
  });

  it('ignores URLs and inline code when counting words', () => {
    const links = Array.from({ length: 30 }, (_, i) => `https://example.com/de/die/der/und/${i}`).join(' ');
    expect(isLikelyEnglish(`${links} The links above point to the reports that the team reads every week for the review.`)).toBe(true);
  });
});
