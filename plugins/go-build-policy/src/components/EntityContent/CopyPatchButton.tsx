import { useState } from 'react';
import Button from '@material-ui/core/Button';
import FileCopyIcon from '@material-ui/icons/FileCopy';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';

/** Copies a whole patch (for `git apply`) to the clipboard. */
export function CopyPatchButton(props: { patch: string }) {
  const alertApi = useApi(alertApiRef);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(props.patch);
      setCopied(true);
    } catch (e) {
      alertApi.post({
        message: `Could not copy the patch: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };
  return (
    <Button size="small" startIcon={<FileCopyIcon />} onClick={copy}>
      {copied ? 'Patch copied' : 'Copy patch'}
    </Button>
  );
}
