import type { EvidenceRef } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import type { Check } from './check.ts';
import { commandContext, dependencyScope } from './shared/command-context.ts';
import { assessPins, type PinAssessment } from './shared/dependency-pins.ts';
import {
  capDetails,
  capitalise,
  componentRef,
  describeAbsence,
  findComponent,
  isShipped,
} from './shared/release-parts.ts';
import { verifyCommand } from './shared/verify-command.ts';

const CODE_POINTS = 4;
const COMMAND_POINTS = 3;
const PIN_POINTS = 3;

/** The eval harness is released with a runnable command and pinned dependencies. */
export const evalHarnessRunnable: Check = {
  id: 'eval-harness-runnable',
  title: 'Eval harness is runnable',
  risk: 'high',
  judges: ['evaluation-code'],
  docs: {
    why: 'Reported scores are claims until others can rerun the evaluation. A released harness with one documented command and pinned dependencies lets anyone reproduce the numbers, compare models on equal terms and spot contamination or prompt tricks; unpinned dependencies silently change results as libraries move.',
    how: 'Release the evaluation code in the pack and list it under `evaluation-code` with a `command` such as `python eval/run.py --tasks all`, `python -m mypkg.evaluate`, `bash eval/run.sh`, `make eval` (with a Makefile that defines `eval`) or `lm_eval --model hf …` (with `lm-eval` among the dependencies). Pin every dependency: commit a lock file (poetry.lock, uv.lock, Pipfile.lock, conda-lock.yml, package-lock.json, Cargo.lock), or write requirements*.txt / environment.yml where every requirement is `name==version` (or carries `--hash`). The score adds up 4 points for the code, 3 for the command and 3 for the pins.',
    scoring: `${CODE_POINTS} points for evaluation code in the pack (or at a URL), ${COMMAND_POINTS} for a declared command whose script, module, Makefile or harness is found (1 when the command cannot be verified, 0 when it names something missing), ${PIN_POINTS} for pinned dependencies (a lock file, or ${PIN_POINTS} × the share of pinned requirements, rounded down, so one unpinned requirement costs a point). No evaluation code scores 0.`,
  },
  run(evidence) {
    const component = findComponent(evidence, 'evaluation-code');
    if (!isShipped(component) || (component.files.length === 0 && !component.locations.some(isUrl))) {
      return {
        score: 0,
        reason: describeAbsence(component, 'evaluation code'),
        evidence: component?.evidence.slice(0, 3) ?? [],
        remediation:
          'Release the evaluation harness in the pack, list it under `evaluation-code` in release-pack.yaml with the `command` that runs it, and pin its dependencies.',
      };
    }
    const inPack = component.files.length > 0;
    const details: string[] = [];
    const evidenceRefs: EvidenceRef[] = [componentRef(component, 'evaluation code')];
    const todo: string[] = [];
    const pins = assessPins(evidence, inPack ? dependencyScope(evidence, component) : []);

    let commandPoints = 0;
    let commandSummary: string;
    const command = typeof component.command === 'string' ? component.command.trim() : '';
    if (command === '') {
      commandSummary = 'no command is declared';
      details.push('command: none declared; add `command:` to `evaluation-code` in release-pack.yaml');
      todo.push('declare the `command` that runs the evaluation');
    } else if (!inPack) {
      commandPoints = 1;
      commandSummary = 'its command cannot be checked because the code is only at a URL';
      details.push(`command: "${command}" was not checked: the evaluation code is not in the pack`);
      todo.push('ship the evaluation code in the pack so that its command can be checked');
    } else {
      const verdict = verifyCommand(command, commandContext(evidence, component, pins.names));
      evidenceRefs.push(...verdict.evidence);
      for (const line of verdict.found) details.push(`command: ${line}`);
      for (const line of verdict.problems) details.push(`command: ${line}`);
      if (verdict.state === 'runnable') {
        commandPoints = COMMAND_POINTS;
        commandSummary = 'its command names files that are in the pack';
      } else if (verdict.state === 'unverified') {
        commandPoints = 1;
        commandSummary = 'its command could not be verified';
        todo.push(
          'make the command name a script, module or Makefile target in the pack, or a declared dependency',
        );
      } else {
        commandSummary = 'its command names something missing';
        todo.push('fix the command so that what it runs is in the pack');
      }
    }

    const { points: pinPoints, summary: pinSummary } = judgePins(pins, inPack, details, todo);
    evidenceRefs.push(...pins.evidence);
    for (const item of pins.unpinned.slice(0, 20)) {
      evidenceRefs.push({ file: item.file, line: item.line, note: `${item.text} is not pinned` });
    }
    const score = CODE_POINTS + commandPoints + pinPoints;
    return {
      score,
      reason: `evaluation code is ${inPack ? 'in the pack' : 'at a URL'}; ${commandSummary}; ${pinSummary}`,
      evidence: evidenceRefs.slice(0, 30),
      remediation: todo.length === 0 ? null : `${capitalise(todo.join('; '))}.`,
      details: capDetails(details),
    };
  },
};

function judgePins(
  pins: PinAssessment,
  inPack: boolean,
  details: string[],
  todo: string[],
): { points: number; summary: string } {
  for (const problem of pins.problems) details.push(`dependencies: ${problem}`);
  if (!inPack) {
    todo.push('pin its dependencies in a lock file in the pack');
    return { points: 0, summary: 'its dependencies are not in the pack' };
  }
  if (pins.lockFiles.length > 0) {
    details.push(`dependencies: pinned by ${pins.lockFiles.join(', ')}`);
    return { points: PIN_POINTS, summary: `dependencies are locked (${pins.lockFiles.join(', ')})` };
  }
  if (pins.total > 0) {
    for (const item of pins.unpinned) {
      details.push(`unpinned: ${item.file}${item.line ? `:${item.line}` : ''} ${item.text} ${item.why}`);
    }
    if (pins.unpinned.length === 0) {
      return { points: PIN_POINTS, summary: `all ${pins.total} dependencies are pinned` };
    }
    todo.push(`pin the ${pins.unpinned.length} unpinned requirement(s) with == (or commit a lock file)`);
    return {
      points: Math.floor((PIN_POINTS * pins.pinned) / pins.total),
      summary: `${pins.unpinned.length} of ${pins.total} dependencies are not pinned`,
    };
  }
  if (pins.rangeOnly.length > 0) {
    details.push(
      `dependencies: ${pins.rangeOnly.join(', ')} state version ranges and no lock file pins them`,
    );
    todo.push(`commit a lock file (poetry.lock, uv.lock …) next to ${pins.rangeOnly[0]}`);
    return { points: 0, summary: 'dependencies are declared as ranges without a lock file' };
  }
  details.push(
    'dependencies: no lock file, requirements*.txt or environment.yml found with the harness or at the pack root',
  );
  todo.push('add a lock file or a requirements.txt with every dependency pinned with ==');
  return { points: 0, summary: 'no pinned dependency file was found' };
}
