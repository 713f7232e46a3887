/**
 * xterm.js colours matching Starlight's light and dark themes (its grays and accent), with ANSI
 * palettes chosen for at least 4.5:1 contrast against each background. `watchTheme` follows the
 * site's theme switch (`<html data-theme>`).
 */
import type { ITheme } from '@xterm/xterm';

export type SiteTheme = 'light' | 'dark';

export const DARK: ITheme = {
  background: '#17181c',
  foreground: '#e3e5ea',
  cursor: '#8fa6ff',
  cursorAccent: '#17181c',
  selectionBackground: '#3b4a7a',
  black: '#4a4d57',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#e3e5ea',
  brightBlack: '#8b919e',
  brightRed: '#ffa198',
  brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

export const LIGHT: ITheme = {
  background: '#f6f7f9',
  foreground: '#23262f',
  cursor: '#3146d4',
  cursorAccent: '#f6f7f9',
  selectionBackground: '#c9d1f5',
  black: '#23262f',
  red: '#b3261e',
  green: '#1a7f37',
  yellow: '#7d5800',
  blue: '#0b57d0',
  magenta: '#8e24aa',
  cyan: '#006b75',
  white: '#5b606b',
  brightBlack: '#5b606b',
  brightRed: '#a40e26',
  brightGreen: '#116329',
  brightYellow: '#6b4b00',
  brightBlue: '#0a3069',
  brightMagenta: '#6a1b9a',
  brightCyan: '#00545c',
  brightWhite: '#23262f',
};

export function currentTheme(): SiteTheme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

export function themeFor(t: SiteTheme): ITheme {
  return t === 'light' ? LIGHT : DARK;
}

/** Calls `onChange` whenever the site's theme changes; returns a function that stops watching. */
export function watchTheme(onChange: (t: SiteTheme) => void): () => void {
  const observer = new MutationObserver(() => onChange(currentTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
