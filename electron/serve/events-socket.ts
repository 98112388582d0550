import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../core/types'

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
    close() {
      unsubscribe()
      for (const socket of sockets) socket.terminate()
      wss.close()
    },
  }
}
