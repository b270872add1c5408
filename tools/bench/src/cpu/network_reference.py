"""The CPU bench's network reference: sampling with the MLP score network of score-nets in PyTorch.

The network of `mlpScoreNetwork({ dim: 2 })`: input [x, sin(t f), cos(t f)] (16 random Fourier
features of t), three Linear(., 128) + SiLU layers, Linear(128, 2), float32, evaluated under
torch.no_grad() on PARTICLES particles at one t per step (the features computed for every row, as
a PyTorch model takes them), followed by the Euler-Maruyama update x <- x + dt * score + noise.
`steps` steps, on THREADS threads (torch.set_num_threads; run it with OPENBLAS_NUM_THREADS and
OMP_NUM_THREADS set alike, or OpenBLAS starts a thread per core whatever torch is told). Prints one
JSON line: particle-steps per second, best of 3: wall time (`torch_N`), CPU time of the busiest
thread (`torch_N_cpu`) and of all threads together (`torch_N_total`), the version and the BLAS (the
library libblas.so.3 resolves to: Debian's reference BLAS unless LD_LIBRARY_PATH points at OpenBLAS).

Usage: python3 network_reference.py PARTICLES STEPS THREADS
"""
import json
import math
import sys

import torch

from cpu_times import best_times

n = int(sys.argv[1])
steps = int(sys.argv[2])
threads = int(sys.argv[3])
result = {"torch": torch.__version__}


def blas():
    """The file libblas.so.3 resolved to in this process (from /proc/self/maps)."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libblas" in line or "openblas" in line:
                return line.split()[-1]
    return "unknown"


class Mlp(torch.nn.Module):
    def __init__(self, width=128, depth=3, features=16):
        super().__init__()
        self.register_buffer("w", torch.randn(features // 2) * 16 * 2 * math.pi)
        sizes = [2 + features] + [width] * depth
        self.hidden = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.out = torch.nn.Linear(width, 2)

    def forward(self, x, t):
        angle = t[:, None] * self.w[None, :]
        h = torch.cat([x, torch.sin(angle), torch.cos(angle)], 1)
        for layer in self.hidden:
            h = torch.nn.functional.silu(layer(h))
        return self.out(h)


def best_of(name, run):
    """Stores the best wall, busiest-thread CPU and all-threads CPU rates, in particle-steps per second."""
    wall, cpu, total = best_times(run)
    result[name] = n * steps / wall
    result[name + "_cpu"] = n * steps / cpu
    result[name + "_total"] = n * steps / total


torch.manual_seed(0)
model = Mlp().eval()
times = [1.0 - 0.999 * k / steps for k in range(steps + 1)]


def sample():
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(n, 2, generator=gen)
    with torch.no_grad():
        for k in range(steps):
            t, dt = times[k], times[k] - times[k + 1]
            score = -model(x, torch.full((n,), t)) / math.sqrt(1 - math.exp(-t))
            x = x + dt * (0.5 * x + score) + math.sqrt(dt) * torch.randn(n, 2, generator=gen)
    return x


torch.set_num_threads(threads)
best_of(f"torch_{threads}", sample)
result["blas"] = blas()
print(json.dumps(result))
