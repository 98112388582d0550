import { isoUtc, momentOf } from '../clock'
import { HooklabError } from '../../contract/errors'
import { streamFor } from '../rng'
import type { Generated, GenContext, ProfileDefinition } from '../types'
import { checkRun, checkSuite, deployment, deploymentStatus, workflow, workflowJob, workflowRun } from './github/ci'
import { commit, issue, issueComment, numberOf, pullRequest, review } from './github/issues'
import { actorOf, committer, label, REPO, repository, sha, user } from './github/objects'

/**
 * GitHub: topics are events (`X-GitHub-Event`), the action is an option. Every event names
 * the demo repository and a sender; payloads follow @octokit/webhooks-schemas exactly.
 */
type Body = Record<string, unknown>
type Make = (seed: number, action: string, ctx: GenContext) => Body

interface EventSpec { actions: readonly string[]; make: Make }

const repo = () => repository(REPO)
const sender = (seed: number) => user(actorOf(seed, 'sender'))
const base = (seed: number) => ({ repository: repo(), sender: sender(seed) })

const EVENTS: Record<string, EventSpec> = {
  push: {
    actions: [],
    make: (seed) => {
      const commits = [commit(seed, 0), commit(seed, 1)]
      const before = sha(seed, 'base')
      const after = commits[1].id as string
      const pusher = committer(actorOf(seed, 'pusher'))
      return {
        ref: 'refs/heads/main', before, after, repository: repo(), pusher, sender: sender(seed), created: false, deleted: false, forced: false,
        base_ref: null, compare: `https://github.com/${REPO.owner.login}/${REPO.name}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
        commits, head_commit: commits[1],
      }
    },
  },
  pull_request: {
    actions: ['opened', 'closed', 'reopened'],
    make: (seed, action) => ({ action, number: numberOf(seed), pull_request: pullRequest(seed, action === 'closed' ? 'closed' : 'open', false, repo()), ...base(seed) }),
  },
  pull_request_review: {
    actions: ['submitted'],
    make: (seed, action) => ({ action, review: review(seed), pull_request: pullRequest(seed, 'open', true, repo()), ...base(seed) }),
  },
  issues: {
    actions: ['opened', 'closed', 'reopened'],
    make: (seed, action) => ({ action, issue: issue(seed, action === 'closed' ? 'closed' : 'open'), ...base(seed) }),
  },
  issue_comment: { actions: ['created'], make: (seed, action) => ({ action, issue: issue(seed, 'open'), comment: issueComment(seed), ...base(seed) }) },
  create: {
    actions: [],
    make: (seed) => ({ ref: `feature/${numberOf(seed)}`, ref_type: 'branch', master_branch: 'main', description: null, pusher_type: 'user', ...base(seed) }),
  },
  delete: { actions: [], make: (seed) => ({ ref: `feature/${numberOf(seed)}`, ref_type: 'branch', pusher_type: 'user', ...base(seed) }) },
  release: {
    actions: ['published'],
    make: (seed, action) => {
      const id = 150_000_000 + seed
      const tag = `v1.${seed >>> 16}.${(seed >>> 8) & 0xff}`
      const at = isoUtc(momentOf(seed))
      const api = `https://api.github.com/repos/${REPO.owner.login}/${REPO.name}`
      return {
        action,
        release: {
          url: `${api}/releases/${id}`, assets_url: `${api}/releases/${id}/assets`, upload_url: `https://uploads.github.com/repos/${REPO.owner.login}/${REPO.name}/releases/${id}/assets{?name,label}`,
          html_url: `https://github.com/${REPO.owner.login}/${REPO.name}/releases/tag/${tag}`, id, node_id: `RE_kwDO${id.toString(36)}`, tag_name: tag,
          target_commitish: 'main', name: tag, draft: false, author: user(actorOf(seed, 'pusher')), prerelease: false, created_at: at, published_at: at,
          assets: [], tarball_url: `${api}/tarball/${tag}`, zipball_url: `${api}/zipball/${tag}`, body: 'Bug fixes and improvements.',
        },
        ...base(seed),
      }
    },
  },
  fork: {
    actions: [],
    make: (seed) => {
      const who = actorOf(seed, 'sender')
      const at = momentOf(seed)
      return { forkee: { ...repository({ ...REPO, id: 800_000_000 + (seed % 100_000_000), owner: who, createdMs: at, pushedMs: at }), fork: true, public: true }, ...base(seed) }
    },
  },
  star: { actions: ['created'], make: (seed, action) => ({ action, starred_at: isoUtc(momentOf(seed)), ...base(seed) }) },
  watch: { actions: ['started'], make: (seed, action) => ({ action, ...base(seed) }) },
  workflow_run: {
    actions: ['requested', 'completed'],
    make: (seed, action) => ({ action, workflow: workflow(), workflow_run: workflowRun(seed, action === 'completed' ? 'completed' : 'requested'), ...base(seed) }),
  },
  workflow_job: { actions: ['queued'], make: (seed, action) => ({ action, workflow_job: workflowJob(seed), ...base(seed) }) },
  check_run: { actions: ['created'], make: (seed, action) => ({ action, check_run: checkRun(seed), ...base(seed) }) },
  check_suite: { actions: ['requested'], make: (seed, action) => ({ action, check_suite: checkSuite(seed, 'queued'), ...base(seed) }) },
  deployment: {
    actions: ['created'],
    make: (seed, action) => ({ action, deployment: deployment(seed), workflow: null, workflow_run: null, ...base(seed) }),
  },
  deployment_status: {
    actions: ['created'],
    make: (seed, action) => ({ action, deployment_status: deploymentStatus(seed), deployment: deployment(seed), ...base(seed) }),
  },
  repository: { actions: ['created'], make: (seed, action) => ({ action, ...base(seed) }) },
  member: {
    actions: ['added'],
    make: (seed, action) => ({ action, member: user(actorOf(seed, 'member')), changes: { permission: { to: 'write' } }, ...base(seed) }),
  },
  label: { actions: ['created'], make: (seed, action) => ({ action, label: label(seed), ...base(seed) }) },
}

const ZEN = ['Design for failure.', 'Keep it logically awesome.', 'Speak like a human.', 'Half measures are as bad as nothing at all.', 'Mind your words, they are important.', 'Practicality beats purity.', 'Non-blocking is better than blocking.']

function ping(ctx: GenContext): Generated {
  const hookUrl = `https://api.github.com/repos/${REPO.owner.login}/${REPO.name}/hooks/${ctx.webhookId}`
  const at = isoUtc(momentOf(ctx.seed))
  return {
    root: 'ping',
    data: {
      zen: streamFor(ctx.seed, 'zen').pick(ZEN),
      hook_id: ctx.webhookId,
      hook: {
        type: 'Repository', id: ctx.webhookId, name: 'web', active: true, events: ['*'],
        config: { content_type: 'json', insecure_ssl: '0', url: 'http://127.0.0.1/' },
        updated_at: at, created_at: at, url: hookUrl, test_url: `${hookUrl}/test`, ping_url: `${hookUrl}/pings`, deliveries_url: `${hookUrl}/deliveries`,
        last_response: { code: null, status: 'unused', message: null },
      },
      repository: repo(),
      sender: sender(ctx.seed),
    },
  }
}

/** The actions a GitHub event supports here, the first being the default ([] = no action). */
export function githubActions(topic: string): readonly string[] {
  return EVENTS[topic]?.actions ?? []
}

const generators: Record<string, (ctx: GenContext) => Generated> = { ping }
for (const [event, spec] of Object.entries(EVENTS)) {
  generators[event] = (ctx) => {
    const action = ctx.action ?? spec.actions[0] ?? ''
    if (spec.actions.length === 0 ? ctx.action !== undefined : !spec.actions.includes(action)) {
      throw new HooklabError('invalid_input', `GitHub ${event} events have no action ${ctx.action ?? ''} here (${spec.actions.join(', ') || 'none'})`, { action: ['invalid'] })
    }
    return { root: event, data: spec.make(ctx.seed, action, ctx) }
  }
}

/** X-GitHub-Hook-Installation-Target-ID names the repository the hook is on. */
export const github: ProfileDefinition = {
  generators,
  headers(topic, ctx) {
    return {
      'X-GitHub-Event': topic,
      'X-GitHub-Hook-ID': String(ctx.webhookId),
      'X-GitHub-Hook-Installation-Target-Type': 'repository',
      'X-GitHub-Hook-Installation-Target-ID': String(REPO.id),
      'User-Agent': 'GitHub-Hookshot/3b4d5e1',
    }
  },
}
