import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { createAppRouter } from './router'

// Wiring only: every behaviour lives in the stores, the router and the components.
createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app')
