;; scoreflow's CPU kernels in WebAssembly with 128-bit SIMD (see README "WebAssembly kernels").
;; Assembled by wabt's wat2wasm (`npm run build:wasm -w @scoreflow/samplers`) into kernels-wasm.ts;
;; a spec checks that the checked-in bytes are this file's.
;;
;; Every kernel repeats the TypeScript path's arithmetic operation for operation, in float64 where
;; the TypeScript computes in float64 (JavaScript numbers) and rounding to float32 where it stores
;; into a Float32Array, so its results are bit-identical to it (no fused multiply-add, no
;; reassociation: WebAssembly has neither).
;;
;; Memory layout (bytes), written by wasm-kernels.ts:
;;   0     xoshiro128** state: four i32 words
;;   64    ziggurat layer edges X[0..128], f64 (core's ZIGGURAT_TABLES.edges)
;;   1152  ziggurat ratios X[i+1] / X[i], i < 128, f64
;;   2176  2^m for m = -128..127, f64 (core's EXP_CLAMPED_TABLES.pow2Int)
;;   4224  2^(k/256) for k = 0..255, f64 (EXP_CLAMPED_TABLES.pow2Frac)
;;   6272  expClamped's constants: limit, steps per ln 2, round (1.5 2^52), ln 2 per step, f64
;;   6400  scratch float32 (skipped normals land here)
;;   8192  particle data (x, z) of one chunk: x at 8192, z at 16384
;;   24576 heunStep's constants: the mixture at t (9 f64), at 24656 the mixture at the step's end,
;;         at 24736 the step's numbers (10 f64; see heunStep)
;;   24816 the MCMC target: the mixture at t = 0 (9 f64 as heunStep's), then c_0 and c_1 (f64)
;;   25088 a mixture of K components (any K up to 256, see $scoreK): per component a_0, a_1
;;         (centre), p_0, p_1 (precisions), c (log normaliser), f64: mixtureStep's, and heunStep's
;;         at the step's start; at 35328 heunStep's at the step's end; to 45568
;;   45568 $scoreK's scratch: one f64x2 per component (logits, then their exponentials), to 49664
;;   65536 the MCMC chunk of up to 1,024 chains (see mcmcStep): x f32 x 2 at +0, gradient f32 x 2
;;         at +8192, log density f64 at +16384, step size f64 at +24576, normals f64 x 2 at +32768,
;;         uniforms f64 at +49152, alpha f64 at +57344, accepted u8 at +65536
;;   135168 HMC's scratch (see hmcLeapfrog), to 192512 (memory of 3 pages); heunStep's, to 167936
(module
  (import "env" "memory" (memory 1))
  ;; Math.exp and Math.log of the JavaScript engine: V8 calls its own C functions for them directly,
  ;; so the MCMC kernels' log densities and accept tests are those of the TypeScript path bit for bit.
  (import "Math" "exp" (func $exp (param f64) (result f64)))
  (import "Math" "log" (func $log (param f64) (result f64)))
  ;; $next: xoshiro128** (Blackman and Vigna 2018) on the state at address 0: the next 32-bit word.
  (func $next (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $t i32) (local $w i32)
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
    (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (i32.rotl (local.get $s3) (i32.const 11)))
    (local.get $w))

  ;; $open01: a uniform in (0, 1), never 0, (w + 1/2) 2^-32 (core's open01).
  (func $open01 (result f64)
    (f64.mul (f64.add (f64.convert_i32_u (call $next)) (f64.const 0.5)) (f64.const 0x1p-32)))

  ;; $wedge(u, layer): the ziggurat's slow path, core's `wedge` and `tail` operation for operation,
  ;; drawing from the state at address 0 (which holds the state after the word that gave u and the
  ;; layer): the tail |x| > R by Marsaglia's (1964) exponential rejection, or the wedge test
  ;; f1 + U (f0 - f1) < 1 with Math.exp (imported: the engine's own), else a fresh draw. About 1.2%
  ;; of draws come here.
  (func $wedge (param $u f64) (param $layer i32) (result f64)
    (local $x f64) (local $y f64) (local $f0 f64) (local $f1 f64) (local $w i32) (local $at i32)
    (loop $again
      (if (i32.eqz (local.get $layer))
        (then
          ;; the tail: x = log(U) / R, y = log(U') until -2 y >= x^2; R - x, or x - R below zero
          (loop $tail
            (local.set $x (f64.div (call $log (call $open01)) (f64.const 3.442619855899)))
            (local.set $y (call $log (call $open01)))
            (br_if $tail (f64.lt (f64.mul (f64.const -2) (local.get $y)) (f64.mul (local.get $x) (local.get $x)))))
          (return
            (if (result f64) (f64.lt (local.get $u) (f64.const 0))
              (then (f64.sub (local.get $x) (f64.const 3.442619855899)))
              (else (f64.sub (f64.const 3.442619855899) (local.get $x)))))))
      (local.set $at (i32.shl (local.get $layer) (i32.const 3)))
      (local.set $x (f64.mul (local.get $u) (f64.load offset=64 (local.get $at))))
      (local.set $f0 (call $exp (f64.mul (f64.const -0.5)
        (f64.sub (f64.mul (f64.load offset=64 (local.get $at)) (f64.load offset=64 (local.get $at))) (f64.mul (local.get $x) (local.get $x))))))
      (local.set $f1 (call $exp (f64.mul (f64.const -0.5)
        (f64.sub (f64.mul (f64.load offset=72 (local.get $at)) (f64.load offset=72 (local.get $at))) (f64.mul (local.get $x) (local.get $x))))))
      (if (f64.lt (f64.add (local.get $f1) (f64.mul (call $open01) (f64.sub (local.get $f0) (local.get $f1)))) (f64.const 1))
        (then (return (local.get $x))))
      (local.set $w (call $next))
      (local.set $layer (i32.and (local.get $w) (i32.const 127)))
      (local.set $u (f64.sub (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $w) (i32.const 7))) (f64.const 0x1p-24)) (f64.const 1)))
      (local.set $at (i32.shl (local.get $layer) (i32.const 3)))
      (if (f64.lt (f64.abs (local.get $u)) (f64.load offset=1152 (local.get $at)))
        (then (return (f64.mul (local.get $u) (f64.load offset=64 (local.get $at))))))
      (br $again))
    (unreachable))

  ;; normals(out, count, stride, wide): `count` standard normals by core's ziggurat (Marsaglia and
  ;; Tsang 2000, Doornik 2005) from the xoshiro128** state at address 0 (Blackman and Vigna 2018),
  ;; stored at out, out + stride, ... as float32, or as float64 with `wide` (the MCMC chains' draws;
  ;; stride 0 discards them: a skip); the state is written back.
  (func $normals (export "normals") (param $out i32) (param $count i32) (param $stride i32) (param $wide i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $w i32) (local $t i32) (local $layer i32) (local $u f64) (local $z f64)
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (block $done
      (br_if $done (i32.eqz (local.get $count)))
      (loop $next
        ;; xoshiro128**: w = rotl(s1 * 5, 7) * 9, then the linear update of the state
        (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        ;; layer = w & 127 (as a byte offset into the f64 tables); u = (w >>> 7) 2^-24 - 1 in [-1, 1)
        (local.set $layer (i32.shl (i32.and (local.get $w) (i32.const 127)) (i32.const 3)))
        (local.set $u
          (f64.sub
            (f64.mul (f64.convert_i32_u (i32.shr_u (local.get $w) (i32.const 7))) (f64.const 0x1p-24))
            (f64.const 1)))
        (if (f64.lt (f64.abs (local.get $u)) (f64.load offset=1152 (local.get $layer)))
          (then (local.set $z (f64.mul (local.get $u) (f64.load offset=64 (local.get $layer)))))
          (else
            ;; the slow path ($wedge) draws on from the state after this word
            (i32.store (i32.const 0) (local.get $s0))
            (i32.store (i32.const 4) (local.get $s1))
            (i32.store (i32.const 8) (local.get $s2))
            (i32.store (i32.const 12) (local.get $s3))
            (local.set $z (call $wedge (local.get $u) (i32.shr_u (local.get $layer) (i32.const 3))))
            (local.set $s0 (i32.load (i32.const 0)))
            (local.set $s1 (i32.load (i32.const 4)))
            (local.set $s2 (i32.load (i32.const 8)))
            (local.set $s3 (i32.load (i32.const 12)))))
        (if (local.get $wide)
          (then (f64.store (local.get $out) (local.get $z)))
          (else (f32.store (local.get $out) (f32.demote_f64 (local.get $z)))))
        (local.set $out (i32.add (local.get $out) (local.get $stride)))
        (br_if $next (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3)))

  ;; uniforms(out, count): `count` uniforms in (0, 1) from the xoshiro128** state at address 0, as
  ;; core's `fillUniforms` draws them into a Float64Array ((w + 1/2) 2^-32), stored as float64 at
  ;; out, out + 8, ...; the state is written back.
  (func (export "uniforms") (param $out i32) (param $count i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $w i32) (local $t i32)
    (local.set $s0 (i32.load (i32.const 0)))
    (local.set $s1 (i32.load (i32.const 4)))
    (local.set $s2 (i32.load (i32.const 8)))
    (local.set $s3 (i32.load (i32.const 12)))
    (block $done
      (br_if $done (i32.eqz (local.get $count)))
      (loop $next
        (local.set $w (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        (f64.store (local.get $out) (f64.mul (f64.add (f64.convert_i32_u (local.get $w)) (f64.const 0.5)) (f64.const 0x1p-32)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br_if $next (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
    (i32.store (i32.const 0) (local.get $s0))
    (i32.store (i32.const 4) (local.get $s1))
    (i32.store (i32.const 8) (local.get $s2))
    (i32.store (i32.const 12) (local.get $s3)))

  ;; The constants of one step, set by `setMixtureStep` (globals keep the hot loop's signature short).
  (global $a00 (mut f64) (f64.const 0)) (global $a01 (mut f64) (f64.const 0))
  (global $a10 (mut f64) (f64.const 0)) (global $a11 (mut f64) (f64.const 0))
  (global $p00 (mut f64) (f64.const 0)) (global $p01 (mut f64) (f64.const 0))
  (global $p10 (mut f64) (f64.const 0)) (global $p11 (mut f64) (f64.const 0))
  (global $dc (mut f64) (f64.const 0))
  (global $scale (mut f64) (f64.const 0)) (global $scoreDt (mut f64) (f64.const 0)) (global $noise (mut f64) (f64.const 0))

  ;; setMixtureStep: the diffused two-component mixture in the plane at t (centres m mu_k, precisions
  ;; 1 / v_k, dc = c_1 - c_0; core's DiffusedComponents) and the update's three numbers (see mixtureStep).
  (func (export "setMixtureStep")
    (param $a00 f64) (param $a01 f64) (param $a10 f64) (param $a11 f64)
    (param $p00 f64) (param $p01 f64) (param $p10 f64) (param $p11 f64)
    (param $dc f64) (param $scale f64) (param $scoreDt f64) (param $noise f64)
    (global.set $a00 (local.get $a00)) (global.set $a01 (local.get $a01))
    (global.set $a10 (local.get $a10)) (global.set $a11 (local.get $a11))
    (global.set $p00 (local.get $p00)) (global.set $p01 (local.get $p01))
    (global.set $p10 (local.get $p10)) (global.set $p11 (local.get $p11))
    (global.set $dc (local.get $dc))
    (global.set $scale (local.get $scale)) (global.set $scoreDt (local.get $scoreDt)) (global.set $noise (local.get $noise)))

;; mixtureStep(x, z, n, mode): one fused step of n particles in the plane, two per f64x2, with
  ;; the exact score of the diffused two-component mixture (core's unrolled gradTwoComponentsPlane:
  ;; r_0 = 1 / (1 + expClamped(l_1 - l_0)), score = g_1 + r_0 (g_0 - g_1), rounded to float32 as the
  ;; score buffer stores it), in place. Mode 0 and 1: reverse Euler-Maruyama (affineStep),
  ;; x <- (x scale - scoreDt score) + noise z, the noise term only in mode 1. Mode 2: the
  ;; probability-flow Euler step (odeEuler), with setMixtureStep's (scale, scoreDt, noise) read as
  ;; (a, w, dt): v = f32(a x - w score), x <- x + dt v. Returns 1 when every new position is finite
  ;; (before its rounding to float32, as affineStep checks), else 0. An odd n computes one more
  ;; particle in the slot after the last (the caller zeroes it in x and z; it is neither read back
  ;; nor wrong: zeros stay finite). One loop body, its constants splatted once (no calls).
  ;; `components` 0 takes setMixtureStep's two components; K > 0 the K components at 25088 through
  ;; $scoreK (core's generic writeGradLogDensity, which TypeScript runs for every K but 2 in the plane).
  (func (export "mixtureStep") (param $x i32) (param $z i32) (param $n i32) (param $mode i32) (param $components i32) (result i32)
    (local $acc v128) (local $xs v128) (local $zs v128)
    (local $x0 v128) (local $x1 v128)
    (local $d00 v128) (local $d01 v128) (local $d10 v128) (local $d11 v128)
    (local $g00 v128) (local $g01 v128) (local $g10 v128) (local $g11 v128)
    (local $y v128) (local $rounded v128) (local $r v128) (local $e v128) (local $m v128) (local $r0 v128)
    (local $s0 v128) (local $s1 v128) (local $v0 v128) (local $v1 v128)
    (local $A00 v128) (local $A01 v128) (local $A10 v128) (local $A11 v128)
    (local $P00 v128) (local $P01 v128) (local $P10 v128) (local $P11 v128)
    (local $DC v128) (local $SCALE v128) (local $SCOREDT v128) (local $NOISE v128)
    (local $HI v128) (local $LO v128) (local $SPL v128) (local $ROUND v128) (local $LPS v128)
    (local $ONE v128) (local $HALF v128) (local $ZERO v128) (local $OFF v128) (local $MASK v128)
    (local $i0 i32) (local $i1 i32)
    (local.set $A00 (f64x2.splat (global.get $a00))) (local.set $A01 (f64x2.splat (global.get $a01)))
    (local.set $A10 (f64x2.splat (global.get $a10))) (local.set $A11 (f64x2.splat (global.get $a11)))
    (local.set $P00 (f64x2.splat (global.get $p00))) (local.set $P01 (f64x2.splat (global.get $p01)))
    (local.set $P10 (f64x2.splat (global.get $p10))) (local.set $P11 (f64x2.splat (global.get $p11)))
    (local.set $DC (f64x2.splat (global.get $dc)))
    (local.set $SCALE (f64x2.splat (global.get $scale)))
    (local.set $SCOREDT (f64x2.splat (global.get $scoreDt)))
    (local.set $NOISE (f64x2.splat (global.get $noise)))
    (local.set $HI (f64x2.splat (f64.load (i32.const 6272))))
    (local.set $LO (f64x2.neg (local.get $HI)))
    (local.set $SPL (f64x2.splat (f64.load (i32.const 6280))))
    (local.set $ROUND (f64x2.splat (f64.load (i32.const 6288))))
    (local.set $LPS (f64x2.splat (f64.load (i32.const 6296))))
    (local.set $ONE (f64x2.splat (f64.const 1)))
    (local.set $HALF (f64x2.splat (f64.const 0.5)))
    (local.set $ZERO (f64x2.splat (f64.const 0)))
    (local.set $OFF (i32x4.splat (i32.const 128)))
    (local.set $MASK (i32x4.splat (i32.const 255)))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pair
        ;; de-interleave (x0a, x1a, x0b, x1b) into (x0a, x0b, x1a, x1b), widen each coordinate to f64x2
        (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $x)) (v128.load (local.get $x))))
        (local.set $x0 (f64x2.promote_low_f32x4 (local.get $xs)))
        (local.set $x1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
        (if (local.get $components)
          (then
            (call $scoreK (local.get $x0) (local.get $x1) (i32.const 25088) (local.get $components))
            (local.set $s1)
            (local.set $s0))
          (else
            (local.set $d00 (f64x2.sub (local.get $A00) (local.get $x0)))
            (local.set $d01 (f64x2.sub (local.get $A01) (local.get $x1)))
            (local.set $d10 (f64x2.sub (local.get $A10) (local.get $x0)))
            (local.set $d11 (f64x2.sub (local.get $A11) (local.get $x1)))
            (local.set $g00 (f64x2.mul (local.get $d00) (local.get $P00)))
            (local.set $g01 (f64x2.mul (local.get $d01) (local.get $P01)))
            (local.set $g10 (f64x2.mul (local.get $d10) (local.get $P10)))
            (local.set $g11 (f64x2.mul (local.get $d11) (local.get $P11)))
            ;; l_1 - l_0 = dc - 0.5 (((d10 g10 + d11 g11) - d00 g00) - d01 g01), clamped to [-limit, limit]
            (local.set $y
              (f64x2.max (local.get $LO)
                (f64x2.min (local.get $HI)
                  (f64x2.sub (local.get $DC)
                    (f64x2.mul (local.get $HALF)
                      (f64x2.sub
                        (f64x2.sub
                          (f64x2.add (f64x2.mul (local.get $d10) (local.get $g10)) (f64x2.mul (local.get $d11) (local.get $g11)))
                          (f64x2.mul (local.get $d00) (local.get $g00)))
                        (f64x2.mul (local.get $d01) (local.get $g01))))))))
            ;; expClamped (Tang 1989): y = (n / 256) ln 2 + r, exp(y) = 2^(n >> 8) 2^((n & 255) / 256) (1 + r (1 + r / 2))
            (local.set $rounded (f64x2.sub (f64x2.add (f64x2.mul (local.get $y) (local.get $SPL)) (local.get $ROUND)) (local.get $ROUND)))
            (local.set $r (f64x2.sub (local.get $y) (f64x2.mul (local.get $rounded) (local.get $LPS))))
            (local.set $m (i32x4.trunc_sat_f64x2_s_zero (local.get $rounded)))
            ;; byte offsets of 2^(n >> 8) (table at 2176, index + 128) and 2^((n & 255) / 256) (table at 4224)
            (local.set $e (i32x4.shl (i32x4.add (i32x4.shr_s (local.get $m) (i32.const 8)) (local.get $OFF)) (i32.const 3)))
            (local.set $m (i32x4.shl (v128.and (local.get $m) (local.get $MASK)) (i32.const 3)))
            (local.set $i0 (i32x4.extract_lane 0 (local.get $e)))
            (local.set $i1 (i32x4.extract_lane 1 (local.get $e)))
            (local.set $e
              (f64x2.mul
                (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=2176 (local.get $i0))) (f64.load offset=2176 (local.get $i1)))
                (f64x2.replace_lane 1
                  (f64x2.splat (f64.load offset=4224 (i32x4.extract_lane 0 (local.get $m))))
                  (f64.load offset=4224 (i32x4.extract_lane 1 (local.get $m))))))
            (local.set $e
              (f64x2.mul (local.get $e)
                (f64x2.add (local.get $ONE) (f64x2.mul (local.get $r) (f64x2.add (local.get $ONE) (f64x2.mul (local.get $r) (local.get $HALF)))))))
            (local.set $r0 (f64x2.div (local.get $ONE) (f64x2.add (local.get $ONE) (local.get $e))))
            ;; the score, rounded to float32 as the TypeScript path stores it
            (local.set $s0 (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
              (f64x2.add (local.get $g10) (f64x2.mul (local.get $r0) (f64x2.sub (local.get $g00) (local.get $g10)))))))
            (local.set $s1 (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
              (f64x2.add (local.get $g11) (f64x2.mul (local.get $r0) (f64x2.sub (local.get $g01) (local.get $g11)))))))))
        (if (i32.eq (local.get $mode) (i32.const 2))
          (then
            ;; probability flow (odeEuler): v = f32(a x - w score) (the velocity buffer), x + dt v
            (local.set $v0
              (f64x2.add (local.get $x0)
                (f64x2.mul (local.get $NOISE)
                  (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
                    (f64x2.sub (f64x2.mul (local.get $SCALE) (local.get $x0)) (f64x2.mul (local.get $SCOREDT) (local.get $s0))))))))
            (local.set $v1
              (f64x2.add (local.get $x1)
                (f64x2.mul (local.get $NOISE)
                  (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
                    (f64x2.sub (f64x2.mul (local.get $SCALE) (local.get $x1)) (f64x2.mul (local.get $SCOREDT) (local.get $s1)))))))))
          (else
            ;; Euler-Maruyama (affineStep): (x scale - scoreDt score) + noise z
            (local.set $v0 (f64x2.sub (f64x2.mul (local.get $x0) (local.get $SCALE)) (f64x2.mul (local.get $SCOREDT) (local.get $s0))))
            (local.set $v1 (f64x2.sub (f64x2.mul (local.get $x1) (local.get $SCALE)) (f64x2.mul (local.get $SCOREDT) (local.get $s1))))
            (if (i32.eq (local.get $mode) (i32.const 1))
              (then
                (local.set $zs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $z)) (v128.load (local.get $z))))
                (local.set $v0 (f64x2.add (local.get $v0) (f64x2.mul (local.get $NOISE) (f64x2.promote_low_f32x4 (local.get $zs)))))
                (local.set $v1
                  (f64x2.add (local.get $v1)
                    (f64x2.mul (local.get $NOISE)
                      (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $zs) (local.get $zs))))))))))
        ;; finiteness: v 0 is 0 for a finite v, NaN otherwise
        (local.set $acc
          (f64x2.add (local.get $acc)
            (f64x2.add (f64x2.mul (local.get $v0) (local.get $ZERO)) (f64x2.mul (local.get $v1) (local.get $ZERO)))))
        ;; round to float32 and interleave back: (v0a, v1a, v0b, v1b)
        (v128.store (local.get $x)
          (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $v0))
            (f32x4.demote_f64x2_zero (local.get $v1))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (br_if $pair (i32.gt_s (local.tee $n (i32.sub (local.get $n) (i32.const 2))) (i32.const 0)))))
    (f64.eq
      (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc)))
      (f64.const 0)))

  ;; $expClamped(y): core's expClamped at two values (Tang 1989, as mixtureStep computes it inline):
  ;; y clamped to [-limit, limit] = (n / 256) ln 2 + r, exp(y) = 2^(n >> 8) 2^((n & 255) / 256) (1 + r (1 + r / 2)).
  (func $expClamped (param $y v128) (result v128)
    (local $HI v128) (local $rounded v128) (local $r v128) (local $e v128) (local $m v128)
    (local.set $HI (f64x2.splat (f64.load (i32.const 6272))))
    (local.set $y (f64x2.max (f64x2.neg (local.get $HI)) (f64x2.min (local.get $HI) (local.get $y))))
    (local.set $rounded
      (f64x2.sub
        (f64x2.add (f64x2.mul (local.get $y) (f64x2.splat (f64.load (i32.const 6280)))) (f64x2.splat (f64.load (i32.const 6288))))
        (f64x2.splat (f64.load (i32.const 6288)))))
    (local.set $r (f64x2.sub (local.get $y) (f64x2.mul (local.get $rounded) (f64x2.splat (f64.load (i32.const 6296))))))
    (local.set $m (i32x4.trunc_sat_f64x2_s_zero (local.get $rounded)))
    (local.set $e (i32x4.shl (i32x4.add (i32x4.shr_s (local.get $m) (i32.const 8)) (i32x4.splat (i32.const 128))) (i32.const 3)))
    (local.set $m (i32x4.shl (v128.and (local.get $m) (i32x4.splat (i32.const 255))) (i32.const 3)))
    (f64x2.mul
      (f64x2.mul
        (f64x2.replace_lane 1
          (f64x2.splat (f64.load offset=2176 (i32x4.extract_lane 0 (local.get $e))))
          (f64.load offset=2176 (i32x4.extract_lane 1 (local.get $e))))
        (f64x2.replace_lane 1
          (f64x2.splat (f64.load offset=4224 (i32x4.extract_lane 0 (local.get $m))))
          (f64.load offset=4224 (i32x4.extract_lane 1 (local.get $m)))))
      (f64x2.add (f64x2.splat (f64.const 1))
        (f64x2.mul (local.get $r) (f64x2.add (f64x2.splat (f64.const 1)) (f64x2.mul (local.get $r) (f64x2.splat (f64.const 0.5))))))))

  ;; $logits(x0, x1, table, K): core's writeLogits at two particles for the K components at `table`
  ;; (a_0 a_1 p_0 p_1 c each): l_k = c_k - 0.5 ((x_0 - a_k0)^2 p_k0 + (x_1 - a_k1)^2 p_k1) into the
  ;; scratch row at 45568 (one f64x2 per component), returning their running maximum: a lane takes
  ;; l_k only where l_k > max, as `logit > max` does (a NaN never).
  (func $logits (param $x0 v128) (param $x1 v128) (param $table i32) (param $components i32) (result v128)
    (local $at i32) (local $end i32) (local $logit i32) (local $d0 v128) (local $d1 v128) (local $y v128) (local $max v128)
    (local.set $end (i32.add (local.get $table) (i32.mul (local.get $components) (i32.const 40))))
    (local.set $max (f64x2.splat (f64.const -inf)))
    (local.set $at (local.get $table))
    (local.set $logit (i32.const 45568))
    (loop $each
      (local.set $d0 (f64x2.sub (local.get $x0) (f64x2.splat (f64.load offset=0 (local.get $at)))))
      (local.set $d1 (f64x2.sub (local.get $x1) (f64x2.splat (f64.load offset=8 (local.get $at)))))
      (local.set $y
        (f64x2.sub (f64x2.splat (f64.load offset=32 (local.get $at)))
          (f64x2.mul (f64x2.splat (f64.const 0.5))
            (f64x2.add
              (f64x2.mul (f64x2.mul (local.get $d0) (local.get $d0)) (f64x2.splat (f64.load offset=16 (local.get $at))))
              (f64x2.mul (f64x2.mul (local.get $d1) (local.get $d1)) (f64x2.splat (f64.load offset=24 (local.get $at))))))))
      (v128.store (local.get $logit) (local.get $y))
      (local.set $max (v128.bitselect (local.get $y) (local.get $max) (f64x2.gt (local.get $y) (local.get $max))))
      (local.set $logit (i32.add (local.get $logit) (i32.const 16)))
      (br_if $each (i32.lt_u (local.tee $at (i32.add (local.get $at) (i32.const 40))) (local.get $end))))
    (local.get $max))

  ;; $scoreK(x0, x1, table, K): the exact score of the diffused K-component mixture in the plane at
  ;; two particles (coordinate 0 of both in x0, coordinate 1 in x1), its components at `table`, rounded to
  ;; float32: core's writeGradLogDensityGeneric operation for operation. The logits and their
  ;; maximum ($logits); e_k = expClamped(l_k - max),
  ;; summed in order; score_j = f32((sum_k (e_k (a_kj - x_j)) p_kj) (1 / sum)).
  (func $scoreK (param $x0 v128) (param $x1 v128) (param $table i32) (param $components i32) (result v128 v128)
    (local $at i32) (local $end i32) (local $logit i32)
    (local $y v128) (local $max v128) (local $sum v128) (local $e v128) (local $g0 v128) (local $g1 v128)
    (local.set $max (call $logits (local.get $x0) (local.get $x1) (local.get $table) (local.get $components)))
    (local.set $end (i32.add (i32.const 45568) (i32.shl (local.get $components) (i32.const 4))))
    ;; e_k = expClamped(l_k - max), in place, and their sum
    (local.set $sum (f64x2.splat (f64.const 0)))
    (local.set $at (i32.const 45568))
    (loop $exponentials
      (local.set $y (f64x2.sub (v128.load (local.get $at)) (local.get $max)))
      (local.set $e (call $expClamped (local.get $y)))
      (v128.store (local.get $at) (local.get $e))
      (local.set $sum (f64x2.add (local.get $sum) (local.get $e)))
      (br_if $exponentials (i32.lt_u (local.tee $at (i32.add (local.get $at) (i32.const 16))) (local.get $end))))
    ;; the responsibility-weighted gradients
    (local.set $g0 (f64x2.splat (f64.const 0)))
    (local.set $g1 (f64x2.splat (f64.const 0)))
    (local.set $at (local.get $table))
    (local.set $logit (i32.const 45568))
    (loop $gradients
      (local.set $e (v128.load (local.get $logit)))
      (local.set $g0
        (f64x2.add (local.get $g0)
          (f64x2.mul
            (f64x2.mul (local.get $e) (f64x2.sub (f64x2.splat (f64.load offset=0 (local.get $at))) (local.get $x0)))
            (f64x2.splat (f64.load offset=16 (local.get $at))))))
      (local.set $g1
        (f64x2.add (local.get $g1)
          (f64x2.mul
            (f64x2.mul (local.get $e) (f64x2.sub (f64x2.splat (f64.load offset=8 (local.get $at))) (local.get $x1)))
            (f64x2.splat (f64.load offset=24 (local.get $at))))))
      (local.set $at (i32.add (local.get $at) (i32.const 40)))
      (br_if $gradients (i32.lt_u (local.tee $logit (i32.add (local.get $logit) (i32.const 16))) (local.get $end))))
    (local.set $sum (f64x2.div (f64x2.splat (f64.const 1)) (local.get $sum)))
    (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (local.get $g0) (local.get $sum))))
    (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (local.get $g1) (local.get $sum)))))

  ;; $score(x0, x1, set): the exact score of the diffused two-component mixture in the plane at two
  ;; particles (coordinate 0 of both in x0, coordinate 1 in x1, f64x2), its constants read from the
  ;; 9 f64 at `set` (a00 a01 a10 a11 p00 p01 p10 p11 dc, as setMixtureStep takes them), returned
  ;; rounded to float32 as a score buffer stores them: mixtureStep's arithmetic, operation for
  ;; operation (mixtureStep keeps its own copy inline: it is the hot loop of the reverse SDE).
  (func $score (param $x0 v128) (param $x1 v128) (param $set i32) (result v128 v128)
    (local $d00 v128) (local $d01 v128) (local $d10 v128) (local $d11 v128)
    (local $g00 v128) (local $g01 v128) (local $g10 v128) (local $g11 v128)
    (local $y v128) (local $e v128) (local $r0 v128) (local $ONE v128)
    (local.set $ONE (f64x2.splat (f64.const 1)))
    (local.set $d00 (f64x2.sub (f64x2.splat (f64.load offset=0 (local.get $set))) (local.get $x0)))
    (local.set $d01 (f64x2.sub (f64x2.splat (f64.load offset=8 (local.get $set))) (local.get $x1)))
    (local.set $d10 (f64x2.sub (f64x2.splat (f64.load offset=16 (local.get $set))) (local.get $x0)))
    (local.set $d11 (f64x2.sub (f64x2.splat (f64.load offset=24 (local.get $set))) (local.get $x1)))
    (local.set $g00 (f64x2.mul (local.get $d00) (f64x2.splat (f64.load offset=32 (local.get $set)))))
    (local.set $g01 (f64x2.mul (local.get $d01) (f64x2.splat (f64.load offset=40 (local.get $set)))))
    (local.set $g10 (f64x2.mul (local.get $d10) (f64x2.splat (f64.load offset=48 (local.get $set)))))
    (local.set $g11 (f64x2.mul (local.get $d11) (f64x2.splat (f64.load offset=56 (local.get $set)))))
    (local.set $y
          (f64x2.sub (f64x2.splat (f64.load offset=64 (local.get $set)))
            (f64x2.mul (f64x2.splat (f64.const 0.5))
              (f64x2.sub
                (f64x2.sub
                  (f64x2.add (f64x2.mul (local.get $d10) (local.get $g10)) (f64x2.mul (local.get $d11) (local.get $g11)))
                  (f64x2.mul (local.get $d00) (local.get $g00)))
                (f64x2.mul (local.get $d01) (local.get $g01))))))
    (local.set $e (call $expClamped (local.get $y)))
    (local.set $r0 (f64x2.div (local.get $ONE) (f64x2.add (local.get $ONE) (local.get $e))))
    (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
      (f64x2.add (local.get $g10) (f64x2.mul (local.get $r0) (f64x2.sub (local.get $g00) (local.get $g10))))))
    (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
      (f64x2.add (local.get $g11) (f64x2.mul (local.get $r0) (f64x2.sub (local.get $g01) (local.get $g11)))))))

  ;; f32(v) as f64x2: what storing into a Float32Array and reading back gives.
  (func $f32 (param $v v128) (result v128)
    (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (local.get $v))))

  ;; heunStep(x, n, mode, last): one step of Heun's method on the probability-flow ODE (the `heun`
  ;; sampler, Karras et al. 2022, Algorithm 1) for n particles in the plane at x, in place, with the
  ;; exact mixture score at the step's start (constants at 24576) and end (24656), the step's numbers
  ;; at 24736 (f64, in this order). Every operation is `heun`'s TypeScript one, rounding to float32
  ;; where it stores into a buffer. With `last` the corrector is skipped (a last step to t = 0).
  ;; - mode 0, `space: time` (a, w, aNext, wNext, dt, half): v = f32(a x - w score(x)),
  ;;   p = f32(x + dt v), x <- x + half (v + f32(aNext p - wNext score'(p))); last: x <- x + dt v.
  ;; - mode 1, `space: sigma` (m, sigma, variance, inverseMean, mNext, sigmaNext, varianceNext,
  ;;   inverseMeanNext, dSigma, half): D = f32((x + variance score(x)) inverseMean), slope =
  ;;   f32((x / m - D) / sigma), p = f32(mNext (x / m + dSigma slope)); D' = f32((p + varianceNext
  ;;   score'(p)) inverseMeanNext), x <- mNext (x / m + half (slope + (p / mNext - D') / sigmaNext));
  ;;   last: x <- p.
  ;; Returns 1 when every new position is finite, else 0. An odd n computes one more particle in
  ;; the slot after the last, as mixtureStep does. `components` 0 takes the two-component mixtures at
  ;; 24576 and 24656 ($score); K > 0 the K-component tables at 25088 and 35328 ($scoreK).
  (func (export "heunStep") (param $x i32) (param $n i32) (param $mode i32) (param $last i32) (param $components i32) (result i32)
    (local $acc v128) (local $xs v128) (local $x0 v128) (local $x1 v128)
    (local $s0 v128) (local $s1 v128) (local $v0 v128) (local $v1 v128) (local $p0 v128) (local $p1 v128)
    (local $q0 v128) (local $q1 v128) (local $h0 v128) (local $h1 v128)
    (local $C0 v128) (local $C1 v128) (local $C2 v128) (local $C3 v128) (local $C4 v128)
    (local $C5 v128) (local $C6 v128) (local $C7 v128) (local $C8 v128) (local $C9 v128)
    (local $at i32) (local $end i32) (local $scratch i32)
    (local.set $C0 (f64x2.splat (f64.load (i32.const 24736))))
    (local.set $C1 (f64x2.splat (f64.load (i32.const 24744))))
    (local.set $C2 (f64x2.splat (f64.load (i32.const 24752))))
    (local.set $C3 (f64x2.splat (f64.load (i32.const 24760))))
    (local.set $C4 (f64x2.splat (f64.load (i32.const 24768))))
    (local.set $C5 (f64x2.splat (f64.load (i32.const 24776))))
    (local.set $C6 (f64x2.splat (f64.load (i32.const 24784))))
    (local.set $C7 (f64x2.splat (f64.load (i32.const 24792))))
    (local.set $C8 (f64x2.splat (f64.load (i32.const 24800))))
    (local.set $C9 (f64x2.splat (f64.load (i32.const 24808))))
    (if (i32.le_s (local.get $n) (i32.const 0)) (then (return (i32.const 1))))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)) (i32.const 4))))
    ;; Pass 1, the predictor: the score at x, then v (time) or the slope (sigma) and the predicted
    ;; point p, both kept in the scratch at 135168 (32 bytes each a pair; on a last step, x <- p).
    ;; Two passes, not one: a pair's corrector depends on its predictor through a long chain of
    ;; operations, which the CPU overlaps across pairs only when they are in separate loops.
    (local.set $at (local.get $x))
    (local.set $scratch (i32.const 135168))
    (loop $predict
      (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $at)) (v128.load (local.get $at))))
      (local.set $x0 (f64x2.promote_low_f32x4 (local.get $xs)))
      (local.set $x1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
      (if (result v128 v128) (local.get $components)
        (then (call $scoreK (local.get $x0) (local.get $x1) (i32.const 25088) (local.get $components)))
        (else (call $score (local.get $x0) (local.get $x1) (i32.const 24576))))
      (local.set $s1)
      (local.set $s0)
      (if (i32.eqz (local.get $mode))
        (then
          ;; time: v = f32(a x - w s), p = x + dt v
          (local.set $v0 (call $f32 (f64x2.sub (f64x2.mul (local.get $C0) (local.get $x0)) (f64x2.mul (local.get $C1) (local.get $s0)))))
          (local.set $v1 (call $f32 (f64x2.sub (f64x2.mul (local.get $C0) (local.get $x1)) (f64x2.mul (local.get $C1) (local.get $s1)))))
          (local.set $p0 (f64x2.add (local.get $x0) (f64x2.mul (local.get $C4) (local.get $v0))))
          (local.set $p1 (f64x2.add (local.get $x1) (f64x2.mul (local.get $C4) (local.get $v1)))))
        (else
          ;; sigma: D = f32((x + variance s) inverseMean), slope = f32((x / m - D) / sigma), p = mNext (x / m + dSigma slope)
          (local.set $h0 (f64x2.div (local.get $x0) (local.get $C0)))
          (local.set $h1 (f64x2.div (local.get $x1) (local.get $C0)))
          (local.set $v0
            (call $f32 (f64x2.div
              (f64x2.sub (local.get $h0) (call $f32 (f64x2.mul (f64x2.add (local.get $x0) (f64x2.mul (local.get $C2) (local.get $s0))) (local.get $C3))))
              (local.get $C1))))
          (local.set $v1
            (call $f32 (f64x2.div
              (f64x2.sub (local.get $h1) (call $f32 (f64x2.mul (f64x2.add (local.get $x1) (f64x2.mul (local.get $C2) (local.get $s1))) (local.get $C3))))
              (local.get $C1))))
          (local.set $p0 (f64x2.mul (local.get $C4) (f64x2.add (local.get $h0) (f64x2.mul (local.get $C8) (local.get $v0)))))
          (local.set $p1 (f64x2.mul (local.get $C4) (f64x2.add (local.get $h1) (f64x2.mul (local.get $C8) (local.get $v1)))))))
      (if (local.get $last)
        (then
          (local.set $acc
            (f64x2.add (local.get $acc)
              (f64x2.add (f64x2.mul (local.get $p0) (f64x2.splat (f64.const 0))) (f64x2.mul (local.get $p1) (f64x2.splat (f64.const 0))))))
          (v128.store (local.get $at)
            (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $p0)) (f32x4.demote_f64x2_zero (local.get $p1)))))
        (else
          (v128.store (local.get $scratch) (call $f32 (local.get $p0)))
          (v128.store offset=16 (local.get $scratch) (call $f32 (local.get $p1)))
          (v128.store offset=16384 (local.get $scratch) (local.get $v0))
          (v128.store offset=16400 (local.get $scratch) (local.get $v1))))
      (local.set $at (i32.add (local.get $at) (i32.const 16)))
      (local.set $scratch (i32.add (local.get $scratch) (i32.const 32)))
      (br_if $predict (i32.lt_u (local.get $at) (local.get $end))))
    (if (i32.eqz (local.get $last))
      (then
        ;; Pass 2, the corrector: the score at p, then x <- x + half (v + v') (time) or
        ;; mNext (x / m + half (slope + slope')) (sigma).
        (local.set $at (local.get $x))
        (local.set $scratch (i32.const 135168))
        (loop $correct
          (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $at)) (v128.load (local.get $at))))
          (local.set $x0 (f64x2.promote_low_f32x4 (local.get $xs)))
          (local.set $x1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
          (local.set $p0 (v128.load (local.get $scratch)))
          (local.set $p1 (v128.load offset=16 (local.get $scratch)))
          (local.set $v0 (v128.load offset=16384 (local.get $scratch)))
          (local.set $v1 (v128.load offset=16400 (local.get $scratch)))
          (if (result v128 v128) (local.get $components)
            (then (call $scoreK (local.get $p0) (local.get $p1) (i32.const 35328) (local.get $components)))
            (else (call $score (local.get $p0) (local.get $p1) (i32.const 24656))))
          (local.set $q1)
          (local.set $q0)
          (if (i32.eqz (local.get $mode))
            (then
              (local.set $p0
                (f64x2.add (local.get $x0)
                  (f64x2.mul (local.get $C5)
                    (f64x2.add (local.get $v0)
                      (call $f32 (f64x2.sub (f64x2.mul (local.get $C2) (local.get $p0)) (f64x2.mul (local.get $C3) (local.get $q0))))))))
              (local.set $p1
                (f64x2.add (local.get $x1)
                  (f64x2.mul (local.get $C5)
                    (f64x2.add (local.get $v1)
                      (call $f32 (f64x2.sub (f64x2.mul (local.get $C2) (local.get $p1)) (f64x2.mul (local.get $C3) (local.get $q1)))))))))
            (else
              ;; slope' = (p / mNext - D') / sigmaNext, D' = f32((p + varianceNext s') inverseMeanNext)
              (local.set $q0
                (f64x2.div
                  (f64x2.sub (f64x2.div (local.get $p0) (local.get $C4))
                    (call $f32 (f64x2.mul (f64x2.add (local.get $p0) (f64x2.mul (local.get $C6) (local.get $q0))) (local.get $C7))))
                  (local.get $C5)))
              (local.set $q1
                (f64x2.div
                  (f64x2.sub (f64x2.div (local.get $p1) (local.get $C4))
                    (call $f32 (f64x2.mul (f64x2.add (local.get $p1) (f64x2.mul (local.get $C6) (local.get $q1))) (local.get $C7))))
                  (local.get $C5)))
              (local.set $p0 (f64x2.mul (local.get $C4) (f64x2.add (f64x2.div (local.get $x0) (local.get $C0)) (f64x2.mul (local.get $C9) (f64x2.add (local.get $v0) (local.get $q0))))))
              (local.set $p1 (f64x2.mul (local.get $C4) (f64x2.add (f64x2.div (local.get $x1) (local.get $C0)) (f64x2.mul (local.get $C9) (f64x2.add (local.get $v1) (local.get $q1))))))))
          (local.set $acc
            (f64x2.add (local.get $acc)
              (f64x2.add (f64x2.mul (local.get $p0) (f64x2.splat (f64.const 0))) (f64x2.mul (local.get $p1) (f64x2.splat (f64.const 0))))))
          (v128.store (local.get $at)
            (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $p0)) (f32x4.demote_f64x2_zero (local.get $p1))))
          (local.set $at (i32.add (local.get $at) (i32.const 16)))
          (local.set $scratch (i32.add (local.get $scratch) (i32.const 32)))
          (br_if $correct (i32.lt_u (local.get $at) (local.get $end))))))
    (f64.eq
      (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc)))
      (f64.const 0)))

  ;; Math.exp and Math.log on each lane of an f64x2.
  (func $exp2 (param $v v128) (result v128)
    (f64x2.replace_lane 1 (f64x2.splat (call $exp (f64x2.extract_lane 0 (local.get $v)))) (call $exp (f64x2.extract_lane 1 (local.get $v)))))
  (func $log2 (param $v v128) (result v128)
    (f64x2.replace_lane 1 (f64x2.splat (call $log (f64x2.extract_lane 0 (local.get $v)))) (call $log (f64x2.extract_lane 1 (local.get $v)))))

  ;; $logDensity(x0, x1): log p of the MCMC target (the mixture at 24816) at two chains, as core's
  ;; writeLogDensity computes it: l_k = c_k - 0.5 ((x_0 - a_k0)^2 p_k0 + (x_1 - a_k1)^2 p_k1), the
  ;; larger (by `>`, from -Infinity) as the shift, max + Math.log(Math.exp(l_0 - max) + Math.exp(l_1 - max)),
  ;; with the exp of the zero difference skipped.
  (func $logDensity (param $x0 v128) (param $x1 v128) (result v128)
    (local $d v128) (local $l0 v128) (local $l1 v128) (local $max v128) (local $HALF v128)
    (local.set $HALF (f64x2.splat (f64.const 0.5)))
    (local.set $d (f64x2.sub (local.get $x0) (f64x2.splat (f64.load (i32.const 24816)))))
    (local.set $l0 (f64x2.mul (f64x2.mul (local.get $d) (local.get $d)) (f64x2.splat (f64.load (i32.const 24848)))))
    (local.set $d (f64x2.sub (local.get $x1) (f64x2.splat (f64.load (i32.const 24824)))))
    (local.set $l0 (f64x2.add (local.get $l0) (f64x2.mul (f64x2.mul (local.get $d) (local.get $d)) (f64x2.splat (f64.load (i32.const 24856))))))
    (local.set $l0 (f64x2.sub (f64x2.splat (f64.load (i32.const 24888))) (f64x2.mul (local.get $HALF) (local.get $l0))))
    (local.set $d (f64x2.sub (local.get $x0) (f64x2.splat (f64.load (i32.const 24832)))))
    (local.set $l1 (f64x2.mul (f64x2.mul (local.get $d) (local.get $d)) (f64x2.splat (f64.load (i32.const 24864)))))
    (local.set $d (f64x2.sub (local.get $x1) (f64x2.splat (f64.load (i32.const 24840)))))
    (local.set $l1 (f64x2.add (local.get $l1) (f64x2.mul (f64x2.mul (local.get $d) (local.get $d)) (f64x2.splat (f64.load (i32.const 24872))))))
    (local.set $l1 (f64x2.sub (f64x2.splat (f64.load (i32.const 24896))) (f64x2.mul (local.get $HALF) (local.get $l1))))
    (local.set $max (f64x2.splat (f64.const -inf)))
    (local.set $max (v128.bitselect (local.get $l0) (local.get $max) (f64x2.gt (local.get $l0) (local.get $max))))
    (local.set $max (v128.bitselect (local.get $l1) (local.get $max) (f64x2.gt (local.get $l1) (local.get $max))))
    ;; one of l_k - max is 0 (Math.exp(0) = 1 exactly) wherever the logits are finite: the sum is
    ;; 1 + Math.exp(the other), one call; NaN and infinite logits give what the two calls give
    (local.set $l0 (f64x2.sub (local.get $l0) (local.get $max)))
    (local.set $l1 (f64x2.sub (local.get $l1) (local.get $max)))
    (f64x2.add (local.get $max)
      (call $log2 (f64x2.add (f64x2.splat (f64.const 1))
        (call $exp2 (v128.bitselect (local.get $l1) (local.get $l0) (f64x2.eq (local.get $l0) (f64x2.splat (f64.const 0)))))))))

  ;; $logDensityK(x0, x1): log p of an MCMC target of K components (the table at 25088) at two
  ;; chains, as core's writeLogDensity computes it: the logits and their maximum ($logits), then
  ;; max + Math.log(sum_k Math.exp(l_k - max)), summed in order from 0 (the imports: two calls a term).
  (func $logDensityK (param $x0 v128) (param $x1 v128) (result v128)
    (local $at i32) (local $end i32) (local $max v128) (local $sum v128)
    (local.set $max (call $logits (local.get $x0) (local.get $x1) (i32.const 25088) (global.get $targetComponents)))
    (local.set $end (i32.add (i32.const 45568) (i32.shl (global.get $targetComponents) (i32.const 4))))
    (local.set $sum (f64x2.splat (f64.const 0)))
    (local.set $at (i32.const 45568))
    (loop $terms
      (local.set $sum (f64x2.add (local.get $sum) (call $exp2 (f64x2.sub (v128.load (local.get $at)) (local.get $max)))))
      (br_if $terms (i32.lt_u (local.tee $at (i32.add (local.get $at) (i32.const 16))) (local.get $end))))
    (f64x2.add (local.get $max) (call $log2 (local.get $sum))))

  ;; The MCMC target's log density and score: its two components at 24816 ($logDensity, $score) when
  ;; $targetComponents is 0, else its K components at 25088 ($logDensityK, $scoreK).
  (global $targetComponents (mut i32) (i32.const 0))
  (func $targetLogDensity (param $x0 v128) (param $x1 v128) (result v128)
    (if (result v128) (global.get $targetComponents)
      (then (call $logDensityK (local.get $x0) (local.get $x1)))
      (else (call $logDensity (local.get $x0) (local.get $x1)))))
  (func $targetScore (param $x0 v128) (param $x1 v128) (result v128 v128)
    (if (result v128 v128) (global.get $targetComponents)
      (then (call $scoreK (local.get $x0) (local.get $x1) (i32.const 25088) (global.get $targetComponents)))
      (else (call $score (local.get $x0) (local.get $x1) (i32.const 24816)))))

  ;; hmcLeapfrog(n, steps): the leapfrog steps of HMC (Neal 2011, eqs. 5.18-5.20; `leapfrog`) of the
  ;; n chains of the MCMC chunk, step by step over all chains (the chains' steps are independent, so
  ;; the CPU overlaps them; one chain's are a chain of dependent operations). Per pair of chains it
  ;; keeps in the scratch at 135168 (+ 32 bytes per pair, coordinates as lanes): the position q, the
  ;; momentum p and the gradient at q (at +16384, +32768 from there), and at 184320 (+ 16 bytes)
  ;; H(x, p) = -log p(x) + |p|^2 / 2 with the momenta drawn, p = z. First p <- p + (h / 2) g(x),
  ;; then `steps` times q <- f32(q + h p), g <- grad log p(q), p <- p + h g (h / 2 on the last).
  (func $hmcLeapfrog (param $n i32) (param $steps i32)
    (local $p i32) (local $s i32) (local $end i32) (local $l i32)
    (local $xs v128) (local $q0 v128) (local $q1 v128) (local $z0 v128) (local $z1 v128) (local $g0 v128) (local $g1 v128)
    (local $h v128) (local $kick v128) (local $HALF v128)
    (local.set $HALF (f64x2.splat (f64.const 0.5)))
    ;; pairs: p walks the chunk's arrays (16 bytes a pair), s the scratch (32 bytes a pair)
    (local.set $end (i32.add (i32.const 65536) (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)) (i32.const 4))))
    (local.set $p (i32.const 65536))
    (local.set $s (i32.const 135168))
    (loop $start
      (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $p)) (v128.load (local.get $p))))
      (v128.store (local.get $s) (f64x2.promote_low_f32x4 (local.get $xs)))
      (v128.store offset=16 (local.get $s) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
      (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load offset=8192 (local.get $p)) (v128.load offset=8192 (local.get $p))))
      (local.set $g0 (f64x2.promote_low_f32x4 (local.get $xs)))
      (local.set $g1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
      (local.set $z0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (v128.load (i32.sub (local.get $s) (i32.const 36864))) (v128.load offset=16 (i32.sub (local.get $s) (i32.const 36864)))))
      (local.set $z1 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (v128.load (i32.sub (local.get $s) (i32.const 36864))) (v128.load offset=16 (i32.sub (local.get $s) (i32.const 36864)))))
      ;; H(x, p) = -log p(x) + 0.5 (p_0^2 + p_1^2)
      (v128.store offset=184320 (i32.sub (local.get $p) (i32.const 65536))
        (f64x2.add (f64x2.neg (v128.load offset=16384 (local.get $p)))
          (f64x2.mul (local.get $HALF) (f64x2.add (f64x2.mul (local.get $z0) (local.get $z0)) (f64x2.mul (local.get $z1) (local.get $z1))))))
      (local.set $h (f64x2.mul (local.get $HALF) (v128.load offset=24576 (local.get $p))))
      (v128.store offset=16384 (local.get $s) (f64x2.add (local.get $z0) (f64x2.mul (local.get $h) (local.get $g0))))
      (v128.store offset=16400 (local.get $s) (f64x2.add (local.get $z1) (f64x2.mul (local.get $h) (local.get $g1))))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (local.set $s (i32.add (local.get $s) (i32.const 32)))
      (br_if $start (i32.lt_u (local.get $p) (local.get $end))))
    (local.set $l (local.get $steps))
    (loop $step
      (local.set $l (i32.sub (local.get $l) (i32.const 1)))
      (local.set $p (i32.const 65536))
      (local.set $s (i32.const 135168))
      (loop $pairs
        (local.set $h (v128.load offset=24576 (local.get $p)))
        (local.set $kick (if (result v128) (local.get $l) (then (local.get $h)) (else (f64x2.mul (local.get $HALF) (local.get $h)))))
        (local.set $z0 (v128.load offset=16384 (local.get $s)))
        (local.set $z1 (v128.load offset=16400 (local.get $s)))
        (local.set $q0 (call $f32 (f64x2.add (v128.load (local.get $s)) (f64x2.mul (local.get $h) (local.get $z0)))))
        (local.set $q1 (call $f32 (f64x2.add (v128.load offset=16 (local.get $s)) (f64x2.mul (local.get $h) (local.get $z1)))))
        (call $targetScore (local.get $q0) (local.get $q1))
        (local.set $g1)
        (local.set $g0)
        (v128.store (local.get $s) (local.get $q0))
        (v128.store offset=16 (local.get $s) (local.get $q1))
        (v128.store offset=16384 (local.get $s) (f64x2.add (local.get $z0) (f64x2.mul (local.get $kick) (local.get $g0))))
        (v128.store offset=16400 (local.get $s) (f64x2.add (local.get $z1) (f64x2.mul (local.get $kick) (local.get $g1))))
        (v128.store offset=32768 (local.get $s) (local.get $g0))
        (v128.store offset=32784 (local.get $s) (local.get $g1))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (br_if $pairs (i32.lt_u (local.get $p) (local.get $end))))
      (br_if $step (local.get $l))))

  ;; mcmcStep(kind, n, leapfrogSteps, components): one MCMC transition of the n chains of the chunk
  ;; at 65536 (two chains per f64x2), with the exact log density and gradient of the target (two
  ;; components at 24816 for `components` 0, else that many at 25088: $targetLogDensity), the
  ;; normals and uniforms drawn by the caller (core's keyed draws), and the Metropolis-Hastings test
  ;; of `metropolisUpdate` (alpha = min(1, exp(ratio)), 0 for NaN; accept when Math.log(u) < ratio).
  ;; Every operation is the TypeScript kernel's, in the same order, rounding to float32 where it
  ;; stores into a Float32Array (positions, gradients):
  ;; - kind 0, random-walk Metropolis: x' = f32(x + h z), ratio = log p(x') - log p(x);
  ;; - kind 1, MALA: x' = f32((x + (h / 2) g) + sqrt(h) z), ratio = log p(x') - log p(x) +
  ;;   (|x' - x - (h / 2) g|^2 - |x - x' - (h / 2) g'|^2) / (2 h), the gradient g' at x' kept;
  ;; - kind 2, HMC: momentum p = z, ratio = -log p(x) + |p|^2 / 2, `leapfrogSteps` leapfrog steps of
  ;;   size h (p += (h / 2) g; then x' = f32(x' + h p), g' = grad log p(x'), p += h g', h / 2 on
  ;;   the last), ratio -= -log p(x') + |p|^2 / 2.
  ;; Accepted chains take x', its log density and (kinds 1, 2) its gradient. An odd n computes one
  ;; more chain in the slot after the last (the caller zeroes it; it is not read back).
  (func (export "mcmcStep") (param $kind i32) (param $n i32) (param $leapfrogSteps i32) (param $components i32)
    (local $p i32) (local $zp i32) (local $l i32)
    (local $xs v128) (local $x0 v128) (local $x1 v128) (local $g0 v128) (local $g1 v128)
    (local $q0 v128) (local $q1 v128) (local $qg0 v128) (local $qg1 v128)
    (local $z0 v128) (local $z1 v128) (local $h v128) (local $ld v128) (local $lq v128)
    (local $ratio v128) (local $a0 v128) (local $a1 v128) (local $hh v128) (local $accept v128)
    (local $HALF v128)
    (local.set $HALF (f64x2.splat (f64.const 0.5)))
    (global.set $targetComponents (local.get $components))
    (if (i32.eq (local.get $kind) (i32.const 2)) (then (call $hmcLeapfrog (local.get $n) (local.get $leapfrogSteps))))
    (local.set $p (i32.const 65536))
    (local.set $zp (i32.const 98304))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pair
        (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load (local.get $p)) (v128.load (local.get $p))))
        (local.set $x0 (f64x2.promote_low_f32x4 (local.get $xs)))
        (local.set $x1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
        (local.set $xs (i8x16.shuffle 0 1 2 3 8 9 10 11 4 5 6 7 12 13 14 15 (v128.load offset=8192 (local.get $p)) (v128.load offset=8192 (local.get $p))))
        (local.set $g0 (f64x2.promote_low_f32x4 (local.get $xs)))
        (local.set $g1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xs) (local.get $xs))))
        ;; the chains' log densities, step sizes and normals (per chain z_0, z_1: lanes to coordinates)
        (local.set $ld (v128.load offset=16384 (local.get $p)))
        (local.set $h (v128.load offset=24576 (local.get $p)))
        (local.set $a0 (v128.load (local.get $zp)))
        (local.set $a1 (v128.load offset=16 (local.get $zp)))
        (local.set $z0 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a0) (local.get $a1)))
        (local.set $z1 (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a0) (local.get $a1)))
        (if (i32.eqz (local.get $kind))
          (then
            ;; random-walk Metropolis
            (local.set $q0 (call $f32 (f64x2.add (local.get $x0) (f64x2.mul (local.get $h) (local.get $z0)))))
            (local.set $q1 (call $f32 (f64x2.add (local.get $x1) (f64x2.mul (local.get $h) (local.get $z1)))))
            (local.set $lq (call $targetLogDensity (local.get $q0) (local.get $q1)))
            (local.set $ratio (f64x2.sub (local.get $lq) (local.get $ld))))
          (else (if (i32.eq (local.get $kind) (i32.const 1))
            (then
              ;; MALA
              (local.set $hh (f64x2.mul (local.get $HALF) (local.get $h)))
              (local.set $a0 (f64x2.sqrt (local.get $h)))
              (local.set $q0 (call $f32 (f64x2.add (f64x2.add (local.get $x0) (f64x2.mul (local.get $hh) (local.get $g0))) (f64x2.mul (local.get $a0) (local.get $z0)))))
              (local.set $q1 (call $f32 (f64x2.add (f64x2.add (local.get $x1) (f64x2.mul (local.get $hh) (local.get $g1))) (f64x2.mul (local.get $a0) (local.get $z1)))))
              (local.set $lq (call $targetLogDensity (local.get $q0) (local.get $q1)))
              (call $targetScore (local.get $q0) (local.get $q1))
              (local.set $qg1)
              (local.set $qg0)
              ;; forward |x' - x - (h/2) g|^2 in a0, backward |x - x' - (h/2) g'|^2 in a1 (steps x' - x in z0, z1)
              (local.set $z0 (f64x2.sub (local.get $q0) (local.get $x0)))
              (local.set $z1 (f64x2.sub (local.get $q1) (local.get $x1)))
              (local.set $a0 (f64x2.sub (local.get $z0) (f64x2.mul (local.get $hh) (local.get $g0))))
              (local.set $a1 (f64x2.sub (local.get $z1) (f64x2.mul (local.get $hh) (local.get $g1))))
              (local.set $a0 (f64x2.add (f64x2.mul (local.get $a0) (local.get $a0)) (f64x2.mul (local.get $a1) (local.get $a1))))
              (local.set $a1 (f64x2.add (local.get $z0) (f64x2.mul (local.get $hh) (local.get $qg0))))
              (local.set $z1 (f64x2.add (local.get $z1) (f64x2.mul (local.get $hh) (local.get $qg1))))
              (local.set $a1 (f64x2.add (f64x2.mul (local.get $a1) (local.get $a1)) (f64x2.mul (local.get $z1) (local.get $z1))))
              (local.set $ratio
                (f64x2.add (f64x2.sub (local.get $lq) (local.get $ld))
                  (f64x2.div (f64x2.sub (local.get $a0) (local.get $a1)) (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $h))))))
            (else
              ;; HMC: the leapfrog steps ran before this loop (hmcLeapfrog); their ends are in the scratch
              (local.set $q0 (v128.load offset=36864 (local.get $zp)))
              (local.set $q1 (v128.load offset=36880 (local.get $zp)))
              (local.set $z0 (v128.load offset=53248 (local.get $zp)))
              (local.set $z1 (v128.load offset=53264 (local.get $zp)))
              (local.set $qg0 (v128.load offset=69632 (local.get $zp)))
              (local.set $qg1 (v128.load offset=69648 (local.get $zp)))
              (local.set $lq (call $targetLogDensity (local.get $q0) (local.get $q1)))
              (local.set $ratio
                (f64x2.sub (v128.load offset=118784 (local.get $p))
                  (f64x2.add (f64x2.neg (local.get $lq))
                    (f64x2.mul (local.get $HALF) (f64x2.add (f64x2.mul (local.get $z0) (local.get $z0)) (f64x2.mul (local.get $z1) (local.get $z1)))))))))))
        ;; metropolisUpdate: alpha = 1 for ratio >= 0, exp(ratio) for ratio < 0, 0 for NaN; accept when log u < ratio
        (v128.store offset=57344 (local.get $p)
          (v128.bitselect (f64x2.splat (f64.const 1))
            (v128.bitselect (call $exp2 (local.get $ratio)) (f64x2.splat (f64.const 0)) (f64x2.lt (local.get $ratio) (f64x2.splat (f64.const 0))))
            (f64x2.ge (local.get $ratio) (f64x2.splat (f64.const 0)))))
        (local.set $accept (f64x2.lt (call $log2 (v128.load offset=49152 (local.get $p))) (local.get $ratio)))
        (i32.store8 offset=131072 (i32.shr_u (i32.sub (local.get $p) (i32.const 65536)) (i32.const 3)) (i32.and (i8x16.extract_lane_u 0 (local.get $accept)) (i32.const 1)))
        (i32.store8 offset=131073 (i32.shr_u (i32.sub (local.get $p) (i32.const 65536)) (i32.const 3)) (i32.and (i8x16.extract_lane_u 8 (local.get $accept)) (i32.const 1)))
        (v128.store offset=16384 (local.get $p) (v128.bitselect (local.get $lq) (local.get $ld) (local.get $accept)))
        (local.set $x0 (v128.bitselect (local.get $q0) (local.get $x0) (local.get $accept)))
        (local.set $x1 (v128.bitselect (local.get $q1) (local.get $x1) (local.get $accept)))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $x0)) (f32x4.demote_f64x2_zero (local.get $x1))))
        (if (local.get $kind)
          (then
            (local.set $g0 (v128.bitselect (local.get $qg0) (local.get $g0) (local.get $accept)))
            (local.set $g1 (v128.bitselect (local.get $qg1) (local.get $g1) (local.get $accept)))
            (v128.store offset=8192 (local.get $p)
              (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $g0)) (f32x4.demote_f64x2_zero (local.get $g1))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $zp (i32.add (local.get $zp) (i32.const 32)))
        (br_if $pair (i32.gt_s (local.tee $n (i32.sub (local.get $n) (i32.const 2))) (i32.const 0))))))
)
