// Types of build-server.mjs, for the bench (TypeScript) that imports it.
export declare const root: string
export declare const serverEntry: string
export declare function serverIsStale(): boolean
export declare function buildServer(): Promise<string>
export declare function ensureServer(): Promise<string>
