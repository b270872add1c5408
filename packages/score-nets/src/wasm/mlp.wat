;; The MLP score network's forward pass as WebAssembly SIMD (f32x4), written by hand.
;; Assembled by wabt's wat2wasm: `npm run build:wasm -w @scoreflow/score-nets` writes mlp-wasm.ts.
;;
;; Memory is the caller's (imported); every pointer is a byte offset, 16-byte aligned; bytes 0 .. 255
;; are the kernels' own (0: the null pointer, 16 .. 223: activate's constants).
;; Layouts (see wasm-mlp.ts, which packs them):
;; - a layer's input a: rows x k float32, row stride `lda` bytes; `rows` a multiple of 4, k >= 1;
;; - its weights W (k x n, n a multiple of 8) packed in strips of 8 columns:
;;   W[k][8 s + c] at w + 4 (s k 8 + k 8 + c), so a strip is read front to back, 32 bytes per k;
;; - its bias b: n float32; its output: rows x n float32, rows contiguous (stride 4 n).
(module
  (import "env" "memory" (memory 1))

  ;; Applies the activation to `count` float32 at p (count a multiple of 4), in place, then adds
  ;; the float32 at `res` (a residual input of the same layout) when res is not 0.
  ;; mode 0: identity; 1: SiLU v / (1 + exp(-v)) (Elfwing et al. 2018); 2: ReLU max(v, 0);
  ;; 3: exp(-v) itself (what the tests measure); 5: backward through SiLU, v sigma(z) (1 + z (1 -
  ;; sigma(z))) with z (the pre-activation) at `res`, which is then not added.
  ;;
  ;; exp(x), x = -v, is Cephes' expf (Moshier 1989): x clamped to [-87, 88] (so 2^n stays a normal
  ;; float32), n = round(x log2 e), r = x - n C1 - n C2 (Cody and Waite 1980: C1 + C2 = ln 2, C1 of
  ;; 9 bits so that n C1 is exact), exp(r) = 1 + r + r^2 P(r) with Cephes' degree-5 P on
  ;; [-ln 2 / 2, ln 2 / 2], times 2^n: max relative error 8.1e-8 against Math.exp
  ;; (mlp-kernels.spec.ts). It is computed on s = v clamped to [-88, 87] and u = -r = s + n C1 +
  ;; n C2, with P's odd coefficients negated, which rounds exactly as Cephes does on x (negation is
  ;; exact) and needs no negation. n comes from adding 1.5 2^23 + 127 to s (-log2 e): the float32
  ;; sum rounds to an integer whose low mantissa bits are n + 127, so shifted left by 23 they are
  ;; the bits of 2^n. NaN passes through. The constants are stored at bytes 16 .. 223 and loaded in
  ;; the loop: V8 rebuilds a v128.const (four instructions) at every use, even from a local.
  (func $activate (export "activate") (param $p i32) (param $res i32) (param $count i32) (param $mode i32)
    (local $end i32) (local $v v128) (local $s v128) (local $n v128) (local $u v128) (local $y v128) (local $z v128)
    (if (i32.eqz (local.get $count)) (then (return)))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (if (i32.and (local.get $mode) (i32.const 1))
      (then
        (v128.store offset=16 (i32.const 0) (v128.const f32x4 87 87 87 87))
        (v128.store offset=32 (i32.const 0) (v128.const f32x4 -88 -88 -88 -88))
        (v128.store offset=48 (i32.const 0) (v128.const f32x4 -1.44269504088896341 -1.44269504088896341 -1.44269504088896341 -1.44269504088896341))
        (v128.store offset=64 (i32.const 0) (v128.const f32x4 12583039 12583039 12583039 12583039))
        (v128.store offset=80 (i32.const 0) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375))
        (v128.store offset=96 (i32.const 0) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))
        (v128.store offset=112 (i32.const 0) (v128.const f32x4 -1.9875691500e-4 -1.9875691500e-4 -1.9875691500e-4 -1.9875691500e-4))
        (v128.store offset=128 (i32.const 0) (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3))
        (v128.store offset=144 (i32.const 0) (v128.const f32x4 -8.3334519073e-3 -8.3334519073e-3 -8.3334519073e-3 -8.3334519073e-3))
        (v128.store offset=160 (i32.const 0) (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2))
        (v128.store offset=176 (i32.const 0) (v128.const f32x4 -1.6666665459e-1 -1.6666665459e-1 -1.6666665459e-1 -1.6666665459e-1))
        (v128.store offset=192 (i32.const 0) (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1))
        (v128.store offset=208 (i32.const 0) (v128.const f32x4 1 1 1 1))
        (loop $exp
          (local.set $v (v128.load (local.get $p)))
          (local.set $z (if (result v128) (i32.eq (local.get $mode) (i32.const 5))
            (then (v128.load (local.get $res))) (else (local.get $v))))
          (local.set $s (f32x4.pmax (f32x4.pmin (local.get $z) (v128.load offset=16 (i32.const 0))) (v128.load offset=32 (i32.const 0))))
          ;; n + 1.5 2^23 + 127, rounded to an integer by the float32 addition itself
          (local.set $y (f32x4.add (f32x4.mul (local.get $s) (v128.load offset=48 (i32.const 0))) (v128.load offset=64 (i32.const 0))))
          (local.set $n (f32x4.sub (local.get $y) (v128.load offset=64 (i32.const 0))))
          (local.set $u (f32x4.add
            (f32x4.add (local.get $s) (f32x4.mul (local.get $n) (v128.load offset=80 (i32.const 0))))
            (f32x4.mul (local.get $n) (v128.load offset=96 (i32.const 0)))))
          ;; 2^n
          (local.set $n (i32x4.shl (local.get $y) (i32.const 23)))
          (local.set $y (f32x4.add (f32x4.mul (v128.load offset=112 (i32.const 0)) (local.get $u)) (v128.load offset=128 (i32.const 0))))
          (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $u)) (v128.load offset=144 (i32.const 0))))
          (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $u)) (v128.load offset=160 (i32.const 0))))
          (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $u)) (v128.load offset=176 (i32.const 0))))
          (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $u)) (v128.load offset=192 (i32.const 0))))
          ;; exp(r) = 1 + r + r^2 P(r) = (y u^2 - u) + 1, times 2^n
          (local.set $y (f32x4.mul
            (f32x4.add (f32x4.sub (f32x4.mul (local.get $y) (f32x4.mul (local.get $u) (local.get $u))) (local.get $u)) (v128.load offset=208 (i32.const 0)))
            (local.get $n)))
          (if (i32.eq (local.get $mode) (i32.const 3))
            (then (local.set $v (local.get $y)))
            (else (if (i32.eq (local.get $mode) (i32.const 5))
              (then
                ;; SiLU's derivative at z times v: sigma(z) (1 + z (1 - sigma(z))) v
                (local.set $y (f32x4.div (v128.load offset=208 (i32.const 0)) (f32x4.add (local.get $y) (v128.load offset=208 (i32.const 0)))))
                (local.set $v (f32x4.mul (local.get $v) (f32x4.mul (local.get $y)
                  (f32x4.add (v128.load offset=208 (i32.const 0)) (f32x4.mul (local.get $z) (f32x4.sub (v128.load offset=208 (i32.const 0)) (local.get $y))))))))
              (else (local.set $v (f32x4.div (local.get $v) (f32x4.add (local.get $y) (v128.load offset=208 (i32.const 0)))))))))
          (if (local.get $res)
            (then
              (if (i32.ne (local.get $mode) (i32.const 5))
                (then (local.set $v (f32x4.add (local.get $v) (v128.load (local.get $res))))))
              (local.set $res (i32.add (local.get $res) (i32.const 16)))))
          (v128.store (local.get $p) (local.get $v))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $exp (i32.lt_u (local.get $p) (local.get $end)))))
      (else
        (if (i32.and (i32.eqz (local.get $mode)) (i32.eqz (local.get $res))) (then (return)))
        (loop $plain
          (local.set $v (v128.load (local.get $p)))
          (if (local.get $mode) (then (local.set $v (f32x4.pmax (local.get $v) (v128.const f32x4 0 0 0 0)))))
          (if (local.get $res)
            (then
              (local.set $v (f32x4.add (local.get $v) (v128.load (local.get $res))))
              (local.set $res (i32.add (local.get $res) (i32.const 16)))))
          (v128.store (local.get $p) (local.get $v))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $plain (i32.lt_u (local.get $p) (local.get $end)))))))

  ;; One dense layer out = act(a W + b) (+ res), over `rows` rows: a register-blocked matrix
  ;; product, 4 rows x 8 columns per block (eight f32x4 accumulators: each k adds a broadcast
  ;; a[r][k] times the strip's two weight vectors: 11 of the 15 vector registers V8 allocates, so
  ;; nothing spills; TurboFan unrolls the k loop itself), then bias, then the
  ;; activation and residual of the block's 4 rows (`activate`) while they are in the L1 cache.
  ;; `res` (0: none) is the residual input, rows x n like the output.
  (func (export "dense")
    (param $a i32) (param $lda i32) (param $w i32) (param $b i32) (param $out i32)
    (param $rows i32) (param $k i32) (param $n i32) (param $act i32) (param $res i32)
    (local $i i32) (local $s i32) (local $strips i32) (local $kk i32) (local $wp i32) (local $o i32) (local $ldo i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $w0 v128) (local $w1 v128) (local $x v128)
    (local.set $ldo (i32.shl (local.get $n) (i32.const 2)))
    (local.set $strips (i32.shr_u (local.get $n) (i32.const 3)))
    (block $rowsDone
      (loop $rowBlocks
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $s (i32.const 0))
        (loop $strip
          (local.set $c00 (v128.const i32x4 0 0 0 0)) (local.set $c01 (v128.const i32x4 0 0 0 0))
          (local.set $c10 (v128.const i32x4 0 0 0 0)) (local.set $c11 (v128.const i32x4 0 0 0 0))
          (local.set $c20 (v128.const i32x4 0 0 0 0)) (local.set $c21 (v128.const i32x4 0 0 0 0))
          (local.set $c30 (v128.const i32x4 0 0 0 0)) (local.set $c31 (v128.const i32x4 0 0 0 0))
          (local.set $wp (i32.add (local.get $w) (i32.mul (i32.mul (local.get $s) (local.get $k)) (i32.const 32))))
          (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $lda))))
          (local.set $a1 (i32.add (local.get $a0) (local.get $lda)))
          (local.set $a2 (i32.add (local.get $a1) (local.get $lda)))
          (local.set $a3 (i32.add (local.get $a2) (local.get $lda)))
          (local.set $kk (local.get $k))
          (loop $ks
            ;; k
            (local.set $w0 (v128.load (local.get $wp)))
            (local.set $w1 (v128.load offset=16 (local.get $wp)))
            (local.set $x (v128.load32_splat (local.get $a0)))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat (local.get $a1)))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat (local.get $a2)))
            (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat (local.get $a3)))
            (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $wp (i32.add (local.get $wp) (i32.const 32)))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
            (local.set $a1 (i32.add (local.get $a1) (i32.const 4)))
            (local.set $a2 (i32.add (local.get $a2) (i32.const 4)))
            (local.set $a3 (i32.add (local.get $a3) (i32.const 4)))
            (local.set $kk (i32.sub (local.get $kk) (i32.const 1)))
            (br_if $ks (i32.gt_s (local.get $kk) (i32.const 0))))
          ;; the block plus the bias, stored
          (local.set $w0 (v128.load (i32.add (local.get $b) (i32.shl (local.get $s) (i32.const 5)))))
          (local.set $w1 (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $s) (i32.const 5)))))
          (local.set $o (i32.add (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $ldo))) (i32.shl (local.get $s) (i32.const 5))))
          (v128.store (local.get $o) (f32x4.add (local.get $c00) (local.get $w0)))
          (v128.store offset=16 (local.get $o) (f32x4.add (local.get $c01) (local.get $w1)))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (f32x4.add (local.get $c10) (local.get $w0)))
          (v128.store offset=16 (local.get $o) (f32x4.add (local.get $c11) (local.get $w1)))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (f32x4.add (local.get $c20) (local.get $w0)))
          (v128.store offset=16 (local.get $o) (f32x4.add (local.get $c21) (local.get $w1)))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (f32x4.add (local.get $c30) (local.get $w0)))
          (v128.store offset=16 (local.get $o) (f32x4.add (local.get $c31) (local.get $w1)))
          (local.set $s (i32.add (local.get $s) (i32.const 1)))
          (br_if $strip (i32.lt_u (local.get $s) (local.get $strips))))
        ;; the block's 4 rows: activation, residual
        (call $activate
          (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $ldo)))
          (if (result i32) (local.get $res)
            (then (i32.add (local.get $res) (i32.mul (local.get $i) (local.get $ldo))))
            (else (i32.const 0)))
          (i32.shl (local.get $n) (i32.const 2))
          (local.get $act))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rowBlocks))))

  ;; The weight gradient dW = a^T dz of a dense layer (backpropagation): out (k x n, row-major,
  ;; k a multiple of 4, n of 8) = sum over `rows` r of a[r][k] dz[r][n], the row stride of a
  ;; `lda` bytes and of dz `ldz`. The micro-kernel of `dense` with the roles turned: a block of 4
  ;; rows of dW (4 columns of a, broadcast) x 8 columns (two vectors of a row of dz), the
  ;; reduction running down the rows. With `accumulate` it adds to what out holds: the caller
  ;; walks the rows in chunks that stay in the L2 cache (11 against 15 GMAC/s over 4,096 rows).
  (func (export "denseTn")
    (param $a i32) (param $lda i32) (param $dz i32) (param $ldz i32) (param $out i32)
    (param $rows i32) (param $k i32) (param $n i32) (param $accumulate i32)
    (local $i i32) (local $s i32) (local $strips i32) (local $r i32) (local $zp i32) (local $o i32) (local $ldo i32) (local $ap i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $w0 v128) (local $w1 v128) (local $x v128)
    (local.set $ldo (i32.shl (local.get $n) (i32.const 2)))
    (local.set $strips (i32.shr_u (local.get $n) (i32.const 3)))
    (if (i32.eqz (local.get $rows)) (then (return)))
    (block $done
      (loop $kBlocks
        (br_if $done (i32.ge_u (local.get $i) (local.get $k)))
        (local.set $s (i32.const 0))
        (loop $strip
          (local.set $o (i32.add (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $ldo))) (i32.shl (local.get $s) (i32.const 5))))
          (if (local.get $accumulate)
            (then
              (local.set $c00 (v128.load (local.get $o))) (local.set $c01 (v128.load offset=16 (local.get $o)))
              (local.set $o (i32.add (local.get $o) (local.get $ldo)))
              (local.set $c10 (v128.load (local.get $o))) (local.set $c11 (v128.load offset=16 (local.get $o)))
              (local.set $o (i32.add (local.get $o) (local.get $ldo)))
              (local.set $c20 (v128.load (local.get $o))) (local.set $c21 (v128.load offset=16 (local.get $o)))
              (local.set $o (i32.add (local.get $o) (local.get $ldo)))
              (local.set $c30 (v128.load (local.get $o))) (local.set $c31 (v128.load offset=16 (local.get $o))))
            (else
              (local.set $c00 (v128.const i32x4 0 0 0 0)) (local.set $c01 (v128.const i32x4 0 0 0 0))
              (local.set $c10 (v128.const i32x4 0 0 0 0)) (local.set $c11 (v128.const i32x4 0 0 0 0))
              (local.set $c20 (v128.const i32x4 0 0 0 0)) (local.set $c21 (v128.const i32x4 0 0 0 0))
              (local.set $c30 (v128.const i32x4 0 0 0 0)) (local.set $c31 (v128.const i32x4 0 0 0 0))))
          (local.set $ap (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2))))
          (local.set $zp (i32.add (local.get $dz) (i32.shl (local.get $s) (i32.const 5))))
          (local.set $r (local.get $rows))
          (loop $rs
            (local.set $w0 (v128.load (local.get $zp)))
            (local.set $w1 (v128.load offset=16 (local.get $zp)))
            (local.set $x (v128.load32_splat (local.get $ap)))
            (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat offset=4 (local.get $ap)))
            (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat offset=8 (local.get $ap)))
            (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $x (v128.load32_splat offset=12 (local.get $ap)))
            (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $w0))))
            (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $w1))))
            (local.set $ap (i32.add (local.get $ap) (local.get $lda)))
            (local.set $zp (i32.add (local.get $zp) (local.get $ldz)))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br_if $rs (local.get $r)))
          (local.set $o (i32.add (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $ldo))) (i32.shl (local.get $s) (i32.const 5))))
          (v128.store (local.get $o) (local.get $c00))
          (v128.store offset=16 (local.get $o) (local.get $c01))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (local.get $c10))
          (v128.store offset=16 (local.get $o) (local.get $c11))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (local.get $c20))
          (v128.store offset=16 (local.get $o) (local.get $c21))
          (local.set $o (i32.add (local.get $o) (local.get $ldo)))
          (v128.store (local.get $o) (local.get $c30))
          (v128.store offset=16 (local.get $o) (local.get $c31))
          (local.set $s (i32.add (local.get $s) (i32.const 1)))
          (br_if $strip (i32.lt_u (local.get $s) (local.get $strips))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $kBlocks))))
)
