import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins installed as dependencies of this package (notifications, signals, user
// settings, org, go-build-policy) are discovered through `app.packages: all`.
export default createApp({
  features: [catalogPlugin, navModule, signInModule],
});
