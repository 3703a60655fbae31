/** A broken question file fails bank:check, the build and the tests, naming the file and the problem. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBank } from '../../scripts/bank/compile';
import { bankPlugin } from '../../scripts/vite-plugin-bank';
import { DESIGN_PHASE_IDS } from '../../src/bank/design-phases';

const GOOD = `---
id: tf-sample
title: Why scale attention by sqrt(d_k)
topic: transformers
kind: concept
difficulty: medium
time: 120
tags: [attention]
---

## Prompt
Why divide by $\\sqrt{d_k}$?

## Answer
To keep softmax out of saturation: $$\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$$

## Rubric
- Variance grows with $d_k$.
- Softmax saturates.
- Gradients vanish.

## Hints
- What is the variance of a sum of $d_k$ products?

## Follow-ups
- What about QK-norm?

  The logits become bounded, so softmax cannot saturate.
`;

function bankWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bank-'));
  cpSync(resolve('question-bank/topics.yaml'), join(dir, 'topics.yaml'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function problemsOf(files: Record<string, string>): string[] {
  return compileBank(bankWith(files)).problems.map((p) => `${p.file}: ${p.message}`);
}

describe('the finish rules', () => {
  it('compiles a title, hints and follow-ups with their answers', () => {
    const [question] = compileBank(bankWith({ 'transformers/tf-sample.md': GOOD })).questions;
    expect(question.title).toBe('Why scale attention by sqrt(d_k)');
    expect(question.hints).toHaveLength(1);
    expect(question.followUps).toEqual([
      { questionHtml: 'What about QK-norm?', answerHtml: 'The logits become bounded, so softmax cannot saturate.' },
    ]);
  });

  it.each([
    ['no title', GOOD.replace('title: Why scale attention by sqrt(d_k)\n', ''), /title/],
    ['a title with LaTeX', GOOD.replace('sqrt(d_k)\n', '$\\sqrt{d_k}$\n'), /plain words/],
    [
      'a follow-up without its answer',
      GOOD.replace('\n  The logits become bounded, so softmax cannot saturate.\n', ''),
      /1 follow-up\(s\) without an answer/,
    ],
    ['a hard question with one hint', GOOD.replace('difficulty: medium', 'difficulty: hard'), /1 hint\(s\); needs 2/],
    ['no hint', GOOD.replace(/## Hints\n- [^\n]*\n\n/, ''), /0 hint\(s\); needs 1/],
  ])('fails a file with %s', (_what, text, message) => {
    const problems = problemsOf({ 'transformers/tf-sample.md': text });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

describe('compiling the question bank', () => {
  it('compiles a good file to sanitized HTML with typeset math', () => {
    const { questions, problems } = compileBank(bankWith({ 'transformers/tf-sample.md': GOOD }));
    expect(problems).toEqual([]);
    const [q] = questions;
    expect(q.promptText).toBe('Why divide by \\sqrt{d_k}?');
    expect(q.promptHtml).toContain('class="katex"');
    expect(q.answerHtml).toContain('katex');
    expect(q.rubric).toHaveLength(3);
    expect(q.followUps).toHaveLength(1);
  });

  it.each([
    ['bad YAML', GOOD.replace('tags: [attention]', 'tags: [attention'), /bad YAML/],
    ['a missing field', GOOD.replace('difficulty: medium\n', ''), /`difficulty`/],
    ['a wrong field value', GOOD.replace('kind: concept', 'kind: essay'), /`kind`/],
    ['an unknown field', GOOD.replace('time: 120', 'time: 120\nlevel: 3'), /level/],
    ['an unknown topic', GOOD.replace('topic: transformers', 'topic: astrology'), /unknown topic "astrology"/],
    ['an empty rubric', GOOD.replace(/## Rubric[\s\S]*## Follow-ups/, '## Rubric\n\n## Follow-ups'), /Rubric/],
    ['too short a rubric', GOOD.replace('- Softmax saturates.\n- Gradients vanish.\n', ''), /rubric has 1 points/],
    ['math KaTeX rejects', GOOD.replace('$\\sqrt{d_k}$', '$\\sqrt{d_k$'), /KaTeX/],
    ['an unknown section', GOOD.replace('## Follow-ups', '## Followups'), /unknown section "## Followups"/],
    ['no front matter', GOOD.replace(/^---[\s\S]*?---\n/, ''), /front matter/],
  ])('rejects %s, naming the file', (_, text, message) => {
    const problems = problemsOf({ 'transformers/tf-sample.md': text });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^transformers\/tf-sample\.md: /);
    expect(problems[0]).toMatch(message);
  });

  it('rejects a duplicate id across folders', () => {
    const problems = problemsOf({
      'transformers/tf-sample.md': GOOD,
      'metrics/tf-sample.md': GOOD.replace('topic: transformers', 'topic: metrics'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/transformers\/tf-sample\.md: duplicate id "tf-sample", also used by metrics/),
    ]);
  });

  it('rejects a file whose name or folder disagrees with its front matter', () => {
    expect(problemsOf({ 'transformers/other-name.md': GOOD })[0]).toMatch(/named "other-name\.md"/);
    expect(problemsOf({ 'metrics/tf-sample.md': GOOD })[0]).toMatch(/in folder "metrics"/);
  });

  it('renders script tags, event handlers and javascript: links inert', () => {
    const hostile = GOOD.replace(
      'Why divide by',
      '<script>alert(1)</script><img src=x onerror="alert(2)"> [click](javascript:alert(3)) Why divide by',
    );
    const { questions } = compileBank(bankWith({ 'transformers/tf-sample.md': hostile }));
    const html = questions[0].promptHtml;
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('fails the build through the Vite plugin', () => {
    const dir = bankWith({ 'transformers/tf-sample.md': GOOD.replace('kind: concept', 'kind: essay') });
    const plugin = bankPlugin(dir);
    const buildStart = plugin.buildStart as unknown as (this: { addWatchFile: () => void }) => void;
    expect(() => buildStart.call({ addWatchFile: () => {} })).toThrow(/transformers\/tf-sample\.md: `kind`/);
  });

  it('fails `npm run bank:check` with a non-zero exit and the file named', () => {
    const dir = bankWith({ 'transformers/tf-sample.md': GOOD.replace('topic: transformers', 'topic: astrology') });
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'scripts/bank-check.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      status = failure.status;
      output = failure.stderr;
    }
    expect(status).toBe(1);
    expect(output).toMatch(/question-bank\/transformers\/tf-sample\.md: unknown topic "astrology"/);
  });
});

const DESIGN = `---
id: sd-sample
title: Design a feed ranker
topic: system-design
kind: design
difficulty: medium
time: 1200
---

## Prompt
Design a feed ranker for 10M daily users.

## Answer
Candidate generation, then a ranker, then re-ranking; about 3,500 requests a second at peak.

## Rubric
- [clarify] Asks about users, latency and the success metric.
- [estimate] Works out peak QPS: $10^7 \\times 20 / 86400 \\times 1.5 \\approx 3500$.
- [design] Splits retrieval and ranking.
- [deep-dive] Chooses features and a model for the ranker.
- [evaluate] Plans an offline metric and an A/B test.
- [tradeoffs] States what it gives up for latency.

## Hints
- Start from the number of candidates.

## Follow-ups
- [evaluate] How do you catch feature drift?

  Compare live feature distributions with training ones and alert on a shift.
- [tradeoffs] What if the ranker is down?

  Fall back to a popularity list cached at the edge.
`;

describe('design-round phase tags', () => {
  const compileDesign = (text: string, requireDesignPhases?: boolean) =>
    compileBank(bankWith({ 'system-design/sd-sample.md': text }), { requireDesignPhases });

  it('parses each tag into rubricPhases and FollowUp.phase and strips it from the HTML', () => {
    const { questions, problems } = compileDesign(DESIGN, true);
    expect(problems).toEqual([]);
    const [q] = questions;
    expect(q.rubricPhases).toEqual(['clarify', 'estimate', 'design', 'deep-dive', 'evaluate', 'tradeoffs']);
    expect(q.rubric[0]).toBe('Asks about users, latency and the success metric.');
    expect(q.rubric[1]).toMatch(/^Works out peak QPS: <span class="katex">/);
    expect(q.rubric.join(' ')).not.toMatch(/\[(clarify|estimate|design|deep-dive|evaluate|tradeoffs)\]/);
    expect(q.followUps).toEqual([
      {
        questionHtml: 'How do you catch feature drift?',
        answerHtml: 'Compare live feature distributions with training ones and alert on a shift.',
        phase: 'evaluate',
      },
      {
        questionHtml: 'What if the ranker is down?',
        answerHtml: 'Fall back to a popularity list cached at the edge.',
        phase: 'tradeoffs',
      },
    ]);
  });

  it('leaves an untagged concept question unchanged', () => {
    const [q] = compileBank(bankWith({ 'transformers/tf-sample.md': GOOD }), { requireDesignPhases: true }).questions;
    expect(q.rubricPhases).toBeUndefined();
    expect(q.rubric[0]).toMatch(/^Variance grows with <span class="katex">/);
    expect(q.rubric.slice(1)).toEqual(['Softmax saturates.', 'Gradients vanish.']);
    expect(q.followUps[0]).not.toHaveProperty('phase');
  });

  it('allows tags on a concept question', () => {
    const tagged = GOOD.replace('- Variance', '- [deep-dive] Variance')
      .replace('- Softmax', '- [deep-dive] Softmax')
      .replace('- Gradients', '- [tradeoffs] Gradients')
      .replace('- What about QK-norm?', '- [tradeoffs] What about QK-norm?');
    const { questions, problems } = compileBank(bankWith({ 'transformers/tf-sample.md': tagged }));
    expect(problems).toEqual([]);
    expect(questions[0].rubricPhases).toEqual(['deep-dive', 'deep-dive', 'tradeoffs']);
    expect(questions[0].rubric[1]).toBe('Softmax saturates.');
    expect(questions[0].followUps[0].phase).toBe('tradeoffs');
  });

  it.each([
    [
      'a rubric point',
      DESIGN.replace('- [design] Splits', '- [architecture] Splits'),
      'rubric point 3',
      'architecture',
    ],
    ['a follow-up', DESIGN.replace('- [evaluate] How', '- [monitoring] How'), 'follow-up 1', 'monitoring'],
  ])('rejects an unknown tag on %s, naming the tag and the phases', (_what, text, where, tag) => {
    const problems = compileDesign(text).problems.map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([
      `system-design/sd-sample.md: ${where}: unknown phase tag "[${tag}]" (the phases are: ${DESIGN_PHASE_IDS.join(', ')})`,
    ]);
  });

  it('rejects a rubric that tags some points but not all', () => {
    const problems = compileBank(
      bankWith({ 'transformers/tf-sample.md': GOOD.replace('- Softmax', '- [design] Softmax') }),
    ).problems;
    expect(problems.map((p) => p.message)).toEqual([
      'the rubric tags some points with a phase but not point(s) 1, 3; tag every point or none',
    ]);
  });

  it('rejects a design question with an untagged rubric point or follow-up when phases are required', () => {
    const text = DESIGN.replace('- [deep-dive] Chooses', '- Chooses')
      .replace('- [clarify] Asks', '- Asks')
      .replace('- [tradeoffs] What if', '- What if');
    const problems = compileDesign(text, true).problems.map((p) => p.message);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^design questions tag every rubric point and follow-up with its phase/);
    expect(problems[0]).toMatch(/untagged: rubric point\(s\) 1, 4; follow-up\(s\) 2 /);
    const untaggedFollowUp = compileDesign(DESIGN.replace('- [tradeoffs] What if', '- What if'), true).problems;
    expect(untaggedFollowUp.map((p) => p.message)).toEqual([expect.stringMatching(/untagged: follow-up\(s\) 2 \(/)]);
  });

  it('accepts an untagged design question only while phases are not required', () => {
    const untagged = DESIGN.replace(/^- \[[a-z-]+\] /gm, '- ');
    expect(compileDesign(untagged, false).problems).toEqual([]);
    expect(compileDesign(untagged, true).problems).toHaveLength(1);
  });
});
