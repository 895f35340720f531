import { describe, expect, it } from 'vitest';
import { detectKind } from '../src/core/index.js';

const stories = (n: number) =>
  Array.from({ length: n }, (_, i) => `- As a driver, I want to see stop ${i + 1} on the map so that I can plan the next turn.`).join('\n');

describe('detectKind by content (no file name)', () => {
  it('a title naming the kind decides', () => {
    expect(detectKind('# Route planner PRD\n\nSome text.\n')).toBe('prd');
    expect(detectKind('# Route-Planner-Product-Requirements\n\nSome text.\n')).toBe('prd');
    expect(detectKind('# Planner roadmap\n\nSome text.\n')).toBe('roadmap');
    expect(detectKind('# 2027\n\nSome text.\n')).toBe('roadmap');
    expect(detectKind('# Sprint backlog\n\nSome text.\n')).toBe('backlog');
    expect(detectKind('# Product vision\n\nSome text.\n')).toBe('vision');
  });

  it('mostly tactical statements make a backlog', () => {
    expect(detectKind(`# Driver app\n\n${stories(7)}\n`)).toBe('backlog');
  });

  it('mostly strategic statements make a vision, or a roadmap when they speak of horizons', () => {
    const strategy = [
      '# Where we are going',
      '',
      'Regional logistics firms are an underserved market, and competitors price them out.',
      'Our revenue growth depends on winning the mid-market segment.',
      'Retention above 110% is the metric that proves product-market fit.',
      'We aim to be the default planner for regional fleets.',
      'Pricing per vehicle keeps our business model simple for buyers.',
      'Partnerships with telematics vendors drive acquisition.',
      '',
    ].join('\n');
    expect(detectKind(strategy)).toBe('vision');
    const horizons = `${strategy}\n## Q1\n\nThe first theme is reliable routes for the mid-market segment and its revenue.\n\n## Q2\n\nThe second theme is pricing and partnerships for growth.\n`;
    expect(detectKind(horizons)).toBe('roadmap');
  });

  it('both altitudes in one document make a PRD', () => {
    const both = [
      '# Planner',
      '',
      '## Why',
      '',
      'Regional logistics firms are an underserved market, and competitors price them out.',
      'Our revenue growth depends on winning the mid-market segment.',
      'Retention above 110% is the metric that proves product-market fit.',
      '',
      '## Stories',
      '',
      stories(3),
      '',
    ].join('\n');
    expect(detectKind(both)).toBe('prd');
  });

  it('too little evidence stays unknown', () => {
    expect(detectKind('# Notes\n\nBring snacks on Friday.\n')).toBe('unknown');
    expect(detectKind(`# Driver app\n\n${stories(3)}\n`)).toBe('unknown');
  });
});

describe('detectKind of the files a repository has about itself', () => {
  const prd = `# Route planner PRD\n\n## Goals\n\nGrow market share in the mid-market segment this year.\n\n## Stories\n\n${stories(3)}\n`;

  it.each(['README.md', 'docs/CHANGELOG.md', 'CONTRIBUTING.md', 'code_of_conduct.md', 'LICENSE.md', 'README.de.md', 'README.pt-BR.md'])(
    '%s is not a product document, whatever it reads like', (fileName) => {
      expect(detectKind(prd)).toBe('prd');
      expect(detectKind(prd, fileName)).toBe('unknown');
    });

  it('front matter, the kind setting and documentKinds globs still decide', () => {
    expect(detectKind(`---\npmpo:\n  kind: vision\n---\n${prd}`, 'README.md')).toBe('vision');
    expect(detectKind(prd, 'README.md', { kind: 'backlog' })).toBe('backlog');
    expect(detectKind(prd, 'docs/README.md', { documentKinds: { prd: ['docs/*.md'] } })).toBe('prd');
  });

  it('a name that only contains such a word, or a plan\'s name, is read as usual', () => {
    expect(detectKind(prd, 'readme-prd.md')).toBe('prd');
    for (const fileName of ['security-review.md', 'releases.md', 'history.md', 'CHANGELOG-2024-notes.md']) expect(detectKind(prd, fileName)).toBe('prd');
  });
});
