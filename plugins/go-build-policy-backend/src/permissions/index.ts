export {
  registerPermissions,
  authorizeOrThrow,
  authorizeResourceOrThrow,
} from './authorize';
