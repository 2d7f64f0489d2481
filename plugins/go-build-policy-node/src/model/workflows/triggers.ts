import { YamlFile, YamlEntry } from '../../parsers/yaml';
import { TriggerEvent, WorkflowTriggers } from './types';

const ROUTINE_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'merge_group',
]);
const SCHEDULED_OR_MANUAL = new Set([
  'schedule',
  'workflow_dispatch',
  'repository_dispatch',
]);

function stringList(file: YamlFile, node: unknown): string[] | undefined {
  if (node === undefined) return undefined;
  const single = file.string(node);
  if (single !== undefined) return [single];
  return file.items(node).flatMap(item => {
    const text = file.string(item);
    return text === undefined ? [] : [text];
  });
}

function eventFromEntry(file: YamlFile, entry: YamlEntry): TriggerEvent {
  const value = entry.value;
  return {
    name: entry.key,
    line: file.line(entry.keyNode),
    branches: stringList(file, file.get(value, 'branches')),
    branchesIgnore: stringList(file, file.get(value, 'branches-ignore')),
    tags: stringList(file, file.get(value, 'tags')),
    tagsIgnore: stringList(file, file.get(value, 'tags-ignore')),
    types: stringList(file, file.get(value, 'types')),
  };
}

/** A push runs on branches unless it filters on tags only. */
export function pushRunsOnBranches(event: TriggerEvent): boolean {
  const filtersTags =
    event.tags !== undefined || event.tagsIgnore !== undefined;
  const filtersBranches =
    event.branches !== undefined || event.branchesIgnore !== undefined;
  return filtersBranches || !filtersTags;
}

/** A push runs on tags when it filters on tags, or has no filter at all. */
export function pushRunsOnTags(event: TriggerEvent): boolean {
  const filtersTags =
    event.tags !== undefined || event.tagsIgnore !== undefined;
  const filtersBranches =
    event.branches !== undefined || event.branchesIgnore !== undefined;
  if (filtersTags) return event.tags === undefined || event.tags.length > 0;
  return !filtersBranches;
}

/** Classifies a list of events (see WorkflowTriggers). */
export function classifyTriggers(events: TriggerEvent[]): WorkflowTriggers {
  const names = new Set(events.map(e => e.name));
  const pushes = events.filter(e => e.name === 'push');
  return {
    events,
    routine:
      events.some(e => ROUTINE_EVENTS.has(e.name)) ||
      pushes.some(pushRunsOnBranches),
    tagPush: pushes.some(pushRunsOnTags),
    release: names.has('release'),
    scheduledOrManual: events.some(e => SCHEDULED_OR_MANUAL.has(e.name)),
    reusableOnly:
      names.size > 0 && [...names].every(n => n === 'workflow_call'),
  };
}

/** Reads a workflow's `on:` in its three shapes: a string, a list, or a map of events. */
export function readTriggers(file: YamlFile): WorkflowTriggers {
  // `on` is a plain key in YAML 1.2; `true` covers files written for YAML 1.1 readers.
  const onEntry = file.entry(file.root, 'on') ?? file.entry(file.root, 'true');
  if (!onEntry) return classifyTriggers([]);
  const events: TriggerEvent[] = [];
  const single = file.string(onEntry.value);
  if (single !== undefined) {
    events.push({ name: single, line: file.line(onEntry.value) });
  } else if (file.isSeq(onEntry.value)) {
    for (const item of file.items(onEntry.value)) {
      const name = file.string(item);
      if (name !== undefined) events.push({ name, line: file.line(item) });
    }
  } else {
    for (const entry of file.entries(onEntry.value))
      events.push(eventFromEntry(file, entry));
  }
  const triggers = classifyTriggers(events);
  triggers.lines = file.lines(onEntry.keyNode, onEntry.value);
  return triggers;
}

/** Callers' triggers combined: a reusable workflow's job runs whenever any caller does. */
export function mergeTriggers(list: WorkflowTriggers[]): WorkflowTriggers {
  return classifyTriggers(
    list.flatMap(t => t.events).filter(e => e.name !== 'workflow_call'),
  );
}

/** Short human description of what starts a workflow (for messages). */
export function describeTriggers(triggers: WorkflowTriggers): string {
  const names = [...new Set(triggers.events.map(e => e.name))];
  return names.length ? names.join(', ') : 'no trigger';
}
