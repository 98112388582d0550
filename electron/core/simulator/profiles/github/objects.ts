import { isoUtc } from '../../clock'
import { enPools } from '../../data/en-pools'
import { streamFor } from '../../rng'

/**
 * GitHub REST objects as webhook payloads embed them. Each must satisfy GitHub's published
 * schemas (@octokit/webhooks-schemas, closed objects: no field more, none less), which the
 * simulator tests check for every event.
 */
type Json = Record<string, unknown>

export const API = 'https://api.github.com'
export const WEB = 'https://github.com'

export interface Actor { login: string; id: number; type?: 'User' | 'Organization' | 'Bot' }

/** A user of the universe: its login and id come from the seed. */
export function actorOf(seed: number, salt: string): Actor {
  const rng = streamFor(seed, `gh-user:${salt}`)
  const login = rng.pick(enPools().logins)
  return { login, id: 1_000_000 + (seed % 50_000_000) + rng.int(0, 999) }
}

export const ORG: Actor = { login: 'hooklab-demo', id: 90_000_001, type: 'Organization' }

const nodeId = (prefix: string, id: number) => `${prefix}_kgDO${Buffer.from(String(id)).toString('base64').replace(/=+$/, '')}`

export function user(a: Actor): Json {
  const base = `${API}/users/${a.login}`
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(a.type === 'Organization' ? 'O' : 'U', a.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${a.id}?v=4`,
    gravatar_id: '',
    url: base,
    html_url: `${WEB}/${a.login}`,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: a.type ?? 'User',
    site_admin: false,
  }
}

export interface Repo { name: string; id: number; owner: Actor; createdMs: number; pushedMs: number }

/** The one repository the demo hook is installed on (X-GitHub-Hook-Installation-Target-ID). */
export const REPO: Repo = { name: 'storefront', id: 700_000_001, owner: ORG, createdMs: Date.UTC(2023, 2, 14, 9, 30), pushedMs: Date.UTC(2023, 11, 31) }

/** The URL templates shared by `repository` and `repository-lite`. */
function repoUrls(r: Repo): Json {
  const full = `${r.owner.login}/${r.name}`
  const u = `${API}/repos/${full}`
  return {
    archive_url: `${u}/{archive_format}{/ref}`, assignees_url: `${u}/assignees{/user}`, blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`, collaborators_url: `${u}/collaborators{/collaborator}`, comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`, compare_url: `${u}/compare/{base}...{head}`, contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`, deployments_url: `${u}/deployments`, downloads_url: `${u}/downloads`, events_url: `${u}/events`,
    forks_url: `${u}/forks`, git_commits_url: `${u}/git/commits{/sha}`, git_refs_url: `${u}/git/refs{/sha}`, git_tags_url: `${u}/git/tags{/sha}`,
    hooks_url: `${u}/hooks`, html_url: `${WEB}/${full}`, issue_comment_url: `${u}/issues/comments{/number}`, issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`, keys_url: `${u}/keys{/key_id}`, labels_url: `${u}/labels{/name}`, languages_url: `${u}/languages`,
    merges_url: `${u}/merges`, milestones_url: `${u}/milestones{/number}`, notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`, releases_url: `${u}/releases{/id}`, stargazers_url: `${u}/stargazers`, statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`, subscription_url: `${u}/subscription`, tags_url: `${u}/tags`, teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`, url: u,
  }
}

export function repositoryLite(r: Repo): Json {
  return {
    ...repoUrls(r), description: 'Hooklab demo storefront', fork: false, full_name: `${r.owner.login}/${r.name}`,
    id: r.id, name: r.name, node_id: nodeId('R', r.id), owner: user(r.owner), private: false,
  }
}

export function repository(r: Repo, stars = 42): Json {
  const full = `${r.owner.login}/${r.name}`
  return {
    id: r.id, node_id: nodeId('R', r.id), name: r.name, full_name: full, private: false, owner: user(r.owner),
    description: 'Hooklab demo storefront', fork: false, ...repoUrls(r),
    created_at: isoUtc(r.createdMs), updated_at: isoUtc(r.pushedMs), pushed_at: isoUtc(r.pushedMs),
    git_url: `git://github.com/${full}.git`, ssh_url: `git@github.com:${full}.git`, clone_url: `${WEB}/${full}.git`, svn_url: `${WEB}/${full}`,
    homepage: null, size: 1024, stargazers_count: stars, watchers_count: stars, language: 'TypeScript',
    has_issues: true, has_projects: true, has_downloads: true, has_wiki: false, has_pages: false, has_discussions: false,
    forks_count: 3, mirror_url: null, archived: false, disabled: false, open_issues_count: 5, license: null,
    allow_forking: true, is_template: false, web_commit_signoff_required: false, topics: [], visibility: 'public',
    forks: 3, open_issues: 5, watchers: stars, default_branch: 'main', custom_properties: {},
  }
}

export const reactions = (url: string): Json => ({
  url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0,
})

export function label(seed: number): Json {
  const names = [['bug', 'd73a4a', "Something isn't working"], ['enhancement', 'a2eeef', 'New feature or request'], ['documentation', '0075ca', 'Improvements or additions to documentation']]
  const [name, color, description] = names[seed % names.length]
  const id = 4_000_000_000 + (seed % 3)
  return { id, node_id: nodeId('LA', id), url: `${API}/repos/${ORG.login}/${REPO.name}/labels/${name}`, name, color, default: true, description }
}

export const sha = (seed: number, salt: string) => streamFor(seed, `sha:${salt}`).hex(40)

export function app(): Json {
  return {
    id: 15368, node_id: 'MDM6QXBwMTUzNjg=', owner: user({ login: 'github', id: 9919, type: 'Organization' }), name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production', external_url: 'https://help.github.com/en/actions',
    html_url: `${WEB}/apps/github-actions`, created_at: '2018-07-30T09:30:17Z', updated_at: '2024-04-10T20:33:16Z',
  }
}

export const committer = (a: Actor) => ({ name: a.login, email: `${a.id}+${a.login}@users.noreply.github.com` })
