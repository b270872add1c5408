/**
 * A compiler of one base64 WebAssembly module, compiled once on first call, synchronously (the
 * kernels are a few kB, small enough for a browser's main thread): the module, or null where this
 * engine cannot compile it (no WebAssembly SIMD).
 */
export function compileOnce(base64: string): () => WebAssembly.Module | null {
  let compiled: WebAssembly.Module | null | undefined;
  return () => {
    if (compiled !== undefined) return compiled;
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    } catch {
      compiled = null;
    }
    return compiled;
  };
}
