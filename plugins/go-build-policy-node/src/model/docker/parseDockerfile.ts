import {
  Argument,
  DockerfileParser,
  From,
  Heredoc as AstHeredoc,
} from 'dockerfile-ast';
import { argumentsText, heredocsOf, linesOf, propertiesOf } from './astAccess';
import { buildCopyInstruction } from './copyInstruction';
import { leadingFlags } from './instructionFlags';
import { buildRunInstruction, readHeredocs } from './runInstruction';
import {
  declare,
  environmentOf,
  finishStages,
  newStage,
  StageState,
} from './stages';
import { substitute } from './substitute';
import { DockerfileModel, DockerInstruction, DockerStage } from './types';

/** Arguments outside heredoc bodies, substituted with the stage's variables. */
function plainWords(
  args: Argument[],
  heredocs: AstHeredoc[],
  state: StageState,
  escape: string,
) {
  const bodyLines = heredocs
    .map(h => h.getContentRange())
    .filter(r => r !== null);
  return args
    .filter(arg => {
      const line = arg.getRange().start.line;
      return !bodyLines.some(
        r => line >= r!.start.line && line <= r!.end.line + 1,
      );
    })
    .map(arg => substitute(arg.getValue(), state.variables, escape).value);
}

/**
 * Parses one Dockerfile into stages with resolved bases, variables, Go paths and the
 * instructions the rules read. Never throws for odd input: dockerfile-ast is error-tolerant.
 */
export function parseDockerfileText(
  path: string,
  text: string,
): DockerfileModel {
  const slash = path.lastIndexOf('/');
  // CRLF files: drop the CR so bodies and words read the same as with LF.
  const fileLines = text
    .split('\n')
    .map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const document = DockerfileParser.parse(text);
  const escape = document.getEscapeCharacter();
  const model: DockerfileModel = {
    path,
    directory: slash === -1 ? '' : path.slice(0, slash),
    directives: document.getDirectives().map(d => ({
      name: d.getName().toLowerCase(),
      value: d.getValue(),
      line: d.getRange().start.line + 1,
    })),
    globalArgs: [],
    stages: [],
    buildsGo: false,
    prebuiltBinaryOnly: false,
    lineCount: fileLines.length,
  };
  const globals = new Map<string, string | undefined>();
  const globalState: StageState = {
    variables: globals,
    unresolved: new Set(),
    golangBased: false,
    baseKnown: false,
  };
  const states: StageState[] = [];
  let stage: DockerStage | undefined;
  let state = globalState;
  let stageNames: ReadonlyMap<string, number> = new Map();
  let stageNamesCount = -1;
  for (const instruction of document.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const lines = linesOf(instruction);
    if (keyword === 'FROM') {
      if (stage) stage.environment = environmentOf(state);
      ({ stage, state } = newStage(
        instruction as From,
        model.stages.length,
        model.stages,
        states,
        globals,
        escape,
      ));
      model.stages.push(stage);
      states.push(state);
      continue;
    }
    if (!stage) {
      // Before the first FROM only ARG is allowed; its values feed FROM lines.
      if (keyword === 'ARG') {
        for (const property of propertiesOf(instruction)) {
          model.globalArgs.push(
            declare('ARG', property, lines, globalState, escape),
          );
        }
      }
      continue;
    }
    const stageIndex = stage.index;
    let built: DockerInstruction;
    if (keyword === 'RUN') {
      const args = instruction.getArguments();
      const run = buildRunInstruction({
        lines,
        stageIndex,
        flags: leadingFlags(argumentsText(fileLines, lines, escape)),
        args,
        heredocs: heredocsOf(instruction, args),
        fileLines,
        environment: environmentOf(state),
        golangStage: state.golangBased,
      });
      stage.runs.push(run);
      built = run;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const args = instruction.getArguments();
      const heredocs = heredocsOf(instruction, args);
      const flags: Record<string, string> = {};
      for (const flag of leadingFlags(
        argumentsText(fileLines, lines, escape),
      )) {
        flags[flag.name] = flag.value;
      }
      // Rebuilt only when a stage was added: a long stage has thousands of COPYs.
      if (stageNamesCount !== model.stages.length) {
        stageNames = new Map(
          model.stages
            .filter(s => s.name)
            .map(s => [s.name!, s.index] as const),
        );
        stageNamesCount = model.stages.length;
      }
      const copy = buildCopyInstruction({
        keyword,
        lines,
        stageIndex,
        words: plainWords(args, heredocs, state, escape),
        flags,
        heredocs: readHeredocs(heredocs, lines, fileLines),
        stageNames,
      });
      stage.copies.push(copy);
      built = copy;
    } else {
      const base = {
        lines,
        stageIndex,
        text: argumentsText(fileLines, lines, escape),
      };
      built = { keyword, ...base };
      if (keyword === 'ARG' || keyword === 'ENV') {
        for (const property of propertiesOf(instruction)) {
          stage.variables.push(
            declare(
              keyword,
              property,
              lines,
              state,
              escape,
              keyword === 'ARG' ? globals : undefined,
            ),
          );
        }
      } else if (keyword === 'USER') {
        state.user = substitute(base.text, state.variables, escape).value;
        stage.users.push({ user: state.user, lines });
      } else if (keyword === 'WORKDIR') {
        const workdir = substitute(
          base.text.replace(/^"(.*)"$/, '$1'),
          state.variables,
          escape,
        );
        stage.workdirs.push({ path: workdir.value, lines });
      }
    }
    stage.instructions.push(built);
  }
  if (stage) stage.environment = environmentOf(state);
  finishStages(model);
  return model;
}
