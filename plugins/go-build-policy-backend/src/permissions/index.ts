export { registerPermissions, authorizeOrThrow } from './authorize';
