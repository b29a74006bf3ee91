import { describe, expect, it } from 'vitest';
import { readModelCard } from './read-model-card.ts';

const PROSE =
  'This model answers questions about astronomy. It was trained by a small team and evaluated on several public benchmarks before its release in spring.';

describe('readModelCard', () => {
  it('reads license, datasets, base model, modality and name from front matter', () => {
    const facts = readModelCard(
      `---\nlicense: apache-2.0\ndatasets:\n  - allenai/dolma\n  - wikipedia\nbase_model: meta-llama/Llama-3.1-8B\npipeline_tag: automatic-speech-recognition\nmodel_name: Star\n---\n# Heading\n${PROSE}\n`,
      'README.md',
    );
    expect(facts.license).toEqual({
      license: 'Apache-2.0',
      evidence: { file: 'README.md', line: 2, note: 'license: apache-2.0 in model card front matter' },
    });
    expect(facts.datasets.map((d) => [d.id, d.use, d.evidence.line])).toEqual([
      ['allenai/dolma', 'training', 4],
      ['wikipedia', 'training', 5],
    ]);
    expect(facts.model).toEqual({ baseModel: 'hf:meta-llama/Llama-3.1-8B', modality: 'audio', name: 'Star' });
    expect(facts.findings.find((f) => f.id === 'model-card')).toMatchObject({
      status: 'released',
      locations: ['README.md'],
    });
  });

  it('takes license_name for license: other, and notes a license_link to a pack file', () => {
    const facts = readModelCard(
      '---\nlicense: other\nlicense_name: deepseek\nlicense_link: LICENSE-MODEL\n---\n',
      'README.md',
    );
    expect(facts.license?.license).toBe('deepseek-model');
    expect(facts.license?.evidence.line).toBe(3);
    expect(facts.licenseLink).toBe('LICENSE-MODEL');
  });

  it('keeps a license it cannot recognise as written', () => {
    expect(readModelCard('---\nlicense: my-own-terms\n---\n', 'README.md').license?.license).toBe(
      'my-own-terms',
    );
  });

  it('reads model-index results as machine-readable evaluation results and eval datasets', () => {
    const facts = readModelCard(
      `---
model-index:
  - name: star-7b
    results:
      - task: { type: text-generation }
        dataset: { name: MMLU, type: cais/mmlu }
        metrics: [{ type: acc, value: 0.61 }]
      - task: { type: text-generation }
        dataset: { name: GSM8K, type: gsm8k }
        metrics: []
---
`,
      'README.md',
    );
    expect(facts.findings).toEqual([
      expect.objectContaining({ id: 'evaluation-results', status: 'released', locations: ['README.md'] }),
    ]);
    expect(facts.findings[0]!.evidence[0]!.note).toContain('1 machine-readable result(s) on MMLU');
    expect(facts.datasets).toEqual([expect.objectContaining({ id: 'cais/mmlu', use: 'evaluation' })]);
    expect(facts.model.name).toBe('star-7b');
  });

  it('does not count a README of front matter and headings alone as a model card', () => {
    const facts = readModelCard('---\nlicense: mit\n---\n# Model\n\n## Usage\n', 'README.md');
    expect(facts.findings.some((f) => f.id === 'model-card')).toBe(false);
    expect(facts.model.name).toBe('Model');
  });

  it('falls back to language for modality, and reads the library and gating', () => {
    const facts = readModelCard(
      '---\nlanguage: [en, fr]\nlibrary_name: transformers\nextra_gated_prompt: Agree first\ntags:\n  - arxiv:2402.00838\n---\n',
      'README.md',
    );
    expect(facts.model.modality).toBe('language');
    expect(facts.findings).toEqual([
      expect.objectContaining({
        id: 'supporting-libraries',
        status: 'described',
        locations: ['https://github.com/huggingface/transformers'],
      }),
    ]);
    expect(facts.gated?.note).toContain('extra_gated_prompt');
    expect(facts.arxivTags.map((tag) => tag.id)).toEqual(['2402.00838']);
  });

  it('never names the release from a heading inside fenced code or an HTML comment', () => {
    const install = '```bash\n# install dependencies\npip install star\n```\n';
    expect(readModelCard(`${install}\n${PROSE}\n`, 'README.md').model.name).toBeUndefined();
    expect(readModelCard(`${install}\n# Star 7B\n\n${PROSE}\n`, 'README.md').model.name).toBe('Star 7B');
    expect(readModelCard(`~~~sh\n# run the server\n~~~\n# Star Chat\n`, 'README.md').model.name).toBe(
      'Star Chat',
    );
    // The Hub template's placeholder heading left in a comment.
    const comment =
      '<!-- Provide a quick summary of what the model is/does. -->\n<!--\n# Model Card for Model ID\n-->\n';
    expect(readModelCard(`${comment}${PROSE}\n## Uses\n`, 'README.md').model.name).toBeUndefined();
    // A card whose only heading is in code is named by its source instead.
    expect(readModelCard(`---\nlicense: mit\n---\n${install}`, 'README.md').model.name).toBeUndefined();
  });

  it('reads a four-backtick fence as one block', () => {
    const card = '````markdown\n```bash\n# inside the example\n```\n````\n\n# Star Coder\n';
    expect(readModelCard(card, 'README.md').model.name).toBe('Star Coder');
  });

  it('gates on an access form (prompt, fields), not on extra_gated_description alone', () => {
    const description = readModelCard(
      '---\nlicense: apache-2.0\nextra_gated_description: Our privacy policy applies to the information you share.\n---\n# Star\n',
      'README.md',
    );
    expect(description.gated).toBeNull();
    const prompt = readModelCard(
      '---\nlicense: llama3.1\nextra_gated_prompt: "You agree to the Llama 3.1 Community License."\nextra_gated_description: The information you provide will be collected.\n---\n# Star\n',
      'README.md',
    );
    expect(prompt.gated).toEqual({
      file: 'README.md',
      line: 3,
      note: 'extra_gated_prompt in model card front matter: access is gated',
    });
    expect(readModelCard('---\nextra_gated_eu_disallowed: true\n---\n', 'README.md').gated).toBeNull();
    expect(readModelCard('---\ngated: false\n---\n', 'README.md').gated).toBeNull();
    expect(readModelCard('---\ngated: auto\n---\n', 'README.md').gated?.note).toContain('gated');
  });

  it('survives broken front matter', () => {
    const facts = readModelCard(`---\nlicense: [\n---\n# Name\n${PROSE}`, 'README.md');
    expect(facts.hasFrontMatter).toBe(false);
    expect(facts.frontMatterProblem).toBeDefined();
    expect(facts.license).toBeNull();
    expect(facts.findings.map((f) => f.id)).toEqual(['model-card']);
  });

  describe('a results table in the body', () => {
    const results = (body: string) =>
      readModelCard(`---\nlicense: mit\n---\n${body}`, 'README.md').findings.find(
        (finding) => finding.id === 'evaluation-results',
      );

    it('finds the first table of scores under a results heading, with its line and rows', () => {
      const found = results(
        '# Star\n\n## Evaluation\n\n| Benchmark | Score |\n|---|---|\n| MMLU | 61.2 |\n| GSM8K | 40% |\n| Notes | none |\n',
      );
      expect(found?.evidence[0]).toEqual({
        file: 'README.md',
        line: 8,
        note: 'results table in the model card (2 rows of scores, not machine-readable)',
      });
    });

    it('takes the results words from the header row when the heading has none', () => {
      expect(
        results('## Details\n| Task | Accuracy |\n| --- | --- |\n| a | 1 |\n| b | 2.5 |\n'),
      ).toBeDefined();
    });

    it('needs two rows of plain numbers, results words, and a table outside fenced code', () => {
      expect(results('## Results\n| Task | Score |\n|---|---|\n| a | 1 |\n| b | n/a |\n')).toBeUndefined();
      expect(
        results('## Results\n| Task | Score |\n|---|---|\n| a | **1** |\n| b | 1e3 |\n'),
      ).toBeUndefined();
      expect(
        results('## Hardware\n| Part | Count |\n|---|---|\n| GPU | 8 |\n| CPU | 64 |\n'),
      ).toBeUndefined();
      expect(
        results('## Results\n```\n| Task | Score |\n|---|---|\n| a | 1 |\n| b | 2 |\n```\n'),
      ).toBeUndefined();
    });

    it('reads the line right after a table: a heading there names the next table', () => {
      const body =
        '## Hardware\n| Part | Count |\n|---|---|\n| GPU | 8 |\n| CPU | 64 |\n## Results\n| Task | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n';
      expect(results(body)?.evidence[0]?.line).toBe(10);
    });

    it('reads the line right after a table: a fence there hides the table inside it', () => {
      const body =
        '## Hardware\n| Part | Count |\n|---|---|\n| GPU | 8 |\n| CPU | 64 |\n```\n## Results\n| Task | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n```\n';
      expect(results(body)).toBeUndefined();
    });
  });
});
