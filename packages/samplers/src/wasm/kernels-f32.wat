;; The float32 engine's kernels (`engine: wasm-f32`), WebAssembly SIMD written by hand: four
;; particles of the plane per f32x4, in float32 throughout, as a GPU computes. Assembled by wabt's
;; wat2wasm: `npm run build:wasm -w @scoreflow/samplers` writes kernels-f32-wasm.ts.
;;
;; Memory (imported, four pages; byte offsets, see wasm-f32-kernels.ts):
;;   0 .. 223       the kernels' constants, one v128 each, stored by the start function `$constants`
;;                  (and the logistic's at 352 .. 431)
;;                  (V8 rebuilds a v128.const at every use and computes a v128.load32_splat's address
;;                  apart, while a v128.load folds its offset; each function holds those it uses in locals)
;;   224 .. 287     lane generators 4 .. 7: xoshiro128+ words s0, s1, s2, s3, one v128 each, lane 4 + l in lane l
;;   288 .. 351     the fallback generator (the ziggurat's slow path): s0, s1, s2, s3 in lane 0 of each v128
;;   640 .. 703     lane generators 0 .. 3: xoshiro128+ words s0, s1, s2, s3, one v128 each, lane l in lane l
;;   704 .. 751     the step's cx, cs, cz, each in four lanes
;;   1024 .. 6143   K components (K != 2, up to 256) of the first mixture: a_x a_y p_x p_y c each, float32
;;   6144 .. 6207   Heun's px, ps, cy, cs2, each in four lanes
;;   6208 .. 6719   two components, of the first mixture (6208) and the second (6464), each in four lanes:
;;                  m_x m_y b_x b_y h_x h_y c (the logit difference about m, `$pairLogits`), then
;;                  u_x u_y p_1x p_1y du_x du_y dp_x dp_y (the score, `$pairScores`)
;;   6720 .. 6847   `pairStep`'s coefficients cx - cs p_1, cs u, cs du, cs dp (x, y each), four lanes
;;   6848 .. 6863   during `normals`: the four lanes' table addresses
;;   8192 .. 16383  positions x of one block of 1024 particles, interleaved (x y x y ...)
;;   16384 .. 24575 their normals, per quad of particles the four x then the four y
;;   24576 .. 28671 scratch: the K logits of one quad of particles
;;   28672 .. 36863 the score at x (r_0 before it, for two components), per quad the four x then the four y
;;   36864 .. 45055 Heun's predicted points y, interleaved
;;   45056 .. 53247 the score at y
;;   53248 .. 58367 K components of the second mixture
;;   65536 .. 73727 the ziggurat's fast table, 1,024 layers of W_i = X_i 2^-21 (float32) and K_i (int32)
;;   73728 .. 81919 its slow table: F_i = exp(-X_i^2 / 2) and F_(i+1) - F_i (float32); both tables
;;                  written by the driver (`ZIGGURAT_F32_TABLES`)
;;   81920 .. 90111 during `normals`: the words of the vectors with a lane outside its rectangle
;;   90112 .. 92159 during `normals`: their addresses
;;   131072 .. 212991 a schedule of up to 256 steps, 320 bytes each (`useStep`): the step's cx, cs,
;;                  cz (48 bytes), then its two components' pair (240 bytes), as at 704 and 6208
;;
;; Quad q of a block (its particles 4 q .. 4 q + 3) takes word q of lanes 0 .. 3 for their x normals
;; and of lanes 4 .. 7 for their y normals, through the ziggurat; the rare words outside their
;; layer's rectangle then take the slow path with the fallback generator's words, in order.
;; Each loop keeps few values live: V8 allocates 15 vector registers, and a loop that needs more
;; spills to the stack (drawing the normals inside the score's loop was 20% slower than two loops).
(module
  (import "env" "memory" (memory 4))

  ;; The constants, stored once when the module is instantiated (nothing else writes bytes 0 .. 223).
  (start $constants)
  (func $constants
    (v128.store offset=0 (i32.const 0) (f32x4.splat (f32.const 0.5)))
    (v128.store offset=16 (i32.const 0) (f32x4.splat (f32.const 1)))
    (v128.store offset=32 (i32.const 0) (f32x4.splat (f32.const 50)))
    (v128.store offset=48 (i32.const 0) (f32x4.splat (f32.const -50)))
    (v128.store offset=64 (i32.const 0) (f32x4.splat (f32.const 1.44269504088896341)))
    (v128.store offset=80 (i32.const 0) (f32x4.splat (f32.const 12583039)))
    (v128.store offset=96 (i32.const 0) (f32x4.splat (f32.const 0.693359375)))
    (v128.store offset=112 (i32.const 0) (f32x4.splat (f32.const -2.12194440e-4)))
    (v128.store offset=128 (i32.const 0) (f32x4.splat (f32.const 1.9875691500e-4)))
    (v128.store offset=144 (i32.const 0) (f32x4.splat (f32.const 1.3981999507e-3)))
    (v128.store offset=160 (i32.const 0) (f32x4.splat (f32.const 8.3334519073e-3)))
    (v128.store offset=176 (i32.const 0) (f32x4.splat (f32.const 4.1665795894e-2)))
    (v128.store offset=192 (i32.const 0) (f32x4.splat (f32.const 1.6666665459e-1)))
    (v128.store offset=208 (i32.const 0) (f32x4.splat (f32.const 5.0000001201e-1)))
    ;; the logistic's: ln 2 in float32, and the degree-3 polynomial q of exp(r) = 1 + r + r^2 q(r)
    (v128.store offset=352 (i32.const 0) (f32x4.splat (f32.const 0.693147182464599609375)))
    (v128.store offset=368 (i32.const 0) (f32x4.splat (f32.const 8.3125326782e-3)))
    (v128.store offset=384 (i32.const 0) (f32x4.splat (f32.const 4.1890140623e-2)))
    (v128.store offset=400 (i32.const 0) (f32x4.splat (f32.const 1.6667114198e-1)))
    (v128.store offset=416 (i32.const 0) (f32x4.splat (f32.const 4.9999231100e-1))))

  ;; Seeds a block's generators at a draw key (`laneStates` in the kernel): the eight lane
  ;; generators, lanes 0 .. 3 at 640 and 4 .. 7 at 224, and the fallback generator at 288.
  (func (export "seed") (param $block i32) (param $step i32) (param $stream i32) (param $k0 i32) (param $k1 i32)
    (call $philox (local.get $block) (local.get $step) (local.get $stream) (local.get $k0) (local.get $k1)
      (v128.const i32x4 0x4c414e30 0x4c414e31 0x4c414e32 0x4c414e33) (i32.const 640))
    (call $philox (local.get $block) (local.get $step) (local.get $stream) (local.get $k0) (local.get $k1)
      (v128.const i32x4 0x4c414e34 0x4c414e35 0x4c414e36 0x4c414e37) (i32.const 224))
    (call $philox (local.get $block) (local.get $step) (local.get $stream) (local.get $k0) (local.get $k1)
      (v128.const i32x4 0x4c414e38 0x4c414e38 0x4c414e38 0x4c414e38) (i32.const 288)))

  ;; Four generators from Philox4x32-10 (Salmon, Moraes, Dror and Shaw 2011), lane l at counter
  ;; (block, step, stream, c3_l), key (k0, k1), stored as s0, s1, s2, s3 (one v128 each, lane l in
  ;; lane l) at `at`. The high word of a 32 x 32-bit product comes from i64x2.extmul, two lanes at
  ;; a time. An all-zero state (a fixed point of xoshiro) becomes (1, 0, 0, 0), as core's
  ;; `Xoshiro128.reset` makes it.
  (func $philox (param $block i32) (param $step i32) (param $stream i32) (param $k0 i32) (param $k1 i32) (param $c3 v128) (param $at i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $key0 v128) (local $key1 v128)
    (local $m0 v128) (local $m1 v128) (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128) (local $round i32)
    (local.set $c0 (i32x4.splat (local.get $block)))
    (local.set $c1 (i32x4.splat (local.get $step)))
    (local.set $c2 (i32x4.splat (local.get $stream)))
    (local.set $key0 (i32x4.splat (local.get $k0)))
    (local.set $key1 (i32x4.splat (local.get $k1)))
    (local.set $m0 (v128.const i32x4 0xd2511f53 0xd2511f53 0xd2511f53 0xd2511f53))
    (local.set $m1 (v128.const i32x4 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57 0xcd9e8d57))
    (loop $rounds
      (local.set $lo0 (i32x4.mul (local.get $c0) (local.get $m0)))
      (local.set $hi0 (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        (i64x2.extmul_low_i32x4_u (local.get $c0) (local.get $m0))
        (i64x2.extmul_high_i32x4_u (local.get $c0) (local.get $m0))))
      (local.set $lo1 (i32x4.mul (local.get $c2) (local.get $m1)))
      (local.set $hi1 (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        (i64x2.extmul_low_i32x4_u (local.get $c2) (local.get $m1))
        (i64x2.extmul_high_i32x4_u (local.get $c2) (local.get $m1))))
      (local.set $c0 (v128.xor (v128.xor (local.get $hi1) (local.get $c1)) (local.get $key0)))
      (local.set $c1 (local.get $lo1))
      (local.set $c2 (v128.xor (v128.xor (local.get $hi0) (local.get $c3)) (local.get $key1)))
      (local.set $c3 (local.get $lo0))
      (local.set $key0 (i32x4.add (local.get $key0) (v128.const i32x4 0x9e3779b9 0x9e3779b9 0x9e3779b9 0x9e3779b9)))
      (local.set $key1 (i32x4.add (local.get $key1) (v128.const i32x4 0xbb67ae85 0xbb67ae85 0xbb67ae85 0xbb67ae85)))
      (local.set $round (i32.add (local.get $round) (i32.const 1)))
      (br_if $rounds (i32.lt_u (local.get $round) (i32.const 10))))
    (v128.store offset=0 (local.get $at) (v128.or (local.get $c0)
      (v128.and
        (i32x4.eq (v128.or (v128.or (local.get $c0) (local.get $c1)) (v128.or (local.get $c2) (local.get $c3))) (v128.const i32x4 0 0 0 0))
        (v128.const i32x4 1 1 1 1))))
    (v128.store offset=16 (local.get $at) (local.get $c1))
    (v128.store offset=32 (local.get $at) (local.get $c2))
    (v128.store offset=48 (local.get $at) (local.get $c3)))

  ;; The next word of the fallback generator (xoshiro128+, its state in lane 0 of 288, 304, 320,
  ;; 336): s0 + s3, then the state step of core's `Xoshiro128`; `nextPlus` in TypeScript. Only the
  ;; ziggurat's slow path draws from it.
  (func $nextWord (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $t i32) (local $word i32)
    (local.set $s0 (i32.load offset=288 (i32.const 0)))
    (local.set $s1 (i32.load offset=304 (i32.const 0)))
    (local.set $s2 (i32.load offset=320 (i32.const 0)))
    (local.set $s3 (i32.load offset=336 (i32.const 0)))
    (local.set $word (i32.add (local.get $s0) (local.get $s3)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
    (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
    (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
    (i32.store offset=288 (i32.const 0) (local.get $s0))
    (i32.store offset=304 (i32.const 0) (local.get $s1))
    (i32.store offset=320 (i32.const 0) (local.get $s2))
    (i32.store offset=336 (i32.const 0) (local.get $s3))
    (local.get $word))

  ;; A word's uniform in (0, 1): (floor(w / 2^9) + 0.5) 2^-23, exact in float32 (the top 23 bits:
  ;; xoshiro128+'s weak lowest bits are dropped).
  (func $uniform (param $word i32) (result f32)
    (f32.mul (f32.add (f32.convert_i32_s (i32.shr_u (local.get $word) (i32.const 9))) (f32.const 0.5)) (f32.const 0x1p-23)))

  ;; ln u for u > 0 in float32 (`lnF32` in TypeScript): u = m 2^e with m in [sqrt(1/2), sqrt(2)],
  ;; ln u = e ln 2 + 2 atanh(s), s = (m - 1) / (m + 1), the series to s^9 (|s| <= 0.172: the first
  ;; omitted term below 2e-9).
  (func $ln (param $u f32) (result f32)
    (local $bits i32) (local $e f32) (local $m f32) (local $s f32) (local $s2 f32) (local $series f32)
    (local.set $bits (i32.reinterpret_f32 (local.get $u)))
    (local.set $e (f32.convert_i32_s (i32.sub (i32.shr_u (local.get $bits) (i32.const 23)) (i32.const 127))))
    (local.set $m (f32.reinterpret_i32 (i32.or (i32.and (local.get $bits) (i32.const 0x007fffff)) (i32.const 0x3f800000))))
    (if (f32.gt (local.get $m) (f32.const 1.41421356237309515))
      (then
        (local.set $m (f32.mul (local.get $m) (f32.const 0.5)))
        (local.set $e (f32.add (local.get $e) (f32.const 1)))))
    (local.set $s (f32.div (f32.sub (local.get $m) (f32.const 1)) (f32.add (local.get $m) (f32.const 1))))
    (local.set $s2 (f32.mul (local.get $s) (local.get $s)))
    (local.set $series (f32.add (f32.mul (local.get $s2) (f32.const 0.111111111111111105)) (f32.const 0.142857142857142849)))
    (local.set $series (f32.add (f32.mul (local.get $s2) (local.get $series)) (f32.const 0.2)))
    (local.set $series (f32.add (f32.mul (local.get $s2) (local.get $series)) (f32.const 0.333333333333333315)))
    (local.set $series (f32.add (f32.mul (local.get $s2) (local.get $series)) (f32.const 1)))
    (f32.add (f32.mul (local.get $e) (f32.const 0.693147180559945286)) (f32.mul (f32.add (local.get $s) (local.get $s)) (local.get $series))))

  ;; The ziggurat's slow path (`zigguratSlow` in TypeScript; Marsaglia and Tsang 2000, with
  ;; Doornik's 2005 exact wedges and tail) for a word w, drawing further words from the fallback
  ;; generator: a word inside its layer's rectangle returns the fast path's x (drawing nothing);
  ;; for layer i = w >> 22 >= 1 the wedge's test F_i + u (F_(i+1) - F_i) < exp(-x^2 / 2) on a fresh
  ;; uniform, else a fresh word from the start; for the base layer the tail beyond R (Marsaglia
  ;; 1964): a = -ln(u_1) / R, b = -ln(u_2) until 2 b >= a^2, then R + a with w's sign.
  (func $slow (param $word i32) (result f32)
    (local $layer i32) (local $j i32) (local $sign i32) (local $x f32) (local $a f32) (local $b f32)
    (loop $draw
      (local.set $layer (i32.shl (i32.shr_u (local.get $word) (i32.const 22)) (i32.const 3)))
      (local.set $j (i32.shr_s (i32.shl (local.get $word) (i32.const 10)) (i32.const 10)))
      (local.set $x (f32.mul (f32.convert_i32_s (local.get $j)) (f32.load offset=65536 (local.get $layer))))
      (local.set $sign (i32.shr_s (local.get $j) (i32.const 31)))
      (if (i32.lt_s (i32.sub (i32.xor (local.get $j) (local.get $sign)) (local.get $sign)) (i32.load offset=65540 (local.get $layer)))
        (then (return (local.get $x))))
      (if (i32.eqz (local.get $layer))
        (then
          (loop $tail
            (local.set $a (f32.div (f32.neg (call $ln (call $uniform (call $nextWord)))) (f32.const 4.038849846109503)))
            (local.set $b (f32.neg (call $ln (call $uniform (call $nextWord)))))
            (br_if $tail (f32.lt (f32.add (local.get $b) (local.get $b)) (f32.mul (local.get $a) (local.get $a)))))
          (local.set $x (f32.add (f32.const 4.038849846109503) (local.get $a)))
          (return (select (f32.neg (local.get $x)) (local.get $x) (local.get $sign)))))
      (if (f32.lt
            (f32.add (f32.load offset=73728 (local.get $layer)) (f32.mul (call $uniform (call $nextWord)) (f32.load offset=73732 (local.get $layer))))
            (f32x4.extract_lane 0 (call $exp (f32x4.splat (f32.mul (f32.mul (local.get $x) (local.get $x)) (f32.const -0.5))))))
        (then (return (local.get $x))))
      (local.set $word (call $nextWord))
      (br $draw))
    (unreachable))

  ;; The normals of quads 0 .. q1 - 1 of the block into 16384, from generators fresh from `seed`
  ;; (`laneNormals` in TypeScript). Quad q's eight values (its four particles' x, then their y) are
  ;; word q of lanes 0 .. 7 through the ziggurat (Marsaglia and Tsang 2000) with 1,024 layers, eight lanes a
  ;; quad: of a word w, layer i = w >> 22 (the top 10 bits) and j = its low 22 bits as a signed
  ;; integer; x = j W_i (W_i = X_i 2^-21, X_i the layer's right edge), accepted when |j| < K_i =
  ;; ceil(2^21 X_(i+1) / X_i), x then inside the layer's rectangle, under the density: 99.57% of
  ;; words. The rest, in order, then take `$slow` with the fallback generator's words (so the lanes
  ;; run without a branch, and a normal's words do not move the others'). A block's normals are
  ;; drawn from its start: how many words the fallback gives each depends on those before it.
  ;; Two lane groups of four, two independent xoshiro chains per quad: one chain of dependent
  ;; operations per iteration was twice as slow.
  (func (export "normals") (param $q1 i32)
    (local $p i32) (local $end i32) (local $count i32) (local $c i32) (local $lane i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $t v128) (local $w v128)
    (local $low v128) (local $high v128) (local $j v128)
    (local.set $s0 (v128.load offset=640 (i32.const 0)))
    (local.set $s1 (v128.load offset=656 (i32.const 0)))
    (local.set $s2 (v128.load offset=672 (i32.const 0)))
    (local.set $s3 (v128.load offset=688 (i32.const 0)))
    (local.set $r0 (v128.load offset=224 (i32.const 0)))
    (local.set $r1 (v128.load offset=240 (i32.const 0)))
    (local.set $r2 (v128.load offset=256 (i32.const 0)))
    (local.set $r3 (v128.load offset=272 (i32.const 0)))
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $q1) (i32.const 5))))
    (block $done
      (loop $quad
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $w (i32x4.add (local.get $s0) (local.get $s3)))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        ;; the fast path: each lane's table words (W_i, K_i) by v128.load64_lane at the layer's address 8 i
        ;; (the four addresses through memory at 6848: four i32.load were faster than four extract_lane), x = j W_i stored;
        ;; w and p recorded at 81920 + 16 c, 90112 + 4 c, c counting on only where a lane failed
        (v128.store offset=6848 (i32.const 0) (i32x4.shl (i32x4.shr_u (local.get $w) (i32.const 22)) (i32.const 3)))
        (local.set $low (v128.load64_lane offset=65536 0 (i32.load offset=6848 (i32.const 0)) (local.get $w)))
        (local.set $low (v128.load64_lane offset=65536 1 (i32.load offset=6852 (i32.const 0)) (local.get $low)))
        (local.set $high (v128.load64_lane offset=65536 0 (i32.load offset=6856 (i32.const 0)) (local.get $w)))
        (local.set $high (v128.load64_lane offset=65536 1 (i32.load offset=6860 (i32.const 0)) (local.get $high)))
        (local.set $j (i32x4.shr_s (i32x4.shl (local.get $w) (i32.const 10)) (i32.const 10)))
        (v128.store offset=0 (local.get $p) (f32x4.mul (f32x4.convert_i32x4_s (local.get $j))
          (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $low) (local.get $high))))
        (v128.store offset=81920 (local.get $count) (local.get $w))
        (i32.store offset=90112 (i32.shr_u (local.get $count) (i32.const 2)) (i32.add (local.get $p) (i32.const 0)))
        (local.set $count (i32.add (local.get $count) (i32.shl (i32.sub (i32.const 1)
          (i32x4.all_true (i32x4.lt_s (i32x4.abs (local.get $j))
            (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $low) (local.get $high)))))
          (i32.const 4))))
        (local.set $w (i32x4.add (local.get $r0) (local.get $r3)))
        (local.set $t (i32x4.shl (local.get $r1) (i32.const 9)))
        (local.set $r2 (v128.xor (local.get $r2) (local.get $r0)))
        (local.set $r3 (v128.xor (local.get $r3) (local.get $r1)))
        (local.set $r1 (v128.xor (local.get $r1) (local.get $r2)))
        (local.set $r0 (v128.xor (local.get $r0) (local.get $r3)))
        (local.set $r2 (v128.xor (local.get $r2) (local.get $t)))
        (local.set $r3 (v128.or (i32x4.shl (local.get $r3) (i32.const 11)) (i32x4.shr_u (local.get $r3) (i32.const 21))))
        ;; the fast path: each lane's table words (W_i, K_i) by v128.load64_lane at the layer's address 8 i
        ;; (the four addresses through memory at 6848: four i32.load were faster than four extract_lane), x = j W_i stored;
        ;; w and p recorded at 81920 + 16 c, 90112 + 4 c, c counting on only where a lane failed
        (v128.store offset=6848 (i32.const 0) (i32x4.shl (i32x4.shr_u (local.get $w) (i32.const 22)) (i32.const 3)))
        (local.set $low (v128.load64_lane offset=65536 0 (i32.load offset=6848 (i32.const 0)) (local.get $w)))
        (local.set $low (v128.load64_lane offset=65536 1 (i32.load offset=6852 (i32.const 0)) (local.get $low)))
        (local.set $high (v128.load64_lane offset=65536 0 (i32.load offset=6856 (i32.const 0)) (local.get $w)))
        (local.set $high (v128.load64_lane offset=65536 1 (i32.load offset=6860 (i32.const 0)) (local.get $high)))
        (local.set $j (i32x4.shr_s (i32x4.shl (local.get $w) (i32.const 10)) (i32.const 10)))
        (v128.store offset=16 (local.get $p) (f32x4.mul (f32x4.convert_i32x4_s (local.get $j))
          (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $low) (local.get $high))))
        (v128.store offset=81920 (local.get $count) (local.get $w))
        (i32.store offset=90112 (i32.shr_u (local.get $count) (i32.const 2)) (i32.add (local.get $p) (i32.const 16)))
        (local.set $count (i32.add (local.get $count) (i32.shl (i32.sub (i32.const 1)
          (i32x4.all_true (i32x4.lt_s (i32x4.abs (local.get $j))
            (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $low) (local.get $high)))))
          (i32.const 4))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $quad)))
    ;; (the lanes' states are not stored back: the next draw seeds them afresh)
    ;; the second pass: each recorded vector's four words through `$slow` (a lane that passed gives its x again)
    (block $fixed
      (loop $recorded
        (br_if $fixed (i32.ge_u (local.get $c) (local.get $count)))
        (local.set $p (i32.load offset=90112 (i32.shr_u (local.get $c) (i32.const 2))))
        (local.set $lane (i32.const 0))
        (loop $lanes
          (f32.store (i32.add (local.get $p) (local.get $lane))
            (call $slow (i32.load offset=81920 (i32.add (local.get $c) (local.get $lane)))))
          (local.set $lane (i32.add (local.get $lane) (i32.const 4)))
          (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 16))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $recorded))))

  ;; exp(x) in each lane, Cephes' expf (Moshier 1989) with x clamped to [-50, 50] (Cephes clamps to
  ;; [-87, 88]): the score's weights need no more (e^-50 = 2e-22 beside the largest weight, 1), and
  ;; a weight near 1e-38 makes subnormal products, which cost x86 a microcode assist (about a
  ;; hundred cycles) each: particles far from a mode made the step three times slower.
  ;; n = round(x log2 e), r = x - n C1 - n C2 (Cody and Waite 1980: C1 + C2 = ln 2, C1 of 9 bits so
  ;; that n C1 is exact), exp(r) = 1 + r + r^2 P(r) with Cephes' degree-5 P on [-ln 2 / 2, ln 2 / 2],
  ;; times 2^n. NaN passes through. `score` writes it out where it runs (V8 does not inline
  ;; WebAssembly calls, and a call with v128 arguments costs more than the exp); this copy is the
  ;; one the spec measures.
  (func $exp (param $x v128) (result v128)
    (local $expHigh v128) (local $expLow v128) (local $log2e v128) (local $expShift v128) (local $c1 v128) (local $c2 v128) (local $p5 v128) (local $p4 v128) (local $p3 v128) (local $p2 v128) (local $p1 v128) (local $p0 v128) (local $one v128)
    (local $ey v128) (local $en v128) (local $er v128) (local $out v128)
    (local.set $expHigh (v128.load offset=32 (i32.const 0)))
    (local.set $expLow (v128.load offset=48 (i32.const 0)))
    (local.set $log2e (v128.load offset=64 (i32.const 0)))
    (local.set $expShift (v128.load offset=80 (i32.const 0)))
    (local.set $c1 (v128.load offset=96 (i32.const 0)))
    (local.set $c2 (v128.load offset=112 (i32.const 0)))
    (local.set $p5 (v128.load offset=128 (i32.const 0)))
    (local.set $p4 (v128.load offset=144 (i32.const 0)))
    (local.set $p3 (v128.load offset=160 (i32.const 0)))
    (local.set $p2 (v128.load offset=176 (i32.const 0)))
    (local.set $p1 (v128.load offset=192 (i32.const 0)))
    (local.set $p0 (v128.load offset=208 (i32.const 0)))
    (local.set $one (v128.load offset=16 (i32.const 0)))
    (local.set $x (f32x4.pmax (f32x4.pmin (local.get $x) (local.get $expHigh)) (local.get $expLow)))
    ;; n + 1.5 2^23 + 127, rounded to an integer by the float32 addition itself
    (local.set $ey (f32x4.add (f32x4.mul (local.get $x) (local.get $log2e)) (local.get $expShift)))
    (local.set $en (f32x4.sub (local.get $ey) (local.get $expShift)))
    (local.set $er (f32x4.sub (f32x4.sub (local.get $x) (f32x4.mul (local.get $en) (local.get $c1))) (f32x4.mul (local.get $en) (local.get $c2))))
    (local.set $en (i32x4.shl (local.get $ey) (i32.const 23)))
    (local.set $ey (f32x4.add (f32x4.mul (local.get $p5) (local.get $er)) (local.get $p4)))
    (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p3)))
    (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p2)))
    (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p1)))
    (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p0)))
    ;; exp(r) = 1 + r + r^2 P(r), times 2^n
    (local.set $out (f32x4.mul (f32x4.add (f32x4.add (f32x4.mul (local.get $ey) (f32x4.mul (local.get $er) (local.get $er))) (local.get $er)) (local.get $one)) (local.get $en)))
    (local.get $out))

  ;; exp of `count` float32 at 16384 (a multiple of 4), in place: what the spec measures.
  (func (export "expInPlace") (param $count i32)
    (local $p i32) (local $end i32)
    (local.set $p (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (call $exp (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $each))))

  ;; The exact score of a mixture in the plane at quads q0 .. q1 - 1 of the positions at 8192
  ;; (`source` 0: x; 1: the predicted points y at 36864) into 28672 (source 0) or 45056 (source 1), per
  ;; quad the four x then the four y, with the mixture of `set` (0: the pair at 6208 and the table at
  ;; 1024; 1: the pair at 6464 and the table at 53248). Two components (`components` 2): the passes
  ;; `$pairLogits`, `$logistic` and `$pairScores`; K components: logits l_k = c_k - (1/2) sum_j (x_j -
  ;; a_kj)^2 p_kj, their maximum, then score = sum_k e^(l_k - max) p_k (a_k - x) / sum_k e^(l_k - max).
  ;; Passes over the quads, each a short chain of dependent operations: one pass for a whole step is
  ;; a chain of some 40 operations of 4 cycles per quad, longer than the out-of-order window overlaps,
  ;; and needs more than the 15 vector registers V8 allocates.
  (func $score (export "score") (param $q0 i32) (param $q1 i32) (param $components i32) (param $from i32) (param $set i32)
    (local $half v128) (local $expHigh v128) (local $expLow v128) (local $log2e v128) (local $expShift v128) (local $c1 v128) (local $c2 v128) (local $p5 v128) (local $p4 v128) (local $p3 v128) (local $p2 v128) (local $p1 v128) (local $p0 v128) (local $one v128)
    (local $p i32) (local $start i32) (local $end i32) (local $k i32) (local $table i32) (local $row i32)
    (local $source i32) (local $target i32)
    (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $sx v128) (local $sy v128)
    (local $dx v128) (local $dy v128)
    (local $l v128) (local $largest v128) (local $w v128) (local $total v128)
    (local $ey v128) (local $en v128) (local $er v128)
    (local.set $source (select (i32.const 36864) (i32.const 8192) (local.get $from)))
    (local.set $target (select (i32.const 45056) (i32.const 28672) (local.get $from)))
    (local.set $start (i32.shl (local.get $q0) (i32.const 5)))
    (local.set $end (i32.shl (local.get $q1) (i32.const 5)))
    (if (i32.eq (local.get $components) (i32.const 2))
      (then
        (call $pairLogits (local.get $start) (local.get $end) (local.get $source) (local.get $target) (i32.shl (local.get $set) (i32.const 8)))
        (call $logistic (local.get $start) (local.get $end) (local.get $target))
        (call $pairScores (local.get $start) (local.get $end) (local.get $source) (local.get $target) (i32.shl (local.get $set) (i32.const 8)))
        (return)))
    (local.set $half (v128.load offset=0 (i32.const 0)))
    (local.set $expHigh (v128.load offset=32 (i32.const 0)))
    (local.set $expLow (v128.load offset=48 (i32.const 0)))
    (local.set $log2e (v128.load offset=64 (i32.const 0)))
    (local.set $expShift (v128.load offset=80 (i32.const 0)))
    (local.set $c1 (v128.load offset=96 (i32.const 0)))
    (local.set $c2 (v128.load offset=112 (i32.const 0)))
    (local.set $p5 (v128.load offset=128 (i32.const 0)))
    (local.set $p4 (v128.load offset=144 (i32.const 0)))
    (local.set $p3 (v128.load offset=160 (i32.const 0)))
    (local.set $p2 (v128.load offset=176 (i32.const 0)))
    (local.set $p1 (v128.load offset=192 (i32.const 0)))
    (local.set $p0 (v128.load offset=208 (i32.const 0)))
    (local.set $one (v128.load offset=16 (i32.const 0)))
    (local.set $table (select (i32.const 53248) (i32.const 1024) (local.get $set)))
    (local.set $p (local.get $start))
    (block $mixture_done
      (loop $mixture
        (br_if $mixture_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (local.get $source))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (local.get $source))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        ;; the logits into the scratch row, and their maximum (pmax, one instruction where max is seven: it
        ;; skips a NaN logit, whose weight exp(NaN - max) is NaN anyway, so a NaN position stays NaN)
        (local.set $largest (v128.const f32x4 -inf -inf -inf -inf))
        (local.set $k (i32.const 0))
        (local.set $row (local.get $table))
        (loop $logits
          (local.set $dx (f32x4.sub (v128.load32_splat offset=0 (local.get $row)) (local.get $x)))
          (local.set $dy (f32x4.sub (v128.load32_splat offset=4 (local.get $row)) (local.get $y)))
          (local.set $l (f32x4.sub (v128.load32_splat offset=16 (local.get $row))
            (f32x4.mul
              (f32x4.add
                (f32x4.mul (f32x4.mul (local.get $dx) (local.get $dx)) (v128.load32_splat offset=8 (local.get $row)))
                (f32x4.mul (f32x4.mul (local.get $dy) (local.get $dy)) (v128.load32_splat offset=12 (local.get $row))))
              (local.get $half))))
          (v128.store offset=24576 (i32.shl (local.get $k) (i32.const 4)) (local.get $l))
          (local.set $largest (f32x4.pmax (local.get $largest) (local.get $l)))
          (local.set $row (i32.add (local.get $row) (i32.const 20)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $logits (i32.lt_u (local.get $k) (local.get $components))))
        (local.set $total (v128.const f32x4 0 0 0 0))
        (local.set $sx (v128.const f32x4 0 0 0 0))
        (local.set $sy (v128.const f32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (local.set $row (local.get $table))
        (loop $weights
          (local.set $l (f32x4.sub (v128.load offset=24576 (i32.shl (local.get $k) (i32.const 4))) (local.get $largest)))
          (local.set $l (f32x4.pmax (f32x4.pmin (local.get $l) (local.get $expHigh)) (local.get $expLow)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $l) (local.get $log2e)) (local.get $expShift)))
          (local.set $en (f32x4.sub (local.get $ey) (local.get $expShift)))
          (local.set $er (f32x4.sub (f32x4.sub (local.get $l) (f32x4.mul (local.get $en) (local.get $c1))) (f32x4.mul (local.get $en) (local.get $c2))))
          (local.set $en (i32x4.shl (local.get $ey) (i32.const 23)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $p5) (local.get $er)) (local.get $p4)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p3)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p2)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p1)))
          (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $p0)))
          (local.set $w (f32x4.mul (f32x4.add (f32x4.add (f32x4.mul (local.get $ey) (f32x4.mul (local.get $er) (local.get $er))) (local.get $er)) (local.get $one)) (local.get $en)))
          (local.set $total (f32x4.add (local.get $total) (local.get $w)))
          (local.set $sx (f32x4.add (local.get $sx) (f32x4.mul (local.get $w)
            (f32x4.mul (f32x4.sub (v128.load32_splat offset=0 (local.get $row)) (local.get $x)) (v128.load32_splat offset=8 (local.get $row))))))
          (local.set $sy (f32x4.add (local.get $sy) (f32x4.mul (local.get $w)
            (f32x4.mul (f32x4.sub (v128.load32_splat offset=4 (local.get $row)) (local.get $y)) (v128.load32_splat offset=12 (local.get $row))))))
          (local.set $row (i32.add (local.get $row) (i32.const 20)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br_if $weights (i32.lt_u (local.get $k) (local.get $components))))
        (v128.store (i32.add (local.get $p) (local.get $target)) (f32x4.div (local.get $sx) (local.get $total)))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $target)) (f32x4.div (local.get $sy) (local.get $total)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $mixture)))
)

  ;; Two components' logit difference l = l_1 - l_0 at quads of the positions at `source` (byte
  ;; offsets start .. end) into `target`, with the pair at 6208 + `pair`. With l_k = c_k - (1/2) (a_k -
  ;; x)' P_k (a_k - x), and x = m - v about the centres' midpoint m (v = m - x, exact where x is near
  ;; m), l = c - v . (b + h v) per coordinate: c = c_1 - c_0 - (1/2) (e_1' P_1 e_1 - e_0' P_0 e_0),
  ;; b = P_1 e_1 - P_0 e_0, h = (P_1 - P_0) / 2, e_k = a_k - m, all computed by the driver in float64.
  ;; Twelve operations a quad where the two distances take seventeen; about the midpoint (not the
  ;; origin) the terms stay on the scale of l where l is moderate, so far-off mixtures lose nothing.
  (func $pairLogits (param $start i32) (param $end i32) (param $source i32) (param $target i32) (param $pair i32)
    (local $mx v128) (local $my v128) (local $bx v128) (local $by v128) (local $hx v128) (local $hy v128) (local $c v128)
    (local $p i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $vx v128) (local $vy v128) (local $l v128)
    (local.set $mx (v128.load offset=6208 (local.get $pair)))
    (local.set $my (v128.load offset=6224 (local.get $pair)))
    (local.set $bx (v128.load offset=6240 (local.get $pair)))
    (local.set $by (v128.load offset=6256 (local.get $pair)))
    (local.set $hx (v128.load offset=6272 (local.get $pair)))
    (local.set $hy (v128.load offset=6288 (local.get $pair)))
    (local.set $c (v128.load offset=6304 (local.get $pair)))
    (local.set $p (local.get $start))
    (block $logits_done
      (loop $logits
        (br_if $logits_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (local.get $source))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (local.get $source))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $vx (f32x4.sub (local.get $mx) (local.get $x)))
        (local.set $vy (f32x4.sub (local.get $my) (local.get $y)))
        (local.set $l (f32x4.sub (local.get $c) (f32x4.add
          (f32x4.mul (local.get $vx) (f32x4.add (local.get $bx) (f32x4.mul (local.get $hx) (local.get $vx))))
          (f32x4.mul (local.get $vy) (f32x4.add (local.get $by) (f32x4.mul (local.get $hy) (local.get $vy)))))))
        ;; l + (l - l): NaN where l is infinite (a coordinate infinite), as the distances' inf - inf is,
        ;; so that both coordinates of a non-finite position come out NaN
        (v128.store (i32.add (local.get $p) (local.get $target)) (f32x4.add (local.get $l) (f32x4.sub (local.get $l) (local.get $l))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $logits))))

  ;; The logistic r_0 = 1 / (1 + exp(l)) in place at `target` (byte offsets start .. end): the weight
  ;; of component 0 from the logit difference l = l_1 - l_0. exp as in `$exp` with l clamped to [-50,
  ;; 50], but one constant for the range reduction (r = l - n ln 2 in float32: off by at most |n| 2^-24
  ;; ln 2, where r_0 (1 - r_0) <= 2^-|n| makes it vanish) and a degree-5 polynomial, 1 + r + r^2 q(r)
  ;; with q's four coefficients fitted to the relative error on [-ln 2 / 2, ln 2 / 2] (1.05e-7).
  ;; r_0 is within 1e-7 of 1 / (1 + e^l) (the spec bounds it over [-60, 60]); the weights need no
  ;; more, and the pass is a quarter shorter than with Cephes' exp.
  (func $logistic (param $start i32) (param $end i32) (param $target i32)
    (local $expHigh v128) (local $expLow v128) (local $log2e v128) (local $expShift v128) (local $ln2 v128)
    (local $q3 v128) (local $q2 v128) (local $q1 v128) (local $q0 v128) (local $one v128)
    (local $p i32) (local $l v128) (local $w v128) (local $ey v128) (local $en v128) (local $er v128)
    (local.set $expHigh (v128.load offset=32 (i32.const 0)))
    (local.set $expLow (v128.load offset=48 (i32.const 0)))
    (local.set $log2e (v128.load offset=64 (i32.const 0)))
    (local.set $expShift (v128.load offset=80 (i32.const 0)))
    (local.set $ln2 (v128.load offset=352 (i32.const 0)))
    (local.set $q3 (v128.load offset=368 (i32.const 0)))
    (local.set $q2 (v128.load offset=384 (i32.const 0)))
    (local.set $q1 (v128.load offset=400 (i32.const 0)))
    (local.set $q0 (v128.load offset=416 (i32.const 0)))
    (local.set $one (v128.load offset=16 (i32.const 0)))
    (local.set $p (local.get $start))
    (block $logistic_done
      (loop $logistic
        (br_if $logistic_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $l (v128.load (i32.add (local.get $p) (local.get $target))))
        (local.set $l (f32x4.pmax (f32x4.pmin (local.get $l) (local.get $expHigh)) (local.get $expLow)))
        ;; n = round(l log2 e) by the float32 addition of 1.5 2^23 + 127, r = l - n ln 2
        (local.set $ey (f32x4.add (f32x4.mul (local.get $l) (local.get $log2e)) (local.get $expShift)))
        (local.set $en (f32x4.sub (local.get $ey) (local.get $expShift)))
        (local.set $er (f32x4.sub (local.get $l) (f32x4.mul (local.get $en) (local.get $ln2))))
        (local.set $en (i32x4.shl (local.get $ey) (i32.const 23)))
        (local.set $ey (f32x4.add (f32x4.mul (local.get $q3) (local.get $er)) (local.get $q2)))
        (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $q1)))
        (local.set $ey (f32x4.add (f32x4.mul (local.get $ey) (local.get $er)) (local.get $q0)))
        (local.set $w (f32x4.mul (f32x4.add (f32x4.add (f32x4.mul (local.get $ey) (f32x4.mul (local.get $er) (local.get $er))) (local.get $er)) (local.get $one)) (local.get $en)))
        (v128.store (i32.add (local.get $p) (local.get $target)) (f32x4.div (local.get $one) (f32x4.add (local.get $w) (local.get $one))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $logistic))))

  ;; Two components' score from r_0 at `target` (in place, byte offsets start .. end) and the
  ;; positions at `source`, with the pair at 6208 + `pair`: score = p_1 (a_1 - x) + r_0 (p_0 (a_0 - x)
  ;; - p_1 (a_1 - x)) = u - p_1 x + r_0 (du - dp x) per coordinate, u = p_1 a_1, du = p_0 a_0 - p_1
  ;; a_1, dp = p_0 - p_1 (from the driver).
  (func $pairScores (param $start i32) (param $end i32) (param $source i32) (param $target i32) (param $pair i32)
    (local $ux v128) (local $uy v128) (local $qx v128) (local $qy v128) (local $dux v128) (local $duy v128) (local $dpx v128) (local $dpy v128)
    (local $p i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $w v128)
    (local.set $ux (v128.load offset=6320 (local.get $pair)))
    (local.set $uy (v128.load offset=6336 (local.get $pair)))
    (local.set $qx (v128.load offset=6352 (local.get $pair)))
    (local.set $qy (v128.load offset=6368 (local.get $pair)))
    (local.set $dux (v128.load offset=6384 (local.get $pair)))
    (local.set $duy (v128.load offset=6400 (local.get $pair)))
    (local.set $dpx (v128.load offset=6416 (local.get $pair)))
    (local.set $dpy (v128.load offset=6432 (local.get $pair)))
    (local.set $p (local.get $start))
    (block $scores_done
      (loop $scores
        (br_if $scores_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (local.get $source))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (local.get $source))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $w (v128.load (i32.add (local.get $p) (local.get $target))))
        (v128.store (i32.add (local.get $p) (local.get $target))
          (f32x4.add (f32x4.sub (local.get $ux) (f32x4.mul (local.get $qx) (local.get $x))) (f32x4.mul (local.get $w) (f32x4.sub (local.get $dux) (f32x4.mul (local.get $dpx) (local.get $x))))))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $target))
          (f32x4.add (f32x4.sub (local.get $uy) (f32x4.mul (local.get $qy) (local.get $y))) (f32x4.mul (local.get $w) (f32x4.sub (local.get $duy) (f32x4.mul (local.get $dpy) (local.get $y))))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $scores))))

  ;; The whole reverse (or probability-flow) step of quads q0 .. q1 - 1 of x with two components
  ;; (the first mixture's pair): `$pairLogits`, `$logistic`, then one pass for the score and the
  ;; update together, x <- cx x + cs (u - p_1 x + r_0 (du - dp x)) + cz z = (cx - cs p_1) x + cs u +
  ;; r_0 (cs du - cs dp x) + cz z, its four coefficients per coordinate computed once a call (float32).
  ;; The score is not stored. Returns 1 when every new position is finite.
  (func (export "pairStep") (param $q0 i32) (param $q1 i32) (param $noisy i32) (result i32)
    (local $start i32) (local $end i32)
    (local.set $start (i32.shl (local.get $q0) (i32.const 5)))
    (local.set $end (i32.shl (local.get $q1) (i32.const 5)))
    (call $pairLogits (local.get $start) (local.get $end) (i32.const 8192) (i32.const 28672) (i32.const 0))
    (call $logistic (local.get $start) (local.get $end) (i32.const 28672))
    (call $pairUpdate (local.get $start) (local.get $end) (local.get $noisy)))

  ;; `pairStep`'s last pass (byte offsets start .. end): the score and the update together.
  (func $pairUpdate (param $start i32) (param $end i32) (param $noisy i32) (result i32)
    (local $cx v128) (local $cs v128) (local $cz v128)
    (local $fx v128) (local $fy v128) (local $ux v128) (local $uy v128) (local $dux v128) (local $duy v128) (local $gx v128) (local $gy v128)
    (local $p i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $w v128) (local $bad v128)
    (local.set $cx (v128.load offset=704 (i32.const 0)))
    (local.set $cs (v128.load offset=720 (i32.const 0)))
    (local.set $cz (v128.load offset=736 (i32.const 0)))
    ;; the coefficients, stored at 6720 and loaded back: V8 keeps loaded constants where it can fold
    ;; them into the loop's operations, while computed ones spilled made the loop 40% slower
    (v128.store offset=6720 (i32.const 0) (f32x4.sub (local.get $cx) (f32x4.mul (local.get $cs) (v128.load offset=6352 (i32.const 0)))))
    (v128.store offset=6736 (i32.const 0) (f32x4.sub (local.get $cx) (f32x4.mul (local.get $cs) (v128.load offset=6368 (i32.const 0)))))
    (v128.store offset=6752 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6320 (i32.const 0))))
    (v128.store offset=6768 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6336 (i32.const 0))))
    (v128.store offset=6784 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6384 (i32.const 0))))
    (v128.store offset=6800 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6400 (i32.const 0))))
    (v128.store offset=6816 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6416 (i32.const 0))))
    (v128.store offset=6832 (i32.const 0) (f32x4.mul (local.get $cs) (v128.load offset=6432 (i32.const 0))))
    (local.set $fx (v128.load offset=6720 (i32.const 0)))
    (local.set $fy (v128.load offset=6736 (i32.const 0)))
    (local.set $ux (v128.load offset=6752 (i32.const 0)))
    (local.set $uy (v128.load offset=6768 (i32.const 0)))
    (local.set $dux (v128.load offset=6784 (i32.const 0)))
    (local.set $duy (v128.load offset=6800 (i32.const 0)))
    (local.set $gx (v128.load offset=6816 (i32.const 0)))
    (local.set $gy (v128.load offset=6832 (i32.const 0)))
    (local.set $p (local.get $start))
    (block $update_done
      (loop $update
        (br_if $update_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $w (v128.load offset=28672 (local.get $p)))
        (local.set $x (f32x4.add (f32x4.add (f32x4.mul (local.get $fx) (local.get $x)) (local.get $ux)) (f32x4.mul (local.get $w) (f32x4.sub (local.get $dux) (f32x4.mul (local.get $gx) (local.get $x))))))
        (local.set $y (f32x4.add (f32x4.add (f32x4.mul (local.get $fy) (local.get $y)) (local.get $uy)) (f32x4.mul (local.get $w) (f32x4.sub (local.get $duy) (f32x4.mul (local.get $gy) (local.get $y))))))
        (if (local.get $noisy)
          (then
            (local.set $x (f32x4.add (local.get $x) (f32x4.mul (local.get $cz) (v128.load offset=16384 (local.get $p)))))
            (local.set $y (f32x4.add (local.get $y) (f32x4.mul (local.get $cz) (v128.load offset=16400 (local.get $p)))))))
        (local.set $bad (v128.or (local.get $bad) (v128.or
          (f32x4.ne (f32x4.sub (local.get $x) (local.get $x)) (v128.const f32x4 0 0 0 0))
          (f32x4.ne (f32x4.sub (local.get $y) (local.get $y)) (v128.const f32x4 0 0 0 0)))))
        (v128.store offset=8192 (local.get $p) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (v128.store offset=8208 (local.get $p) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $update)))
    (i32.eqz (v128.any_true (local.get $bad))))

  ;; Makes step s of the schedule the current one: its cx, cs, cz to 704 and its pair to 6208 (the
  ;; first mixture), eighteen v128 copies, so that a block runs several steps while it stays in
  ;; memory (`wasmF32MixtureSteps`) without the driver writing constants between them.
  (func (export "useStep") (param $s i32)
    (local $from i32)
    (local.set $from (i32.add (i32.const 131072) (i32.mul (local.get $s) (i32.const 320))))
    (v128.store offset=704 (i32.const 0) (v128.load offset=0 (local.get $from)))
    (v128.store offset=720 (i32.const 0) (v128.load offset=16 (local.get $from)))
    (v128.store offset=736 (i32.const 0) (v128.load offset=32 (local.get $from)))
    (v128.store offset=6208 (i32.const 0) (v128.load offset=48 (local.get $from)))
    (v128.store offset=6224 (i32.const 0) (v128.load offset=64 (local.get $from)))
    (v128.store offset=6240 (i32.const 0) (v128.load offset=80 (local.get $from)))
    (v128.store offset=6256 (i32.const 0) (v128.load offset=96 (local.get $from)))
    (v128.store offset=6272 (i32.const 0) (v128.load offset=112 (local.get $from)))
    (v128.store offset=6288 (i32.const 0) (v128.load offset=128 (local.get $from)))
    (v128.store offset=6304 (i32.const 0) (v128.load offset=144 (local.get $from)))
    (v128.store offset=6320 (i32.const 0) (v128.load offset=160 (local.get $from)))
    (v128.store offset=6336 (i32.const 0) (v128.load offset=176 (local.get $from)))
    (v128.store offset=6352 (i32.const 0) (v128.load offset=192 (local.get $from)))
    (v128.store offset=6368 (i32.const 0) (v128.load offset=208 (local.get $from)))
    (v128.store offset=6384 (i32.const 0) (v128.load offset=224 (local.get $from)))
    (v128.store offset=6400 (i32.const 0) (v128.load offset=240 (local.get $from)))
    (v128.store offset=6416 (i32.const 0) (v128.load offset=256 (local.get $from)))
    (v128.store offset=6432 (i32.const 0) (v128.load offset=272 (local.get $from)))
  )

  ;; The logistic of `count` float32 at 16384 (a multiple of 8), in place: what the spec measures
  ;; (`$logistic` takes the first four of each eight, as r_0 sits in a quad's score).
  (func (export "logisticInPlace") (param $count i32)
    (call $logistic (i32.const 0) (i32.shl (local.get $count) (i32.const 2)) (i32.const 16384))
    (call $logistic (i32.const 0) (i32.shl (local.get $count) (i32.const 2)) (i32.const 16400)))

  ;; The reverse (or probability-flow) step of quads q0 .. q1 - 1 of x from its score at 28672 (`score`
  ;; with `source` 0): x <- cx x + cs score + cz z, z the normals at 16384 when `noisy`. Returns 1 when
  ;; every new position is finite (x - x is 0 exactly where x is finite, NaN otherwise).
  (func (export "update") (param $q0 i32) (param $q1 i32) (param $noisy i32) (result i32)
    (local $cx v128) (local $cs v128) (local $cz v128)
    (local $p i32) (local $start i32) (local $end i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $bad v128)
    (local.set $cx (v128.load offset=704 (i32.const 0)))
    (local.set $cs (v128.load offset=720 (i32.const 0)))
    (local.set $cz (v128.load offset=736 (i32.const 0)))
    (local.set $start (i32.shl (local.get $q0) (i32.const 5)))
    (local.set $end (i32.shl (local.get $q1) (i32.const 5)))
    (local.set $p (local.get $start))
    (block $update_done
      (loop $update
        (br_if $update_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $x (f32x4.add (f32x4.mul (local.get $cx) (local.get $x)) (f32x4.mul (local.get $cs) (v128.load offset=28672 (local.get $p)))))
        (local.set $y (f32x4.add (f32x4.mul (local.get $cx) (local.get $y)) (f32x4.mul (local.get $cs) (v128.load offset=28688 (local.get $p)))))
        (if (local.get $noisy)
          (then
            (local.set $x (f32x4.add (local.get $x) (f32x4.mul (local.get $cz) (v128.load offset=16384 (local.get $p)))))
            (local.set $y (f32x4.add (local.get $y) (f32x4.mul (local.get $cz) (v128.load offset=16400 (local.get $p)))))))
        (local.set $bad (v128.or (local.get $bad) (v128.or
          (f32x4.ne (f32x4.sub (local.get $x) (local.get $x)) (v128.const f32x4 0 0 0 0))
          (f32x4.ne (f32x4.sub (local.get $y) (local.get $y)) (v128.const f32x4 0 0 0 0)))))
        (v128.store offset=8192 (local.get $p) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (v128.store offset=8208 (local.get $p) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $update)))
    (i32.eqz (v128.any_true (local.get $bad))))

  ;; Heun's predictor (Karras et al. 2022, Algorithm 1) of quads q0 .. q1 - 1: y = px x + ps score(x)
  ;; from x at 8192 and its score at 28672, into 36864 (interleaved, as x).
  (func (export "predict") (param $q0 i32) (param $q1 i32)
    (local $px v128) (local $ps v128)
    (local $p i32) (local $start i32) (local $end i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128)
    (local.set $px (v128.load offset=6144 (i32.const 0)))
    (local.set $ps (v128.load offset=6160 (i32.const 0)))
    (local.set $start (i32.shl (local.get $q0) (i32.const 5)))
    (local.set $end (i32.shl (local.get $q1) (i32.const 5)))
    (local.set $p (local.get $start))
    (block $predict_done
      (loop $predict
        (br_if $predict_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $x (f32x4.add (f32x4.mul (local.get $px) (local.get $x)) (f32x4.mul (local.get $ps) (v128.load offset=28672 (local.get $p)))))
        (local.set $y (f32x4.add (f32x4.mul (local.get $px) (local.get $y)) (f32x4.mul (local.get $ps) (v128.load offset=28688 (local.get $p)))))
        (v128.store offset=36864 (local.get $p) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (v128.store offset=36880 (local.get $p) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $predict)))
)

  ;; Heun's corrector of quads q0 .. q1 - 1: x <- cx x + cs score(x) + cy y + cs2 score(y), the scores
  ;; at 28672 and 45056, y at 36864. Returns 1 when every new position is finite.
  (func (export "combine") (param $q0 i32) (param $q1 i32) (result i32)
    (local $cx v128) (local $cs v128) (local $cy v128) (local $cs2 v128)
    (local $p i32) (local $start i32) (local $end i32) (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $bad v128)
    (local.set $cx (v128.load offset=704 (i32.const 0)))
    (local.set $cs (v128.load offset=720 (i32.const 0)))
    (local.set $cy (v128.load offset=6176 (i32.const 0)))
    (local.set $cs2 (v128.load offset=6192 (i32.const 0)))
    (local.set $start (i32.shl (local.get $q0) (i32.const 5)))
    (local.set $end (i32.shl (local.get $q1) (i32.const 5)))
    (local.set $p (local.get $start))
    (block $combine_done
      (loop $combine
        (br_if $combine_done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load offset=0 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $b (v128.load offset=16 (i32.add (local.get $p) (i32.const 8192))))
        (local.set $x (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b)))
        (local.set $y (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b)))
        (local.set $a (v128.load offset=36864 (local.get $p)))
        (local.set $b (v128.load offset=36880 (local.get $p)))
        (local.set $x (f32x4.add (f32x4.add (f32x4.mul (local.get $cx) (local.get $x)) (f32x4.mul (local.get $cs) (v128.load offset=28672 (local.get $p))))
          (f32x4.add (f32x4.mul (local.get $cy) (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b))) (f32x4.mul (local.get $cs2) (v128.load offset=45056 (local.get $p))))))
        (local.set $y (f32x4.add (f32x4.add (f32x4.mul (local.get $cx) (local.get $y)) (f32x4.mul (local.get $cs) (v128.load offset=28688 (local.get $p))))
          (f32x4.add (f32x4.mul (local.get $cy) (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b))) (f32x4.mul (local.get $cs2) (v128.load offset=45072 (local.get $p))))))
        (local.set $bad (v128.or (local.get $bad) (v128.or
          (f32x4.ne (f32x4.sub (local.get $x) (local.get $x)) (v128.const f32x4 0 0 0 0))
          (f32x4.ne (f32x4.sub (local.get $y) (local.get $y)) (v128.const f32x4 0 0 0 0)))))
        (v128.store offset=8192 (local.get $p) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
        (v128.store offset=8208 (local.get $p) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $combine)))
    (i32.eqz (v128.any_true (local.get $bad))))
)
