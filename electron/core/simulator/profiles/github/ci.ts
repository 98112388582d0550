import { isoUtc, momentOf } from '../../clock'
import { actorOf, API, app, committer, REPO, repositoryLite, sha, user, WEB } from './objects'

/** Actions, checks and deployments of the demo repository. */
type Json = Record<string, unknown>

const REPO_API = `${API}/repos/${REPO.owner.login}/${REPO.name}`
const REPO_WEB = `${WEB}/${REPO.owner.login}/${REPO.name}`
const WORKFLOW_ID = 80_000_001

export function workflow(): Json {
  const at = isoUtc(REPO.createdMs)
  return {
    badge_url: `${REPO_WEB}/workflows/CI/badge.svg`, created_at: at, html_url: `${REPO_WEB}/blob/main/.github/workflows/ci.yml`,
    id: WORKFLOW_ID, name: 'CI', node_id: 'W_kwDOKhooklab', path: '.github/workflows/ci.yml', state: 'active', updated_at: at,
    url: `${REPO_API}/actions/workflows/${WORKFLOW_ID}`,
  }
}

const runId = (seed: number) => 9_000_000_000 + seed
const suiteId = (seed: number) => 20_000_000_000 + seed

export function workflowRun(seed: number, status: 'requested' | 'completed'): Json {
  const id = runId(seed)
  const at = isoUtc(momentOf(seed))
  const head = sha(seed, 'head')
  const actor = user(actorOf(seed, 'pusher'))
  const url = `${REPO_API}/actions/runs/${id}`
  return {
    artifacts_url: `${url}/artifacts`, cancel_url: `${url}/cancel`, check_suite_url: `${REPO_API}/check-suites/${suiteId(seed)}`,
    check_suite_id: suiteId(seed), check_suite_node_id: `CS_kwDO${suiteId(seed).toString(36)}`, conclusion: status === 'completed' ? 'success' : null,
    created_at: at, event: 'push', head_branch: 'main',
    head_commit: { id: head, tree_id: sha(seed, 'tree0'), message: 'Update checkout flow', timestamp: at, author: committer(actorOf(seed, 'pusher')), committer: committer(actorOf(seed, 'pusher')) },
    head_repository: repositoryLite(REPO), head_sha: head, html_url: `${REPO_WEB}/actions/runs/${id}`, id, jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`, node_id: `WFR_kwLO${id.toString(36)}`, name: 'CI', pull_requests: [], repository: repositoryLite(REPO),
    rerun_url: `${url}/rerun`, run_number: 1 + (seed >>> 10), status, updated_at: at, url, workflow_id: WORKFLOW_ID,
    workflow_url: `${REPO_API}/actions/workflows/${WORKFLOW_ID}`, run_attempt: 1, run_started_at: at, previous_attempt_url: null,
    actor, triggering_actor: actor, path: '.github/workflows/ci.yml', display_title: 'Update checkout flow',
    referenced_workflows: [],
  }
}

export function workflowJob(seed: number): Json {
  const id = 30_000_000_000 + seed
  const at = isoUtc(momentOf(seed))
  return {
    id, run_id: runId(seed), run_url: `${REPO_API}/actions/runs/${runId(seed)}`, run_attempt: 1, node_id: `CR_kwDO${id.toString(36)}`,
    head_sha: sha(seed, 'head'), url: `${REPO_API}/actions/jobs/${id}`, html_url: `${REPO_WEB}/actions/runs/${runId(seed)}/job/${id}`,
    status: 'queued', conclusion: null, started_at: at, completed_at: null, created_at: at, name: 'test', steps: [],
    check_run_url: `${REPO_API}/check-runs/${id}`, labels: ['ubuntu-latest'], runner_id: null, runner_name: null,
    runner_group_id: null, runner_group_name: null, workflow_name: 'CI', head_branch: 'main',
  }
}

export function checkSuite(seed: number, status: 'queued' | 'completed'): Json {
  const id = suiteId(seed)
  const at = isoUtc(momentOf(seed))
  const head = sha(seed, 'head')
  return {
    id, node_id: `CS_kwDO${id.toString(36)}`, head_branch: 'main', head_sha: head, status, conclusion: status === 'completed' ? 'success' : null,
    url: `${REPO_API}/check-suites/${id}`, before: sha(seed, 'base'), after: head, pull_requests: [], app: app(), created_at: at, updated_at: at,
    latest_check_runs_count: 1, check_runs_url: `${REPO_API}/check-suites/${id}/check-runs`,
    head_commit: { id: head, tree_id: sha(seed, 'tree0'), message: 'Update checkout flow', timestamp: at, author: committer(actorOf(seed, 'pusher')), committer: committer(actorOf(seed, 'pusher')) },
    rerequestable: true, runs_rerequestable: true,
  }
}

export function checkRun(seed: number): Json {
  const id = 30_000_000_000 + seed
  const at = isoUtc(momentOf(seed))
  const suite = checkSuite(seed, 'queued')
  return {
    id, node_id: `CR_kwDO${id.toString(36)}`, head_sha: sha(seed, 'head'), external_id: String(id), url: `${REPO_API}/check-runs/${id}`,
    html_url: `${REPO_WEB}/runs/${id}`, details_url: `${REPO_WEB}/runs/${id}`, status: 'queued', conclusion: null, started_at: at, completed_at: null,
    output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: `${REPO_API}/check-runs/${id}/annotations` },
    name: 'test',
    check_suite: {
      id: suite.id, node_id: suite.node_id, head_branch: 'main', head_sha: suite.head_sha, status: 'queued', conclusion: null, url: suite.url,
      before: suite.before, after: suite.after, pull_requests: [], app: app(), created_at: at, updated_at: at,
    },
    app: app(), pull_requests: [],
  }
}

export function deployment(seed: number): Json {
  const id = 1_100_000_000 + seed
  const at = isoUtc(momentOf(seed))
  return {
    url: `${REPO_API}/deployments/${id}`, id, node_id: `DE_kwDO${id.toString(36)}`, sha: sha(seed, 'head'), ref: 'main', task: 'deploy',
    payload: {}, original_environment: 'production', environment: 'production', description: null, creator: user(actorOf(seed, 'pusher')),
    created_at: at, updated_at: at, statuses_url: `${REPO_API}/deployments/${id}/statuses`, repository_url: REPO_API,
    transient_environment: false, production_environment: true,
  }
}

export function deploymentStatus(seed: number): Json {
  const id = 1_200_000_000 + seed
  const dep = 1_100_000_000 + seed
  const at = isoUtc(momentOf(seed) + 120_000)
  return {
    url: `${REPO_API}/deployments/${dep}/statuses/${id}`, id, node_id: `DES_kwDO${id.toString(36)}`, state: 'success',
    creator: user(actorOf(seed, 'pusher')), description: 'Deployed', environment: 'production', target_url: 'https://hooklab-demo.example',
    created_at: at, updated_at: at, deployment_url: `${REPO_API}/deployments/${dep}`, repository_url: REPO_API,
    environment_url: 'https://hooklab-demo.example', log_url: 'https://hooklab-demo.example', performed_via_github_app: null,
  }
}
