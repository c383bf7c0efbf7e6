import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import { api } from '../api/instance';
import { MATCH_STATUSES, type Statistics } from '../api/types';
import { ACCENT_COLOR, STATUS_COLORS } from '../colors';
import { ErrorBanner } from '../components/ErrorBanner';
import { EmptyState, Loading } from '../components/States';
import { formatDay, formatNumber, formatScore } from '../format';
import { useElementWidth } from '../hooks/useElementWidth';
import { useLoad } from '../hooks/useLoad';

const CHART_HEIGHT = 240;

export function StatsScreen() {
  const { t } = useTranslation();
  const statistics = useLoad(() => api.statistics(), []);
  const data = statistics.data;

  return (
    <section className="screen" aria-labelledby="stats-title">
      <header className="screen-header screen-header-row">
        <div>
          <h1 id="stats-title">{t('stats.title')}</h1>
          <p className="screen-lead">{t('stats.lead')}</p>
        </div>
        <button type="button" className="button" onClick={() => void statistics.reload()} data-testid="stats-refresh">
          {t('common.refresh')}
        </button>
      </header>

      <ErrorBanner error={statistics.error} />
      {statistics.loading && !data && <Loading />}
      {data && data.totals.total === 0 && <EmptyState title={t('stats.emptyTitle')}>{t('stats.emptyBody')}</EmptyState>}
      {data && data.totals.total > 0 && <StatsBody data={data} />}
    </section>
  );
}

function StatsBody({ data }: { data: Statistics }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const matchedShare = data.totals.total === 0 ? 0 : (data.totals.matched / data.totals.total) * 100;
  const finishedRequests = data.requests.completed + data.requests.cancelled + data.requests.failed;

  return (
    <>
      <dl className="tiles" data-testid="stats-tiles">
        <div className="tile">
          <dt>{t('stats.lines')}</dt>
          <dd>{formatNumber(data.totals.total, language)}</dd>
        </div>
        <div className="tile">
          <dt>{t('stats.matchedShare')}</dt>
          <dd>{formatNumber(matchedShare, language, 1)}%</dd>
        </div>
        <div className="tile">
          <dt>{t('stats.meanScore')}</dt>
          <dd>{formatScore(data.mean_score, language)}</dd>
        </div>
        <div className="tile">
          <dt>{t('stats.speed')}</dt>
          <dd>{data.lines_per_second === null ? '—' : t('units.linesPerSecond', { count: Math.round(data.lines_per_second) })}</dd>
        </div>
        <div className="tile">
          <dt>{t('stats.requests')}</dt>
          <dd>
            {formatNumber(finishedRequests, language)}
            {data.requests.running + data.requests.pending > 0 && (
              <span className="muted small"> {t('stats.requestsActive', { count: data.requests.running + data.requests.pending })}</span>
            )}
          </dd>
        </div>
      </dl>

      <div className="chart-grid">
        <StatusChart data={data} />
        <HistogramChart data={data} />
        <ThroughputChart data={data} />
      </div>
    </>
  );
}

function ChartPanel({ title, testId, children }: { title: string; testId: string; children: (width: number) => React.ReactNode }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <figure className="panel chart" data-testid={testId}>
      <figcaption className="panel-title">{title}</figcaption>
      <div ref={ref} className="chart-body">
        {width > 0 && children(width)}
      </div>
    </figure>
  );
}

function StatusChart({ data }: { data: Statistics }) {
  const { t, i18n } = useTranslation();
  const rows = MATCH_STATUSES.map((status) => ({ status, label: t(`status.${status}`), count: data.totals[status] }));

  return (
    <ChartPanel title={t('stats.byStatus')} testId="stats-status-chart">
      {(width) => (
        <BarChart width={width} height={CHART_HEIGHT} data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => formatNumber(value, i18n.language)} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [formatNumber(Number(value), i18n.language), t('stats.lineCount')]} />
          <Bar dataKey="count" isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.status} fill={STATUS_COLORS[row.status]} />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartPanel>
  );
}

function HistogramChart({ data }: { data: Statistics }) {
  const { t, i18n } = useTranslation();
  const rows = data.score_histogram.map((bucket) => ({
    label: `${formatNumber(bucket.from, i18n.language, 1)}–${formatNumber(bucket.to, i18n.language, 1)}`,
    count: bucket.count,
  }));

  return (
    <ChartPanel title={t('stats.histogram')} testId="stats-histogram">
      {(width) => (
        <BarChart width={width} height={CHART_HEIGHT} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={48} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => formatNumber(value, i18n.language)} />
          <Tooltip formatter={(value) => [formatNumber(Number(value), i18n.language), t('stats.lineCount')]} />
          <Bar dataKey="count" fill={ACCENT_COLOR} isAnimationActive={false} />
        </BarChart>
      )}
    </ChartPanel>
  );
}

function ThroughputChart({ data }: { data: Statistics }) {
  const { t, i18n } = useTranslation();
  const rows = data.per_day.map((day) => ({ ...day, label: formatDay(day.day, i18n.language) }));

  return (
    <ChartPanel title={t('stats.perDay')} testId="stats-throughput">
      {(width) =>
        rows.length === 0 ? (
          <p className="hint">{t('stats.noDays')}</p>
        ) : (
          <BarChart width={width} height={CHART_HEIGHT} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={(value: number) => formatNumber(value, i18n.language)} />
            <Tooltip formatter={(value, name) => [formatNumber(Number(value), i18n.language), String(name)]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {MATCH_STATUSES.map((status) => (
              <Bar key={status} dataKey={status} name={t(`status.${status}`)} stackId="day" fill={STATUS_COLORS[status]} isAnimationActive={false} />
            ))}
          </BarChart>
        )
      }
    </ChartPanel>
  );
}
