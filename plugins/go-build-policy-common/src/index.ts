/**
 * Types, the rule catalogue, scoring and permissions shared by the go-build-policy
 * plugins (isomorphic: used by the browser and by Node).
 *
 * @packageDocumentation
 */
export * from './types';
export * from './rules';
export * from './scoring';
export * from './permissions';
export * from './api';
