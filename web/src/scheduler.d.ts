// React's scheduler (a dependency of react-dom) ships no types; this is the one export main.tsx uses.
declare module 'scheduler' {
  export function unstable_forceFrameRate(fps: number): void
}
