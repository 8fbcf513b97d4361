// The dashboard's entry point: language, sign-in, then loading and refreshing the views.
import { createApiClient } from './api-client.js';
import {
  clearToken,
  completeCognitoSignIn,
  currentToken,
  loadAuthConfig,
  saveToken,
  signOut,
  startCognitoSignIn,
} from './auth.js';
import { initialLanguage, language, setLanguage, t } from './i18n.js';
import { granularityFor } from './period.js';
import { setReferenceData, state } from './state.js';
import { showError } from './toast.js';
import { initAlertsView, loadAlerts, renderAlerts } from './views/alerts-view.js';
import { initChartMembers } from './views/chart-members.js';
import { renderChart } from './views/chart-view.js';
import { loadFacebook, renderFacebook } from './views/facebook-view.js';
import { renderFeeds } from './views/feeds-view.js';
import { initLeadsView, loadLeads, renderLeads } from './views/leads-view.js';
import { initManualForm, renderManualOptions } from './views/manual-form.js';
import {
  initMentionsView,
  loadMentions,
  renderFilterOptions,
  renderMentions,
} from './views/mentions-view.js';
import { initOutreachView, loadOutreach, renderOutreach } from './views/outreach-view.js';
import { initPeriodPicker } from './views/period-picker.js';
import { initReportView } from './views/report-view.js';
import { renderStatus } from './views/status-view.js';
import { initOutletActions, renderSummary } from './views/summary-view.js';

const api = createApiClient({
  getToken: currentToken,
  onUnauthorized: () => {
    clearToken();
    showSignIn(t('auth.expired'));
  },
});
let summaryGeneration = 0;
let chartGeneration = 0;
/** Views are wired once; signing in again after a 401 only reloads their data. */
let viewsWired = false;

async function boot() {
  setLanguage(initialLanguage());
  const languageSelect = document.getElementById('language-select');
  languageSelect.value = language();
  languageSelect.addEventListener('change', () => switchLanguage(languageSelect.value));
  state.auth = await loadAuthConfig();
  wireSignIn();
  try {
    if (state.auth.mode === 'cognito') await completeCognitoSignIn(state.auth);
  } catch (error) {
    showSignIn(`${t('auth.failed')}: ${error.message}`);
    return;
  }
  if (currentToken()) await enterDashboard();
  else showSignIn();
}

function wireSignIn() {
  document.getElementById('local-sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('token-input');
    if (!input.value.trim()) return;
    saveToken(input.value);
    input.value = '';
    await enterDashboard();
  });
  document.getElementById('cognito-button').addEventListener('click', () => startCognitoSignIn(state.auth));
  document.getElementById('sign-out').addEventListener('click', () => signOut(state.auth));
}

function showSignIn(message = '') {
  document.getElementById('boot-message').hidden = true;
  document.getElementById('dashboard').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('caller').textContent = '';
  document.getElementById('sign-in').hidden = false;
  document.getElementById('local-sign-in').hidden = state.auth.mode !== 'local';
  document.getElementById('cognito-sign-in').hidden = state.auth.mode !== 'cognito';
  document.getElementById('sign-in-error').textContent = message;
}

async function enterDashboard() {
  let status;
  try {
    status = await api.status();
  } catch (error) {
    // A 401 has already brought the sign-in form back; anything else is shown there too.
    if (error.status !== 401) showSignIn(`${t('auth.failed')}: ${error.message}`);
    return;
  }
  state.status = status;
  state.caller = status.caller;
  state.canReview = (status.caller?.roles ?? []).includes('pr-staff');
  document.body.dataset.role = state.canReview ? 'pr-staff' : 'management';
  document.getElementById('sign-in').hidden = true;
  document.getElementById('boot-message').hidden = true;
  document.getElementById('sign-out').hidden = false;
  document.getElementById('manual').hidden = !state.canReview;
  renderCaller();
  renderStatus();
  try {
    const [members, outlets] = await Promise.all([api.members(), api.outlets()]);
    setReferenceData(members.members ?? [], outlets.outlets ?? []);
  } catch (error) {
    showError(error);
  }
  document.getElementById('dashboard').hidden = false;
  if (!viewsWired) {
    viewsWired = true;
    initPeriodPicker(refreshPeriod);
    initMentionsView(api, refreshSummary);
    initManualForm(api, refreshPeriod);
    initLeadsView(api, refreshPeriod);
    initOutletActions(api, refreshOutletsAndPeriod);
    initAlertsView(api);
    initOutreachView(api);
    initReportView(api);
    initChartMembers(refreshChartSeries);
  }
  renderFilterOptions();
  if (state.canReview) renderManualOptions();
  await Promise.all([refreshPeriod(), refreshFeeds(), loadLeads(), loadAlerts()]);
}

