/*
 * The demo backend: catalog, guest auth, permissions with a real policy, notifications,
 * signals, MCP actions and the go-build-policy plugin with an example rules module.
 */
import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './modules/permissionPolicy';
import { exampleRulesModule } from './modules/exampleRulesModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);

backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@go-build-policy/plugin-go-build-policy-backend'));
backend.add(exampleRulesModule);

backend.start();
