import type { BrowserContext } from '@playwright/test'

export function measureLogScreen(context: BrowserContext, baseUrl: string, options?: { runs?: number; outcome?: string }): Promise<{ firstPage: number[]; filter: number[]; scripts: number[] }>
export function median(values: number[]): number
