import { useState } from 'react';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { goBuildPolicyApiRef } from '../../api/GoBuildPolicyApi';
import { RepositoryQuery } from '../../api/types';

/** Downloads what the filters select, through the authenticated API client. */
export function ExportButton(props: {
  query: RepositoryQuery;
  format?: 'csv' | 'json';
}) {
  const api = useApi(goBuildPolicyApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const format = props.format ?? 'csv';

  const download = async () => {
    setBusy(true);
    try {
      const blob = await api.exportRepositories(format, props.query);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `go-build-policy.${format}`;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      alertApi.post({
        message: `Export failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Export {format.toUpperCase()}
    </Button>
  );
}
