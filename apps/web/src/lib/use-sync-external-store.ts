/**
 * `use-sync-external-store/shim` for React 18 and later, which has the hook itself:
 * react-i18next imports the shim, whose fallback for older React would otherwise ship with
 * every page (vite.config.ts points the shim here).
 */
export { useSyncExternalStore } from 'react'
