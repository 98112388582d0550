import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../core/types'

/** How long a client has to answer our close frame before its socket is cut. */
const CLOSE_HANDSHAKE_MS = 1000

/**
 * `/events`: every event the core pushes, as `{"event", "payload"}` text frames.
 * The upgrade is authorised by the caller (the guard) before it reaches here.
 */
export function createEventsSocket(core: Core) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const sockets = new Set<WebSocket>()
  const unsubscribe = core.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload })
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(frame)
  })
  // Clients never need to talk back; anything they send is ignored.
  wss.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => sockets.delete(socket))
  })
  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    /** Says goodbye with a close frame (1001 going away); a client that does not answer is cut after a second. */
    close(): Promise<void> {
      unsubscribe()
      const goodbyes = [...sockets].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve()
            const cut = setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS)
            socket.once('close', () => {
              clearTimeout(cut)
              resolve()
            })
            socket.close(1001, 'Hooklab is stopping')
          }),
      )
      return Promise.all(goodbyes).then(
        () => new Promise<void>((resolve) => wss.close(() => resolve())),
      )
    },
  }
}
