import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { FindingStatus } from '@go-build-policy/plugin-go-build-policy-common';
import { STATUS_LABELS } from '../../utils/format';

/** Backstage's status indicators, so statuses look as they do in every other plugin. */
export function StatusIndicator(props: {
  status: FindingStatus;
  waived?: boolean;
}) {
  const label = props.waived ? 'Waived' : STATUS_LABELS[props.status];
  if (props.waived) return <StatusAborted>{label}</StatusAborted>;
  switch (props.status) {
    case 'pass':
      return <StatusOK>{label}</StatusOK>;
    case 'fail':
    case 'error':
      return <StatusError>{label}</StatusError>;
    case 'warn':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}
