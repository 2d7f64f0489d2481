import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { Gauge, InfoCard, Link } from '@backstage/core-components';
import { RuleCategory } from '@go-build-policy/plugin-go-build-policy-common';
import { EntityResult } from '../../api/types';
import { LevelChip } from '../common/LevelChip';
import { commitUrl, repositoryUrl } from '../../utils/githubLinks';
import { formatDateTime, RAW_SCORE_EXPLANATION } from '../../utils/format';

const CATEGORY_LABELS: Record<RuleCategory, string> = {
  ci: 'CI caches',
  mod: 'Dependencies',
  toolchain: 'Toolchain',
  private: 'Private modules',
  docker: 'Docker layers',
};

/** "(raw 70: 2 rules waived)": how much of the score waivers account for. */
export function rawScoreText(rawScore: number, waived: number): string {
  if (waived === 0) return `(raw ${rawScore})`;
  const rules = waived === 1 ? '1 rule waived' : `${waived} rules waived`;
  return `(raw ${rawScore}: ${rules})`;
}

const useStyles = makeStyles(theme => ({
  raw: {
    display: 'inline-block',
    borderBottom: `1px dotted ${theme.palette.text.secondary}`,
    cursor: 'help',
  },
}));

/** Score, level, sub-scores and when/at which commit the result was produced. */
export function ScoreSummary(props: {
  result: EntityResult;
  action?: React.ReactNode;
}) {
  const classes = useStyles();
  const { result } = props;
  const repo = result.repository;
  const sha = result.commit ?? repo?.commitSha;
  return (
    <InfoCard title="Go build policy" action={props.action}>
      <Grid container spacing={3} alignItems="center">
        <Grid item xs={12} sm={3}>
          <Gauge value={(result.score ?? 0) / 100} />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Typography variant="h4" component="p">
            {result.score ?? '—'}
            <Typography variant="body2" component="span">
              {' '}
              / 100
            </Typography>
          </Typography>
          <LevelChip level={result.level} size="medium" />
          {result.rawScore !== undefined &&
            result.rawScore !== result.score && (
              <div>
                {/* Focusable, so keyboard users reach the explanation too. */}
                <Tooltip title={RAW_SCORE_EXPLANATION}>
                  <Typography
                    variant="body2"
                    className={classes.raw}
                    tabIndex={0}
                  >
                    {rawScoreText(result.rawScore, result.waivedRuleIds.length)}
                  </Typography>
                </Tooltip>
              </div>
            )}
          <Typography variant="body2" color="textSecondary">
            Scanned {formatDateTime(result.scannedAt)}
            {repo && sha && (
              <>
                {' at '}
                <Link to={commitUrl(repo, sha)}>{sha.slice(0, 7)}</Link>
              </>
            )}
          </Typography>
          {repo && (
            <Typography variant="body2">
              <Link to={repositoryUrl(repo)}>
                {repo.owner}/{repo.name}
              </Link>
              {repo.moduleRoot ? ` (module ${repo.moduleRoot})` : ''}
              {repo.archived ? ' · archived' : ''}
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} sm={5}>
          {Object.entries(result.categories ?? {}).map(
            ([category, breakdown]) => (
              <div key={category}>
                <Typography variant="body2">
                  {CATEGORY_LABELS[category as RuleCategory] ?? category}:{' '}
                  {breakdown?.score}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={breakdown?.score ?? 0}
                  aria-label={`${
                    CATEGORY_LABELS[category as RuleCategory] ?? category
                  } score`}
                />
              </div>
            ),
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
