/**
 * WGSL of `fn normals(id: u32, step: u32) -> Vec`: the DIM standard normals of particle `id` at
 * `step` from the counter RNG (`PHILOX_WGSL`), normal j from slot j % 4 of call j / 4, keyed by
 * `params.key` and the stream `stream` (a WGSL expression, e.g. `params.stream`). Needs `DIM`,
 * `Vec` and `params` declared, and `PHILOX_WGSL` prepended.
 */
export const normalsWgsl = (stream: string): string => /* wgsl */ `
fn normals(id: u32, step: u32) -> Vec {
  var z: Vec;
  for (var c = 0u; c < (DIM + 3u) / 4u; c++) {
    let four = counter_normals(counter_words(params.key, id, step, ${stream}, c));
    for (var s = 0u; s < 4u && 4u * c + s < DIM; s++) { z[4u * c + s] = four[s]; }
  }
  return z;
}
`;