/** After an outlet is marked or unmarked: its origin data and every figure change. */
async function refreshOutletsAndPeriod() {
  const outlets = await api.outlets();
  setReferenceData(state.members, outlets.outlets ?? []);
  await refreshPeriod();
}

/** Reloads the summary and the list together; the outlet table then names manual outlets from the list. */
async function refreshPeriod() {
  await Promise.all([refreshSummary(), loadMentions(), loadFacebook(api), loadOutreach()]);
  renderSummary();
}

function renderCaller() {
  if (!state.caller) return;
  const role = state.canReview ? t('role.prStaff') : t('role.management');
  document.getElementById('caller').textContent = `${state.caller.name} · ${role}`;
}

/** Reloads the cards, chart and tables for the chosen period. */
async function refreshSummary() {
  const section = document.getElementById('overview');
  const mine = ++summaryGeneration;
  // This answer carries the member lines too, so a chart refresh still under way is outdated.
  chartGeneration += 1;
  section.dataset.state = 'loading';
  try {
    const { from, to } = state.period;
    const [summary, reviewState] = await Promise.all([
      api.summary({ ...chartQuery(), members: state.chartMembers.join(',') }),
      // The review state is a nicety on the overview: the figures still show when it fails.
      api.mentionCounts({ from, to }).catch(() => null),
    ]);
    if (mine !== summaryGeneration) return;
    state.summary = summary;
    state.reviewState = reviewState;
    renderSummary();
    renderChart();
    document.getElementById('chart').dataset.state = 'ready';
    section.dataset.state = 'ready';
  } catch (error) {
    if (mine !== summaryGeneration) return;
    section.dataset.state = 'error';
    showError(error);
  }
}

/** The summary query of the chosen period. */
function chartQuery() {
  const { from, to } = state.period;
  return { from, to, granularity: granularityFor(from, to) };
}

/** Fetches the chosen members' lines for the period the chart shows and redraws it. */
async function refreshChartSeries() {
  const mine = ++chartGeneration;
  const chart = document.getElementById('chart');
  chart.dataset.state = 'loading';
  try {
    const summary = await api.summary({ ...chartQuery(), members: state.chartMembers.join(',') });
    const shown = state.summary?.period;
    // A period changed meanwhile brings its own member lines with it.
    if (mine !== chartGeneration || shown?.from !== summary.period.from || shown?.to !== summary.period.to)
      return;
    state.summary = { ...state.summary, memberSeries: summary.memberSeries };
    renderChart();
    chart.dataset.state = 'ready';
  } catch (error) {
    if (mine === chartGeneration) chart.dataset.state = 'error';
    showError(error);
  }
}

async function refreshFeeds() {
  const section = document.getElementById('feeds');
  try {
    state.feeds = (await api.feeds()).feeds ?? [];
    renderFeeds();
    section.dataset.state = 'ready';
  } catch (error) {
    section.dataset.state = 'error';
    showError(error);
  }
}

/** Re-renders every view from the state in the new language; no data is fetched again. */
function switchLanguage(code) {
  setLanguage(code);
  renderCaller();
  if (document.getElementById('dashboard').hidden) return;
  renderFilterOptions();
  if (state.canReview) renderManualOptions();
  renderSummary();
  renderChart();
  renderFacebook();
  renderMentions();
  if (state.feeds) renderFeeds();
  if (state.leads) renderLeads();
  if (state.alertSubscriptions) renderAlerts();
  if (state.events) renderOutreach();
  renderStatus();
}

boot();
