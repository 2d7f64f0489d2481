import { Capabilities } from '../../api/types';
import { TriagePermissions } from '../../hooks/useTriagePermissions';

/** What the entity tab lets the user do with a finding, and how it refreshes afterwards. */
export interface FindingActions {
  entityRef: string;
  permissions: TriagePermissions;
  /** Undefined while unknown: then no pull requests are offered. */
  capabilities?: Capabilities;
  /** Reloads the result after a waiver or pull request changed it. */
  onChanged: () => void;
}
