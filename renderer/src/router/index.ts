import type { Component } from 'vue'
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { BarChartOutline, FlashOutline, GitNetworkOutline, ListOutline, SettingsOutline } from '@vicons/ionicons5'
import { prefetchLog } from '../lib/logPrefetch'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the top bar's title. */
    title?: string
    /** Shown in the sidebar, in route order, with this label key and icon. */
    nav?: { label: string; icon: Component }
  }
}

/**
 * Every screen. A new screen is one row here: the sidebar and the top bar's title read
 * this list, so a route without `nav` is reachable by link only (UI.md: no dead links).
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'webhooks' } },
  {
    path: '/webhooks',
    name: 'webhooks',
    // Every screen has its own chunk: a link to one screen loads only what that screen needs.
    component: () => import('../views/WebhooksView.vue'),
    meta: { title: 'screen.webhooks', nav: { label: 'nav.webhooks', icon: GitNetworkOutline } },
  },
  {
    path: '/simulator',
    name: 'simulator',
    // Its own chunk: the code editor is loaded when the screen is first opened.
    component: () => import('../views/SimulatorView.vue'),
    meta: { title: 'screen.simulator', nav: { label: 'nav.simulator', icon: FlashOutline } },
  },
  {
    // Seed 000's "Xem nhật ký sự kiện". The filter lives in the query (?webhook=ID&status=…).
    path: '/log',
    name: 'log',
    component: () => import('../views/LogView.vue'),
    beforeEnter: prefetchLog,
    meta: { title: 'screen.log', nav: { label: 'nav.log', icon: ListOutline } },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    // Its own chunk: the chart library is loaded only when the dashboard is opened.
    component: () => import('../views/DashboardView.vue'),
    meta: { title: 'screen.dashboard', nav: { label: 'nav.dashboard', icon: BarChartOutline } },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('../views/SettingsView.vue'),
    meta: { title: 'screen.settings', nav: { label: 'nav.settings', icon: SettingsOutline } },
  },
  // An old or mistyped link lands on the start screen rather than a blank page.
  { path: '/:rest(.*)*', redirect: { name: 'webhooks' } },
]

/** Hash history: the desktop window loads a file:// page, where only the hash can change. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}

/** The sidebar's entries, in the order of `routes`. */
export const navRoutes = routes.filter((r): r is RouteRecordRaw & { name: string } => !!r.meta?.nav && typeof r.name === 'string')
