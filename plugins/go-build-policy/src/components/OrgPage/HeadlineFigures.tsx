import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import {
  ComplianceLevel,
  LEVELS,
} from '@go-build-policy/plugin-go-build-policy-common';
import { Summary } from '../../api/types';
import { LEVEL_LABELS, percent } from '../../utils/format';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { LevelChip } from '../common/LevelChip';

const useStyles = makeStyles(theme => ({
  figure: { fontSize: '2rem', fontWeight: 600 },
  levels: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
  },
}));

function Figure(props: { label: string; value: string; hint?: string }) {
  const classes = useStyles();
  return (
    <InfoCard title={props.label} variant="gridItem">
      <Typography className={classes.figure} component="p">
        {props.value}
      </Typography>
      {props.hint && (
        <Typography variant="body2" color="textSecondary">
          {props.hint}
        </Typography>
      )}
    </InfoCard>
  );
}

/** Repositories, share compliant, average score, level distribution and the trend. */
export function HeadlineFigures(props: { summary: Summary }) {
  const classes = useStyles();
  const { summary } = props;
  const levelCount = (level: ComplianceLevel) => summary.levels[level] ?? 0;
  const shownLevels = LEVELS.filter(l => levelCount(l) > 0);
  return (
    // Five cards share a row only from lg: at md their titles would be cut off.
    <Grid container spacing={2} alignItems="stretch">
      <Grid item xs={6} md={4} lg={2}>
        <Figure
          label="Repositories"
          value={String(summary.entities)}
          hint={`${summary.scored} scored${
            summary.stale ? `, ${summary.stale} stale` : ''
          }`}
        />
      </Grid>
      <Grid item xs={6} md={4} lg={2}>
        <Figure
          label="Compliant"
          value={percent(summary.compliantShare)}
          hint={`${summary.compliant} silver or better`}
        />
      </Grid>
      <Grid item xs={6} md={4} lg={2}>
        <Figure
          label="Average score"
          value={
            summary.averageScore === null
              ? '—'
              : String(Math.round(summary.averageScore))
          }
        />
      </Grid>
      <Grid item xs={6} md={6} lg={3}>
        <InfoCard title="Levels" variant="gridItem">
          <div className={classes.levels} aria-label="Level distribution">
            {shownLevels.map((level: ComplianceLevel) => (
              <Tooltip
                key={level}
                title={`${levelCount(level)} ${LEVEL_LABELS[level]}`}
              >
                <span>
                  <LevelChip level={level} /> {levelCount(level)}
                </span>
              </Tooltip>
            ))}
          </div>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6} lg={3}>
        <InfoCard title="Average score over time" variant="gridItem">
          <ScoreHistoryChart
            title="Average score over time"
            height={90}
            points={summary.trend.map(t => ({
              at: t.day,
              score: Math.round(t.averageScore),
            }))}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
