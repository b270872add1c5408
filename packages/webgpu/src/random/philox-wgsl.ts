/**
 * Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3",
 * SC 2011) in WGSL, bit for bit equal to core's `philox4x32` and `counterWords`, with the counter
 * RNG's uniforms and normals (equal to core's `counterUniforms` bit for bit and `counterNormals`
 * within about 1e-5). Prepend it to a kernel's source. It declares:
 *
 * - `fn philox4x32_10(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32>`: one call, four words.
 *   WGSL has no 64-bit integers: the high word of a 32x32-bit product comes from 16-bit halves.
 * - `fn counter_words(key: vec2<u32>, id: u32, step: u32, stream: u32, call: u32) -> vec4<u32>`:
 *   counter (id, step, stream, call), key = (seed mod 2^32, floor(seed / 2^32)) (`counterKey`).
 * - `fn counter_uniforms(words: vec4<u32>) -> vec4<f32>`: `(f32(w >> 9) + 0.5) * 2^-23`, in (0, 1).
 * - `fn counter_normals(words: vec4<u32>) -> vec4<f32>`: Box-Muller on (u0, u1) and (u2, u3).
 *   Normal j of a particle at a step is slot j % 4 of call j / 4.
 *
 * Box-Muller brings its own `ln`, `cos` and `sin` (`counter_log`, `counter_cos_sin_turns`:
 * polynomials, accurate to float32 rounding): WGSL only bounds its built-ins' absolute error
 * (`cos` to 2^-11; SwiftShader's is off by 2e-4), and GPUs of different vendors should agree.
 *
 * @example
 * const code = `${PHILOX_WGSL}
 * @compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3<u32>) {
 *   let z = counter_normals(counter_words(params.key, ids[g.x], params.step, params.stream, 0u));
 * }`;
 */
export const PHILOX_WGSL = /* wgsl */ `
const PHILOX_M0: u32 = 0xd2511f53u;
const PHILOX_M1: u32 = 0xcd9e8d57u;
const PHILOX_W0: u32 = 0x9e3779b9u;
const PHILOX_W1: u32 = 0xbb67ae85u;

// (high, low) words of the 64-bit product a * b, from 16-bit halves.
fn philox_mulhilo(a: u32, b: u32) -> vec2<u32> {
  let a0 = a & 0xffffu;
  let a1 = a >> 16u;
  let b0 = b & 0xffffu;
  let b1 = b >> 16u;
  let p01 = a0 * b1;
  let p10 = a1 * b0;
  let mid = ((a0 * b0) >> 16u) + (p01 & 0xffffu) + (p10 & 0xffffu);
  let hi = a1 * b1 + (p01 >> 16u) + (p10 >> 16u) + (mid >> 16u);
  return vec2<u32>(hi, a * b);
}

fn philox4x32_10(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var c = counter;
  var k = key;
  for (var i = 0u; i < 10u; i++) {
    if (i > 0u) {
      k = k + vec2<u32>(PHILOX_W0, PHILOX_W1);
    }
    let p0 = philox_mulhilo(PHILOX_M0, c.x);
    let p1 = philox_mulhilo(PHILOX_M1, c.z);
    c = vec4<u32>(p1.x ^ c.y ^ k.x, p1.y, p0.x ^ c.w ^ k.y, p0.y);
  }
  return c;
}

fn counter_words(key: vec2<u32>, id: u32, step: u32, stream: u32, call: u32) -> vec4<u32> {
  return philox4x32_10(vec4<u32>(id, step, stream, call), key);
}

fn counter_uniforms(words: vec4<u32>) -> vec4<f32> {
  return (vec4<f32>(words >> vec4<u32>(9u)) + 0.5) * 1.1920928955078125e-7;
}

// ln u for u > 0 (normal): u = m 2^e with m in [sqrt(1/2), sqrt(2)], ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
// Relative error a few ulp everywhere, near u = 1 too (WGSL's log, and SwiftShader's, are only absolutely accurate there).
fn counter_log(u: f32) -> f32 {
  let bits = bitcast<u32>(u);
  var e = f32(i32(bits >> 23u) - 127);
  var m = bitcast<f32>((bits & 0x007fffffu) | 0x3f800000u);
  if (m > 1.4142135623730951) {
    m = 0.5 * m;
    e = e + 1.0;
  }
  let s = (m - 1.0) / (m + 1.0);
  let s2 = s * s;
  let series = 1.0 + s2 * (0.3333333333333333 + s2 * (0.2 + s2 * (0.14285714285714285 + s2 * 0.1111111111111111)));
  return e * 0.6931471805599453 + 2.0 * s * series;
}

// (cos(2 pi t), sin(2 pi t)) for t in [0, 1]: t = q / 4 + r with r in [-1/8, 1/8] (exact), x = 2 pi r in [-pi/4, pi/4],
// Taylor polynomials to x^10 and x^9 (error < 2e-9), rotated by the quarter turns q. WGSL's cos and sin are only
// bounded to 2^-11 (SwiftShader's err by 2e-4): these agree with float64 to float32 rounding on every GPU.
fn counter_cos_sin_turns(t: f32) -> vec2<f32> {
  let q = round(4.0 * t);
  let x = 6.283185307179586 * (t - 0.25 * q);
  let x2 = x * x;
  let c = 1.0 + x2 * (-0.5 + x2 * (0.041666666666666664 + x2 * (-0.001388888888888889 + x2 * (2.48015873015873e-5 - x2 * 2.755731922398589e-7))));
  let s = x * (1.0 + x2 * (-0.16666666666666666 + x2 * (0.008333333333333333 + x2 * (-0.0001984126984126984 + x2 * 2.7557319223985893e-6))));
  switch (u32(q) & 3u) {
    case 1u: { return vec2<f32>(-s, c); }
    case 2u: { return vec2<f32>(-c, -s); }
    case 3u: { return vec2<f32>(s, -c); }
    default: { return vec2<f32>(c, s); }
  }
}

fn counter_normals(words: vec4<u32>) -> vec4<f32> {
  let u = counter_uniforms(words);
  let r01 = sqrt(-2.0 * counter_log(u.x));
  let r23 = sqrt(-2.0 * counter_log(u.z));
  return vec4<f32>(r01 * counter_cos_sin_turns(u.y), r23 * counter_cos_sin_turns(u.w));
}
`;
