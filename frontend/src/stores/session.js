import { defineStore } from 'pinia'
import * as authApi from '../api/auth.js'
import { allows, defaultWorkspace, visibleNav } from '../lib/permissions.js'

export const useSessionStore = defineStore('session', {
  state: () => ({ user: null, loaded: false }),
  getters: {
    isAuthenticated: (s) => !!s.user,
    permissions: (s) => new Set((s.user && s.user.permissions) || []),
    home: (s) => defaultWorkspace(s.user),
    nav: (s) => visibleNav(s.user),
  },
  actions: {
    /** One permission name, or an array meaning "any of these". */
    can(permission) {
      return allows(this.permissions, permission)
    },
    /** Loads /auth/me once per page load; a 401 just means "not signed in". */
    async load(force = false) {
      if (this.loaded && !force) return this.user
      try {
        this.user = await authApi.me()
      } catch (e) {
        if (e.status !== 401 && e.status !== 403) throw e
        this.user = null
      } finally {
        this.loaded = true
      }
      return this.user
    },
    async login(username, password) {
      await authApi.login(username, password)
      const user = await this.load(true)
      return user
    },
    async logout() {
      try {
        await authApi.logout()
      } finally {
        this.clear()
      }
    },
    /** The server said the password expired meanwhile (403 PASSWORD_EXPIRED): the shell forces the change dialog. */
    markPasswordExpired() {
      if (this.user) this.user = { ...this.user, passwordExpired: true }
    },
    clear() {
      this.user = null
      this.loaded = true
    },
  },
})
