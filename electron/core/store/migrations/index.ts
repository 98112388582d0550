import type { Migration } from '../migrate'
import init from './001-init.sql?raw'
import sealed from './002-sealed-credentials-and-search.sql?raw'
import outbox from './003-events-and-deliveries.sql?raw'
import bursts from './004-bursts.sql?raw'
import templates from './005-templates.sql?raw'
import topicTemplates from './006-custom-topic-templates.sql?raw'
import eventLog from './007-event-log.sql?raw'
import replays from './008-replays.sql?raw'
import waitingByWebhook from './009-waiting-by-webhook.sql?raw'

/** Append only: a shipped migration never changes (its checksum is checked at start). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-init', sql: init },
  { version: 2, name: '002-sealed-credentials-and-search', sql: sealed },
  { version: 3, name: '003-events-and-deliveries', sql: outbox },
  { version: 4, name: '004-bursts', sql: bursts },
  { version: 5, name: '005-templates', sql: templates },
  { version: 6, name: '006-custom-topic-templates', sql: topicTemplates },
  { version: 7, name: '007-event-log', sql: eventLog },
  { version: 8, name: '008-replays', sql: replays },
  { version: 9, name: '009-waiting-by-webhook', sql: waitingByWebhook },
]
