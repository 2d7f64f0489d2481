import { From, Property } from 'dockerfile-ast';
import { flagsOf, linesOf } from './astAccess';
import { goEnvironment } from './goEnvironment';
import { parseImageReference } from './imageReference';
import { substitute } from './substitute';
import {
  DockerfileModel,
  DockerStage,
  ImageReference,
  LineRange,
  VariableDeclaration,
} from './types';

/** Variables and user in effect while walking a stage; a child stage starts from a copy. */
export interface StageState {
  variables: Map<string, string | undefined>;
  unresolved: Set<string>;
  user?: string;
  golangBased: boolean;
  baseKnown: boolean;
}

const GO_BUILDING = new Set(['build', 'install', 'test', 'mod download']);

export function declare(
  kind: 'ARG' | 'ENV',
  property: Property,
  lines: LineRange,
  state: StageState,
  escapeChar: string,
  globals?: ReadonlyMap<string, string | undefined>,
): VariableDeclaration {
  const name = property.getName();
  const rawValue = property.getValue() ?? undefined;
  const declaration: VariableDeclaration = { kind, name, lines };
  if (rawValue !== undefined) {
    const resolved = substitute(rawValue, state.variables, escapeChar);
    declaration.rawValue = rawValue;
    declaration.value = resolved.value;
    state.variables.set(name, resolved.value);
    if (resolved.unresolved) state.unresolved.add(name);
    else state.unresolved.delete(name);
  } else if (globals?.has(name)) {
    // `ARG NAME` inside a stage takes the global default (BuildKit's scoping).
    declaration.value = globals.get(name);
    state.variables.set(name, declaration.value);
  } else if (!state.variables.has(name)) {
    state.variables.set(name, undefined);
    state.unresolved.add(name);
  }
  return declaration;
}

function initialState(
  states: StageState[],
  parentIndex: number,
  image: ImageReference | undefined,
): StageState {
  if (parentIndex !== -1) {
    const parent = states[parentIndex];
    // BuildKit starts a stage built FROM another stage with that stage's ENV and ARGs.
    return {
      ...parent,
      variables: new Map(parent.variables),
      unresolved: new Set(parent.unresolved),
    };
  }
  const golang = !!image?.isGolang;
  return {
    // Official golang images set GOPATH=/go and GOTOOLCHAIN=local (docker-library/golang);
    // other images' ENV cannot be seen.
    variables: new Map(
      golang
        ? [
            ['GOPATH', '/go'],
            ['GOTOOLCHAIN', 'local'],
          ]
        : [],
    ),
    unresolved: new Set(),
    golangBased: golang,
    baseKnown: golang || !!image?.isScratch,
  };
}

export function newStage(
  from: From,
  index: number,
  previous: DockerStage[],
  states: StageState[],
  globals: Map<string, string | undefined>,
  escapeChar: string,
): { stage: DockerStage; state: StageState } {
  const baseText = from.getImage() ?? '';
  const resolved = substitute(baseText, globals, escapeChar);
  const parentIndex = previous.findIndex(
    s => s.name === resolved.value.toLowerCase(),
  );
  const image =
    parentIndex === -1
      ? parseImageReference(resolved.value, resolved.unresolved)
      : undefined;
  const state = initialState(states, parentIndex, image);
  const stage: DockerStage = {
    index,
    fromLines: linesOf(from),
    baseText,
    instructions: [],
    copies: [],
    runs: [],
    variables: [],
    workdirs: [],
    users: [],
    environment: goEnvironment(state),
    golangBased: state.golangBased,
    buildsGo: false,
    vendored: false,
  };
  if (image) stage.image = image;
  if (parentIndex !== -1) stage.parentStage = parentIndex;
  const name = from.getBuildStage();
  if (name) stage.name = name.toLowerCase();
  const platform = flagsOf(from).find(
    f => f.getName().toLowerCase() === 'platform',
  );
  if (platform) stage.platform = platform.getValue() ?? '';
  return { stage, state };
}

export function environmentOf(state: StageState) {
  return goEnvironment(state);
}

/** Stage-level conclusions: which stages build Go, vendoring, prebuilt-binary images. */
export function finishStages(model: DockerfileModel): void {
  for (const stage of model.stages) {
    const building = stage.runs.flatMap(run =>
      run.goCommands
        .filter(command => GO_BUILDING.has(command.subcommand))
        .map(command => ({ run, command })),
    );
    stage.buildsGo = building.length > 0;
    const compiles = building.filter(
      b => b.command.subcommand !== 'mod download',
    );
    stage.vendored =
      compiles.length > 0 && compiles.every(b => b.run.usesVendor);
  }
  model.buildsGo = model.stages.some(stage => stage.buildsGo);
  const hasGoCommands = model.stages.some(stage =>
    stage.runs.some(run => run.goCommands.length > 0),
  );
  model.prebuiltBinaryOnly =
    !model.buildsGo &&
    !hasGoCommands &&
    model.stages.some(stage =>
      stage.copies.some(
        copy => copy.from === undefined && copy.sources.length > 0,
      ),
    );
}
