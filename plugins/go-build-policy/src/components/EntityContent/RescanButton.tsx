import { useState } from 'react';
import Button from '@material-ui/core/Button';
import RefreshIcon from '@material-ui/icons/Refresh';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { goBuildPolicyRescanPermission } from '@go-build-policy/plugin-go-build-policy-common';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';

/** Asks the backend for a scan now; rendered only for those allowed to. */
export function RescanButton(props: {
  entityRef: string;
  onRequested: () => void;
}) {
  const api = useApi(goBuildPolicyApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed, loading } = usePermission({
    permission: goBuildPolicyRescanPermission,
  });
  const [busy, setBusy] = useState(false);
  if (loading || !allowed) return null;

  const rescan = async () => {
    setBusy(true);
    try {
      await api.requestRescan(props.entityRef);
      alertApi.post({
        message: 'Scan requested',
        severity: 'info',
        display: 'transient',
      });
      props.onRequested();
    } catch (e) {
      alertApi.post({
        message: `Could not request a scan: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      color="primary"
      startIcon={<RefreshIcon />}
      disabled={busy}
      onClick={rescan}
    >
      Rescan
    </Button>
  );
}
