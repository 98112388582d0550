export { startServer, type RunningServer, type ServeOptions } from './server'
