import { isoUtc, momentOf } from '../../clock'
import { enPools } from '../../data/en-pools'
import { streamFor } from '../../rng'
import { actorOf, API, committer, label, reactions, REPO, sha, user, WEB } from './objects'

/** Issues, pull requests, reviews and comments of the demo repository. */
type Json = Record<string, unknown>

const REPO_API = `${API}/repos/${REPO.owner.login}/${REPO.name}`
const REPO_WEB = `${WEB}/${REPO.owner.login}/${REPO.name}`

export const numberOf = (seed: number) => 1 + (seed >>> 12)
const title = (seed: number) => {
  const s = enPools().sentences[seed % enPools().sentences.length]
  return s.charAt(0).toUpperCase() + s.slice(1).replace(/[.!]$/, '')
}

export function issue(seed: number, state: 'open' | 'closed'): Json {
  const n = numberOf(seed)
  const id = 2_000_000_000 + seed
  const created = momentOf(seed)
  const url = `${REPO_API}/issues/${n}`
  return {
    url, repository_url: REPO_API, labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`, events_url: `${url}/events`,
    html_url: `${REPO_WEB}/issues/${n}`, id, node_id: `I_kwDO${id.toString(36)}`, number: n, title: title(seed),
    user: user(actorOf(seed, 'author')), labels: [label(seed)], state, locked: false, assignee: null, assignees: [],
    milestone: null, comments: 0, created_at: isoUtc(created), updated_at: isoUtc(created), closed_at: state === 'closed' ? isoUtc(created + 3600_000) : null,
    author_association: 'CONTRIBUTOR', active_lock_reason: null, body: 'Steps to reproduce are in the description.', reactions: reactions(url),
    timeline_url: `${url}/timeline`, performed_via_github_app: null, state_reason: state === 'closed' ? 'completed' : null,
  }
}

export function issueComment(seed: number): Json {
  const n = numberOf(seed)
  const id = 3_000_000_000 + seed
  const at = isoUtc(momentOf(seed) + 600_000)
  const url = `${REPO_API}/issues/comments/${id}`
  return {
    url, html_url: `${REPO_WEB}/issues/${n}#issuecomment-${id}`, issue_url: `${REPO_API}/issues/${n}`, id, node_id: `IC_kwDO${id.toString(36)}`,
    user: user(actorOf(seed, 'commenter')), created_at: at, updated_at: at, author_association: 'MEMBER', body: 'Thanks, looking into it.',
    reactions: reactions(url), performed_via_github_app: null,
  }
}

function branchRef(ref: string, withSha: string) {
  return { label: `${REPO.owner.login}:${ref}`, ref, sha: withSha, user: user(REPO.owner), repo: null }
}

/** A pull request: `simple` drops the counters that pull_request_review's copy has no room for. */
export function pullRequest(seed: number, state: 'open' | 'closed', simple: boolean, repo: Json): Json {
  const n = numberOf(seed)
  const id = 1_500_000_000 + seed
  const created = momentOf(seed)
  const url = `${REPO_API}/pulls/${n}`
  const head = { ...branchRef(`feature/${enPools().words[seed % 64].toLowerCase().replace(/[^a-z0-9]/g, '')}-${n}`, sha(seed, 'head')), repo }
  const base = { ...branchRef('main', sha(seed, 'base')), repo }
  const link = (href: string) => ({ href })
  const out: Json = {
    url, id, node_id: `PR_kwDO${id.toString(36)}`, html_url: `${REPO_WEB}/pull/${n}`, diff_url: `${REPO_WEB}/pull/${n}.diff`, patch_url: `${REPO_WEB}/pull/${n}.patch`,
    issue_url: `${REPO_API}/issues/${n}`, number: n, state, locked: false, title: title(seed), user: user(actorOf(seed, 'author')),
    body: 'This change is described in the linked issue.', created_at: isoUtc(created), updated_at: isoUtc(created),
    closed_at: state === 'closed' ? isoUtc(created + 7200_000) : null, merged_at: null, merge_commit_sha: null,
    assignee: null, assignees: [], requested_reviewers: [], requested_teams: [], labels: [], milestone: null, draft: false,
    commits_url: `${url}/commits`, review_comments_url: `${url}/comments`, review_comment_url: `${REPO_API}/pulls/comments{/number}`,
    comments_url: `${REPO_API}/issues/${n}/comments`, statuses_url: `${REPO_API}/statuses/${head.sha}`, head, base,
    _links: {
      self: link(url), html: link(`${REPO_WEB}/pull/${n}`), issue: link(`${REPO_API}/issues/${n}`), comments: link(`${REPO_API}/issues/${n}/comments`),
      review_comments: link(`${url}/comments`), review_comment: link(`${REPO_API}/pulls/comments{/number}`), commits: link(`${url}/commits`), statuses: link(`${REPO_API}/statuses/${head.sha}`),
    },
    author_association: 'CONTRIBUTOR', auto_merge: null, active_lock_reason: null,
  }
  if (simple) return out
  const rng = streamFor(seed, 'gh-pr-stats')
  return {
    ...out, merged: false, mergeable: null, rebaseable: null, mergeable_state: 'unknown', merged_by: null, comments: 0, review_comments: 0,
    maintainer_can_modify: false, commits: rng.int(1, 6), additions: rng.int(1, 400), deletions: rng.int(0, 120), changed_files: rng.int(1, 12),
  }
}

export function review(seed: number): Json {
  const n = numberOf(seed)
  const id = 1_800_000_000 + seed
  return {
    id, node_id: `PRR_kwDO${id.toString(36)}`, user: user(actorOf(seed, 'reviewer')), body: 'Looks good to me.', commit_id: sha(seed, 'head'),
    submitted_at: isoUtc(momentOf(seed) + 1800_000), state: 'approved', html_url: `${REPO_WEB}/pull/${n}#pullrequestreview-${id}`,
    pull_request_url: `${REPO_API}/pulls/${n}`, author_association: 'MEMBER',
    _links: { html: { href: `${REPO_WEB}/pull/${n}#pullrequestreview-${id}` }, pull_request: { href: `${REPO_API}/pulls/${n}` } },
  }
}

/** A pushed commit (push event). */
export function commit(seed: number, i: number): Json {
  const id = sha(seed, `commit${i}`)
  const who = committer(actorOf(seed, 'pusher'))
  return {
    id, tree_id: sha(seed, `tree${i}`), distinct: true, message: title(seed + i), timestamp: isoUtc(momentOf(seed) - (2 - i) * 60_000),
    url: `${REPO_WEB}/commit/${id}`, author: who, committer: who, added: [], removed: [], modified: ['src/index.ts'],
  }
}
