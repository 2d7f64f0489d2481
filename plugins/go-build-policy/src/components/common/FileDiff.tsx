import { useState } from 'react';
import ButtonBase from '@material-ui/core/ButtonBase';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { FixFileChange } from '@go-build-policy/plugin-go-build-policy-common';
import {
  DiffLineKind,
  diffStats,
  numberDiffLines,
  parseUnifiedDiff,
} from '../../utils/diff';

const useStyles = makeStyles(theme => ({
  file: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    marginBottom: theme.spacing(1),
    overflow: 'hidden',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
    justifyContent: 'flex-start',
    padding: theme.spacing(0.75, 1),
    backgroundColor: theme.palette.background.default,
    fontFamily: 'monospace',
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  path: { flex: 1, textAlign: 'left', wordBreak: 'break-all' },
  stats: { color: theme.palette.text.secondary },
  body: {
    margin: 0,
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.8125rem',
    lineHeight: 1.5,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  // Rows stretch to the longest line, so tints span the whole scrolled width.
  rows: { display: 'table', minWidth: '100%' },
  row: { display: 'table-row' },
  number: {
    display: 'table-cell',
    minWidth: '3.5em',
    padding: theme.spacing(0, 1),
    textAlign: 'right',
    color: theme.palette.text.secondary,
    userSelect: 'none',
    borderRight: `1px solid ${theme.palette.divider}`,
  },
  line: {
    display: 'table-cell',
    width: '100%',
    padding: theme.spacing(0, 1),
    whiteSpace: 'pre',
  },
  // Tints keep the text readable on light and dark themes; the +/- prefix stays for
  // those who cannot tell the colours apart.
  add: {
    backgroundColor: alpha(theme.palette.success.main, 0.18),
  },
  remove: {
    backgroundColor: alpha(theme.palette.error.main, 0.18),
  },
  hunk: {
    color: theme.palette.text.secondary,
    backgroundColor: alpha(theme.palette.info.main, 0.08),
  },
  meta: { color: theme.palette.text.secondary },
  context: {},
}));

/** One file of a patch: a header that folds it, then its numbered lines coloured by kind. */
export function FileDiff(props: { file: FixFileChange; id: string }) {
  const classes = useStyles();
  const { file } = props;
  const [open, setOpen] = useState(true);
  const parsed = parseUnifiedDiff(file.diff);
  const { added, removed } = diffStats(parsed);
  const lines = numberDiffLines(parsed);
  const bodyId = `${props.id}-body`;
  return (
    <div className={classes.file}>
      <ButtonBase
        className={classes.header}
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
      >
        {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        <Typography component="span" variant="body2" className={classes.path}>
          {file.path}
        </Typography>
        {file.created && <Chip size="small" label="new file" />}
        <Typography
          component="span"
          variant="caption"
          className={classes.stats}
        >
          +{added} −{removed}
        </Typography>
      </ButtonBase>
      {open && (
        <pre
          id={bodyId}
          className={classes.body}
          role="region"
          // A scrollable region must be focusable, so keyboard users can scroll long lines.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={`Changes to ${file.path}`}
        >
          <span className={classes.rows}>
            {lines.map((line, i) => {
              const kind = classes[line.kind as DiffLineKind];
              return (
                <span key={i} className={`${classes.row} ${kind}`}>
                  {/* Numbers are for the eye; the +/- text is what readers get. */}
                  <span className={classes.number} aria-hidden>
                    {line.oldLine ?? ''}
                  </span>
                  <span className={classes.number} aria-hidden>
                    {line.newLine ?? ''}
                  </span>
                  <code className={classes.line} data-kind={line.kind}>
                    {line.text || ' '}
                  </code>
                </span>
              );
            })}
          </span>
        </pre>
      )}
    </div>
  );
}
